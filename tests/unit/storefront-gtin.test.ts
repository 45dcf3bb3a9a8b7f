import { describe, expect, it } from "vitest";
import { gtinCheckDigit, isValidGtin, toGtin14 } from "~/utils/gtin";

describe("GTIN check digits", () => {
  it.each([
    ["96385074", "GTIN-8"],
    ["036000291452", "GTIN-12 (UPC-A)"],
    ["4006381333931", "GTIN-13 (EAN-13)"],
    ["8934588013140", "GTIN-13, Vietnamese 893 prefix"],
    ["09528536000017", "GTIN-14, the demo tea"],
    ["10012345000017", "GTIN-14 with packaging indicator 1"],
  ])("accepts %s (%s)", (gtin) => {
    expect(isValidGtin(gtin)).toBe(true);
  });

  it("computes the mod-10 check digit with weights 3,1,3… from the right", () => {
    expect(gtinCheckDigit("9638507")).toBe(4);
    expect(gtinCheckDigit("03600029145")).toBe(2);
    expect(gtinCheckDigit("400638133393")).toBe(1);
    expect(gtinCheckDigit("0952853600001")).toBe(7);
  });

  it.each([
    ["96385075", "wrong check digit (8)"],
    ["036000291453", "wrong check digit (12)"],
    ["4006381333932", "wrong check digit (13)"],
    ["09528536000018", "wrong check digit (14)"],
    ["1234567", "7 digits"],
    ["123456789", "9 digits"],
    ["123456789012345", "15 digits"],
    ["40063813339a1", "a letter"],
    ["", "empty"],
  ])("rejects %s (%s)", (gtin) => {
    expect(isValidGtin(gtin)).toBe(false);
  });

  it("stores every length as GTIN-14 and ignores spaces and dashes people type", () => {
    expect(toGtin14("96385074")).toBe("00000096385074");
    expect(toGtin14("036000291452")).toBe("00036000291452");
    expect(toGtin14("4006381333931")).toBe("04006381333931");
    expect(toGtin14("09528536000017")).toBe("09528536000017");
    expect(toGtin14("400 6381 33393-1")).toBe("04006381333931");
    expect(toGtin14("4006381333932")).toBeNull();
  });
});
