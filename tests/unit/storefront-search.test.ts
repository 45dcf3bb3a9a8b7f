import { describe, expect, it } from "vitest";
import { foldVietnamese } from "~/utils/slug";
import { toFtsQuery } from "~/models/catalog.server";
import { certValidity } from "~/utils/certification";

describe("diacritic folding for search", () => {
  it("folds every Vietnamese vowel with every tone, and đ/Đ", () => {
    expect(foldVietnamese("àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ")).toBe(
      "aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy",
    );
    expect(foldVietnamese("ĐỊNH HÓA, Đồng Hỷ, đặc sản")).toBe("DINH HOA, Dong Hy, dac san");
  });

  it("folds decomposed (NFD) input the same as composed", () => {
    expect(foldVietnamese("Chè Tân Cương".normalize("NFD"))).toBe("Che Tan Cuong");
  });

  it("builds the same safe FTS query from any spelling", () => {
    const expected = '"che" "tan" "cuong"*';
    expect(toFtsQuery("che tan cuong")).toBe(expected);
    expect(toFtsQuery("Chè Tân Cương")).toBe(expected);
    expect(toFtsQuery("CHE TAN CUONG")).toBe(expected);
    expect(toFtsQuery("  chè,  TÂN-cương ")).toBe(expected);
    expect(toFtsQuery("Định Hóa")).toBe('"dinh" "hoa"*');
  });

  it("lets no FTS syntax through", () => {
    expect(toFtsQuery('che" OR name:* NEAR(')).toBe('"che" "or" "name" "near"*');
    expect(toFtsQuery("***")).toBeNull();
    expect(toFtsQuery("")).toBeNull();
  });
});

describe("certificate validity (computed, Asia/Ho_Chi_Minh calendar day)", () => {
  const cert = { validFrom: "2025-01-01", validTo: "2026-11-22" };
  it("is valid through its last day, expired the day after, not yet valid before", () => {
    expect(certValidity(cert, "2026-11-22")).toBe("valid");
    expect(certValidity(cert, "2026-11-23")).toBe("expired");
    expect(certValidity(cert, "2024-12-31")).toBe("notYetValid");
    expect(certValidity(cert, "2025-01-01")).toBe("valid");
  });
});
