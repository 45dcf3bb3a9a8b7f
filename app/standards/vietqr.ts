/**
 * VietQR: the EMVCo merchant-presented QR payload as NAPAS specifies it, which every Vietnamese
 * banking app pays. Static (field 01 = "11", no amount) for a stall poster; dynamic ("12") with the
 * exact amount and a short memo for one order or one till charge.
 *
 *   00 "01" · 01 "11"|"12" · 38 { 00 "A000000727" · 01 { 00 BIN · 01 account } · 02 "QRIBFTTA" }
 *   · 53 "704" · 54 amount · 58 "VN" · 62 { 08 memo } · 63 CRC-16/CCITT-FALSE
 */
import { foldVietnamese } from "../utils/slug";
import { randomCode, type RandomBytes } from "./random-code";

export const NAPAS_GUID = "A000000727";
export const SERVICE_TO_ACCOUNT = "QRIBFTTA";
export const MAX_MEMO_LENGTH = 25;
export const MAX_AMOUNT_VND = 500_000_000; // a sane ceiling for one transfer (13 digits allowed by EMVCo)

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} too long`);
  return id + String(value.length).padStart(2, "0") + value;
}

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. */
export function crc16(input: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(input, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** Memo as banks carry it: plain ASCII letters, digits and spaces, at most 25 characters. */
export function sanitizeMemo(memo: string): string {
  return foldVietnamese(memo)
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_MEMO_LENGTH)
    .trim();
}

export type VietQrInput = {
  bin: string; // 6-digit NAPAS bank BIN
  account: string; // account number
  amount?: number; // integer VND; present → dynamic QR
  memo?: string;
};

export class VietQrError extends Error {}

export function buildVietQr(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bin)) throw new VietQrError("bank BIN must be 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.account)) throw new VietQrError("account must be 1–19 letters or digits");
  const dynamic = input.amount !== undefined;
  if (dynamic && (!Number.isInteger(input.amount) || input.amount! <= 0 || input.amount! > MAX_AMOUNT_VND)) {
    throw new VietQrError("amount must be a positive whole number of đồng");
  }
  const beneficiary = tlv("00", input.bin) + tlv("01", input.account);
  const merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT);
  let payload = tlv("00", "01") + tlv("01", dynamic ? "12" : "11") + tlv("38", merchant) + tlv("53", "704");
  if (dynamic) payload += tlv("54", String(input.amount));
  payload += tlv("58", "VN");
  const memo = input.memo ? sanitizeMemo(input.memo) : "";
  if (memo) payload += tlv("62", tlv("08", memo));
  payload += "6304";
  return payload + crc16(payload);
}

export type TlvMap = Record<string, string>;

export function parseTlv(data: string): TlvMap {
  const out: TlvMap = {};
  let i = 0;
  while (i < data.length) {
    const id = data.slice(i, i + 2);
    const len = Number(data.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > data.length) {
      throw new VietQrError(`malformed TLV at position ${i}`);
    }
    out[id] = data.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}

export type DecodedVietQr = {
  dynamic: boolean;
  bin: string;
  account: string;
  service: string;
  currency: string;
  country: string;
  amount?: number;
  memo?: string;
  crcValid: boolean;
  fields: TlvMap;
};

/** Decodes a payload field by field and checks its CRC. */
export function decodeVietQr(payload: string): DecodedVietQr {
  const body = payload.slice(0, -4);
  const crcValid = body.endsWith("6304") && crc16(body) === payload.slice(-4);
  const fields = parseTlv(payload);
  const merchant = parseTlv(fields["38"] ?? "");
  const beneficiary = parseTlv(merchant["01"] ?? "");
  const additional = fields["62"] ? parseTlv(fields["62"]) : {};
  if (merchant["00"] !== NAPAS_GUID) throw new VietQrError("not a NAPAS VietQR payload");
  return {
    dynamic: fields["01"] === "12",
    bin: beneficiary["00"] ?? "",
    account: beneficiary["01"] ?? "",
    service: merchant["02"] ?? "",
    currency: fields["53"] ?? "",
    country: fields["58"] ?? "",
    amount: fields["54"] !== undefined ? Number(fields["54"]) : undefined,
    memo: additional["08"],
    crcValid,
    fields,
  };
}

// Payment memos: a prefix naming what is paid (CSO = online order, CST = till charge) and 6 characters
// from the code alphabet (no look-alikes), short enough to type by hand if a bank app cannot scan,
// and unique enough for a day's market (31^6 ≈ 887 million).
export function newPaymentMemo(prefix: string, random?: RandomBytes): string {
  if (!/^[A-Z]{3}$/.test(prefix)) throw new VietQrError("memo prefix must be 3 capital letters");
  return prefix + randomCode(6, random);
}

/**
 * Finds our memo codes in a bank transfer's free-text content, which banks decorate ("MBVCB.123.
 * CSO7K3QXM.CT tu …") and sometimes split with spaces or dots.
 */
export function findPaymentMemos(content: string): string[] {
  const compact = foldVietnamese(content)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const found = compact.match(/CS[A-Z][A-HJKMNP-Z2-9]{6}/g) ?? [];
  return [...new Set(found)];
}
