import { describe, expect, it } from "vitest";
import { normalizeTaxCode, taxCodeRequired } from "~/utils/tax-code";
import { templates, SECRET_PAYLOAD_KEYS } from "~/models/notify/templates/account";
import { parseOperator, DEMO_OPERATOR } from "~/utils/operator.server";
import { EnvError } from "~/utils/env.server";
import { toCsv, csvCell } from "~/utils/csv";
import { newCode } from "~/models/account.server";

describe("Vietnamese tax codes", () => {
  it("accepts 10 digits and the 13-digit branch form, typed loosely, in canonical form", () => {
    expect(normalizeTaxCode("4601234567")).toBe("4601234567");
    expect(normalizeTaxCode(" 4601 234 567 ")).toBe("4601234567");
    expect(normalizeTaxCode("4601234567-001")).toBe("4601234567-001");
    expect(normalizeTaxCode("4601234567001")).toBe("4601234567-001");
    expect(normalizeTaxCode("4601.234.567-012")).toBe("4601234567-012");
  });
  it("rejects other lengths, letters, all zeros and branch 000", () => {
    for (const bad of ["", "460123456", "46012345678", "460123456A", "0000000000", "4601234567-000", "4601234567-01", "4601234567--001", "MST4601234567"]) {
      expect(normalizeTaxCode(bad), bad).toBeNull();
    }
  });
  it("is required for cooperatives and enterprises only", () => {
    expect(taxCodeRequired("cooperative")).toBe(true);
    expect(taxCodeRequired("enterprise")).toBe(true);
    expect(taxCodeRequired("household")).toBe(false);
  });
});

describe("account message templates", () => {
  const payloads: Record<string, Record<string, unknown>> = {
    "account.reset_code": { code: "042917", minutes: 10 },
    "account.reset_link": { url: "https://cho-so.vn/reset-password?token=1.abc", minutes: 30 },
    "account.contact_code": { code: "135790", minutes: 10 },
    "account.password_changed": {},
    "account.contact_changed": { newContact: "0912 345 678" },
    "complaint.received": { code: "KN2345678" },
    "complaint.reply": { code: "KN2345678", reply: "Chúng tôi đã hoàn tiền cho bạn.", status: "resolved" },
  };
  it("covers every template the account and complaint code sends", () => {
    expect(Object.keys(templates).sort()).toEqual(Object.keys(payloads).sort());
  });
  for (const [name, payload] of Object.entries(payloads)) {
    it(`${name}: Vietnamese and English, an ASCII SMS, the payload's facts in every form`, () => {
      const vi = templates[name]!(payload, "vi");
      const en = templates[name]!(payload, "en");
      expect(vi.subject).not.toEqual(en.subject);
      for (const m of [vi, en]) {
        expect(m.subject.length).toBeGreaterThan(3);
        expect(m.text.length).toBeGreaterThan(20);
        expect(m.sms).toMatch(/^[\x20-\x7E]+$/);
        expect(m.sms.length).toBeLessThanOrEqual(300);
        for (const key of ["code", "url", "newContact"]) {
          if (typeof payload[key] === "string") expect(m.text).toContain(payload[key] as string);
          if (key === "code" && typeof payload[key] === "string") expect(m.sms).toContain(payload[key] as string);
        }
      }
      expect(vi.text).toMatch(/[ăâđêôơư]/); // real Vietnamese, with its marks
    });
  }
  it("names the payload keys that are secrets", () => {
    expect([...SECRET_PAYLOAD_KEYS]).toEqual(["code", "url"]);
  });
});

describe("operator details", () => {
  const live = {
    OPERATOR_NAME: "Công ty TNHH A",
    OPERATOR_ADDRESS: "Số 1, Phường Phan Đình Phùng",
    OPERATOR_TAX_CODE: "4600000001",
    OPERATOR_PHONE: "0208 3 000 001",
    OPERATOR_EMAIL: "a@b.vn",
  };
  it("uses labelled demo values outside a live deployment", () => {
    expect(parseOperator({}, false)).toEqual({ ...DEMO_OPERATOR, demo: true });
  });
  it("a live deployment requires the five details and names each missing one", () => {
    expect(() => parseOperator({}, true)).toThrowError(EnvError);
    let message = "";
    try {
      parseOperator({ OPERATOR_NAME: "X" }, true);
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain("OPERATOR_ADDRESS: is required in production");
    expect(message).toContain("OPERATOR_EMAIL: is required in production");
    expect(message).not.toContain("OPERATOR_NAME:");
    expect(parseOperator(live, true)).toMatchObject({ name: "Công ty TNHH A", phone: "+842083000001", demo: false, registration: null });
  });
  it("rejects malformed values", () => {
    expect(() => parseOperator({ ...live, OPERATOR_TAX_CODE: "12" }, false)).toThrowError(/OPERATOR_TAX_CODE/);
    expect(() => parseOperator({ ...live, OPERATOR_PHONE: "12" }, false)).toThrowError(/OPERATOR_PHONE/);
    expect(() => parseOperator({ ...live, OPERATOR_EMAIL: "nope" }, false)).toThrowError(/OPERATOR_EMAIL/);
  });
});

describe("CSV and codes", () => {
  it("quotes commas, quotes and newlines; neutralises formulas but not negative numbers; starts with a BOM", () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe('"\'=HYPERLINK(1)"');
    expect(csvCell("-5")).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv([{ a: 1, b: "x\ny" }])).toBe('\uFEFFa,b\r\n1,"x\ny"\r\n');
  });
  it("one-time codes are six digits and vary", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newCode()));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
});
