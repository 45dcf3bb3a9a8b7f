import { describe, expect, it } from "vitest";
import { chargePayload } from "~/models/market/till.server";
import { stallStaticPayload } from "~/models/market/stall.server";
import { crc16, decodeVietQr, parseTlv } from "~/standards/vietqr";
import { StallSchema, TillChargeSchema, normalizeAccountHolder, parseVndAmount } from "~/schemas/market";

// DESIGN.md "Standards to meet": the two known-good payloads.
const STATIC_VECTOR = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F";
const DYNAMIC_VECTOR = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6";
const stall = { bankBin: "970416", accountNumber: "257678859" };

describe("a stall's VietQR payloads", () => {
  it("static poster payload matches DESIGN.md byte for byte and decodes field by field", () => {
    const payload = stallStaticPayload(stall);
    expect(payload).toBe(STATIC_VECTOR);
    const top = parseTlv(payload);
    expect(Object.keys(top).sort()).toEqual(["00", "01", "38", "53", "58", "63"]);
    expect(top).toMatchObject({ "00": "01", "01": "11", "53": "704", "58": "VN", "63": "AE9F" });
    expect(top["54"]).toBeUndefined(); // no amount on a static code
    expect(payload.startsWith("000201" + "010211" + "3853")).toBe(true); // fields in order
    const merchant = parseTlv(top["38"]!);
    expect(merchant).toEqual({ "00": "A000000727", "01": "0006970416010925767885" + "9", "02": "QRIBFTTA" });
    expect(parseTlv(merchant["01"]!)).toEqual({ "00": "970416", "01": "257678859" });
    expect(crc16(payload.slice(0, -4))).toBe("AE9F");
    const decoded = decodeVietQr(payload);
    expect(decoded).toMatchObject({ dynamic: false, bin: "970416", account: "257678859", service: "QRIBFTTA", currency: "704", country: "VN", crcValid: true });
  });

  it("dynamic till payload (10 000 ₫, memo 'Chuyen tien') matches DESIGN.md byte for byte", () => {
    const payload = chargePayload(stall, { amount: 10000, memo: "Chuyen tien" });
    expect(payload).toBe(DYNAMIC_VECTOR);
    const top = parseTlv(payload);
    expect(Object.keys(top).sort()).toEqual(["00", "01", "38", "53", "54", "58", "62", "63"]);
    expect(top).toMatchObject({ "01": "12", "54": "10000", "63": "53E6" });
    expect(payload.startsWith("000201" + "010212")).toBe(true);
    expect(parseTlv(top["62"]!)).toEqual({ "08": "Chuyen tien" });
    expect(crc16(payload.slice(0, -4))).toBe("53E6");
    expect(decodeVietQr(payload)).toMatchObject({ dynamic: true, amount: 10000, memo: "Chuyen tien", crcValid: true });
  });

  it("a till memo rides in field 62/08 and a tampered payload fails its CRC", () => {
    const payload = chargePayload(stall, { amount: 45000, memo: "CSTK7QX2M" });
    const decoded = decodeVietQr(payload);
    expect(decoded).toMatchObject({ amount: 45000, memo: "CSTK7QX2M", crcValid: true });
    expect(decodeVietQr(payload.replace("540545000", "540545001")).crcValid).toBe(false);
  });
});

describe("till and stall input", () => {
  it("reads amounts typed the Vietnamese way and rejects everything else", () => {
    expect(parseVndAmount("45000")).toBe(45000);
    expect(parseVndAmount("45.000")).toBe(45000);
    expect(parseVndAmount("45 000 ₫")).toBe(45000);
    expect(parseVndAmount("-5")).toBe(-5);
    for (const bad of ["abc", "1e5", "4,5x", "", "0x10"]) expect(Number.isNaN(parseVndAmount(bad)), bad).toBe(true);
    const key = "k".repeat(20);
    expect(TillChargeSchema.safeParse({ amount: "0", method: "cash", idempotencyKey: key }).success).toBe(false);
    expect(TillChargeSchema.safeParse({ amount: "50000000", method: "cash", idempotencyKey: key }).success).toBe(true);
    expect(TillChargeSchema.safeParse({ amount: "50000001", method: "cash", idempotencyKey: key }).success).toBe(false);
    expect(TillChargeSchema.safeParse({ amount: "10000", method: "cash", idempotencyKey: "short" }).success).toBe(false);
  });

  it("account holder becomes upper-case ASCII; account number digits only, 6–19", () => {
    expect(normalizeAccountHolder("  Lê Thị Tám ")).toBe("LE THI TAM");
    expect(normalizeAccountHolder("Đặng Văn Đức")).toBe("DANG VAN DUC");
    const base = { marketId: "1", stallNumber: "a12", name: "Sạp chè", goods: "", bankBin: "970415", accountHolder: "Lê Thị Tám" };
    const ok = StallSchema.safeParse({ ...base, accountNumber: "1018 7543 2619" });
    expect(ok.success && ok.data).toMatchObject({ accountNumber: "101875432619", accountHolder: "LE THI TAM", stallNumber: "A12" });
    for (const bad of ["10187543261A", "12345", "12345678901234567890", ""]) {
      expect(StallSchema.safeParse({ ...base, accountNumber: bad }).success, bad).toBe(false);
    }
  });
});
