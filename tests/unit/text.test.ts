import { describe, expect, it } from "vitest";
import { foldVietnamese, slugify } from "~/utils/slug";
import { formatVietnamPhone, normalizeVietnamPhone } from "~/utils/phone";
import { safeRedirect } from "~/utils/safe-redirect";
import { formatDate, formatDateTime, formatVnd, localIsoDate } from "~/utils/format";
import { parseIdentifier } from "~/schemas/auth";

describe("Vietnamese folding", () => {
  it("removes tones and marks, and maps đ/Đ to d/D", () => {
    expect(foldVietnamese("Chè Tân Cương")).toBe("Che Tan Cuong");
    expect(foldVietnamese("Định Hóa")).toBe("Dinh Hoa");
    expect(foldVietnamese("đặc sản ĐẠI TỪ")).toBe("dac san DAI TU");
    expect(slugify("Chè Tân Cương đặc biệt")).toBe("che-tan-cuong-dac-biet");
    expect(slugify("  Mật ong -- hoa rừng!  ")).toBe("mat-ong-hoa-rung");
  });
});

describe("phone numbers", () => {
  it.each([
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["(0208) 386 1234", "+842083861234"],
    ["0386-123-456", "+84386123456"],
  ])("normalises %s", (input, e164) => {
    expect(normalizeVietnamPhone(input)).toBe(e164);
  });

  it.each(["12345", "0123 456 789", "0912 345 67", "09123456789", "+1 202 555 0100", "091234567a", "", "00912345678"])("rejects %s", (input) => {
    expect(normalizeVietnamPhone(input)).toBeNull();
  });

  it("formats for display", () => {
    expect(formatVietnamPhone("+84912345678")).toBe("0912 345 678");
  });

  it("identifier is a phone or an e-mail", () => {
    expect(parseIdentifier("Shopper@ChoSo.test")).toEqual({ kind: "email", value: "shopper@choso.test" });
    expect(parseIdentifier("0912345678")).toEqual({ kind: "phone", value: "+84912345678" });
    expect(parseIdentifier("not an email@")).toBeNull();
    expect(parseIdentifier("abc")).toBeNull();
  });
});

describe("safe redirects", () => {
  it.each([
    ["/products?q=che", "/products?q=che"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe("formatting", () => {
  const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
  it("prices in VND as 120.000 ₫", () => {
    expect(nbsp(formatVnd(120000))).toBe("120.000 ₫");
    expect(nbsp(formatVnd(1500000))).toBe("1.500.000 ₫");
  });
  it("dates in Asia/Ho_Chi_Minh", () => {
    // 2026-11-21T18:30Z is already 22/11 01:30 in Việt Nam (UTC+7).
    const instant = new Date("2026-11-21T18:30:00Z");
    expect(formatDate(instant)).toBe("22/11/2026");
    expect(formatDate(instant, "en")).toBe("22/11/2026");
    expect(formatDateTime(instant)).toBe("22/11/2026 01:30");
    expect(localIsoDate(instant)).toBe("2026-11-22");
  });
});
