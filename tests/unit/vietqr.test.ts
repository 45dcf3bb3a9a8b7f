import { describe, expect, it } from "vitest";
import { buildVietQr, crc16, decodeVietQr, findPaymentMemos, newPaymentMemo, sanitizeMemo, VietQrError } from "~/standards/vietqr";
import { BANKS, findBank } from "~/data/banks";

// The two known-good payloads of ../shared/DESIGN.md
const STATIC = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F";
const DYNAMIC = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6";

describe("VietQR payloads", () => {
  it("builds the static vector byte for byte", () => {
    expect(buildVietQr({ bin: "970416", account: "257678859" })).toBe(STATIC);
  });

  it("builds the dynamic vector byte for byte", () => {
    expect(buildVietQr({ bin: "970416", account: "257678859", amount: 10000, memo: "Chuyen tien" })).toBe(DYNAMIC);
  });

  it("computes CRC-16/CCITT-FALSE", () => {
    expect(crc16("123456789")).toBe("29B1"); // the standard check value
    expect(crc16(STATIC.slice(0, -4))).toBe("AE9F");
  });

  it("decodes the static vector field by field", () => {
    const d = decodeVietQr(STATIC);
    expect(d).toMatchObject({ dynamic: false, bin: "970416", account: "257678859", service: "QRIBFTTA", currency: "704", country: "VN", crcValid: true });
    expect(d.fields["00"]).toBe("01");
    expect(d.fields["01"]).toBe("11");
    expect(d.amount).toBeUndefined();
    expect(d.memo).toBeUndefined();
  });

  it("decodes the dynamic vector field by field", () => {
    const d = decodeVietQr(DYNAMIC);
    expect(d).toMatchObject({ dynamic: true, amount: 10000, memo: "Chuyen tien", crcValid: true });
    expect(d.fields["01"]).toBe("12");
  });

  it("detects a corrupted payload by its CRC", () => {
    const tampered = DYNAMIC.replace("540510000", "540550000");
    expect(decodeVietQr(tampered).crcValid).toBe(false);
  });

  it("folds and trims memos to 25 ASCII characters", () => {
    expect(sanitizeMemo("Thanh toán đơn hàng #123 — chè Tân Cương")).toBe("Thanh toan don hang 123 c");
    expect(sanitizeMemo("Thanh toán đơn hàng #123 — chè Tân Cương").length).toBeLessThanOrEqual(25);
    const payload = buildVietQr({ bin: "970436", account: "0011001234567", amount: 45000, memo: "Chợ Thái – quầy A12" });
    expect(decodeVietQr(payload).memo).toBe("Cho Thai quay A12");
  });

  it("refuses bad input", () => {
    expect(() => buildVietQr({ bin: "97041", account: "1" })).toThrow(VietQrError);
    expect(() => buildVietQr({ bin: "970416", account: "12-34" })).toThrow(VietQrError);
    expect(() => buildVietQr({ bin: "970416", account: "1234", amount: 0 })).toThrow(VietQrError);
    expect(() => buildVietQr({ bin: "970416", account: "1234", amount: -5 })).toThrow(VietQrError);
    expect(() => buildVietQr({ bin: "970416", account: "1234", amount: 12.5 })).toThrow(VietQrError);
    expect(() => buildVietQr({ bin: "970416", account: "1234", amount: 1e12 })).toThrow(VietQrError);
  });
});

describe("payment memos", () => {
  it("uses the prefix and an unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const memo = newPaymentMemo("CST");
      expect(memo).toMatch(/^CST[A-HJKMNP-Z2-9]{6}$/);
    }
  });

  it("are found in decorated bank contents", () => {
    expect(findPaymentMemos("MBVCB.3278123.CSO7K3QXM.CT tu 0011 NGUYEN VAN A")).toEqual(["CSO7K3QXM"]);
    expect(findPaymentMemos("cst 7k3 qxm chuyen tien")).toEqual(["CST7K3QXM"]);
    expect(findPaymentMemos("chuyen tien an trua")).toEqual([]);
  });
});

describe("bank list", () => {
  it("has unique 6-digit BINs and the demo bank", () => {
    const bins = BANKS.map((b) => b.bin);
    expect(new Set(bins).size).toBe(bins.length);
    expect(bins.every((b) => /^\d{6}$/.test(b))).toBe(true);
    expect(findBank("970416")?.shortName).toBe("ACB");
  });
});
