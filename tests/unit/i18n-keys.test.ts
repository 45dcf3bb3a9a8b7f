import { describe, expect, it } from "vitest";
import { resources } from "~/locales";
import { createI18n } from "~/i18n/config";

function flatten(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("translations", () => {
  const namespaces = new Set([...Object.keys(resources.vi), ...Object.keys(resources.en)]);
  for (const ns of namespaces) {
    it(`namespace "${ns}" has the same keys in vi and en, none empty`, () => {
      const vi = (resources.vi as Record<string, Record<string, unknown>>)[ns];
      const en = (resources.en as Record<string, Record<string, unknown>>)[ns];
      expect(vi, `vi/${ns}.json missing`).toBeDefined();
      expect(en, `en/${ns}.json missing`).toBeDefined();
      const viKeys = flatten(vi!).sort();
      const enKeys = flatten(en!).sort();
      expect(
        viKeys.filter((k) => !enKeys.includes(k)),
        "keys only in vi",
      ).toEqual([]);
      expect(
        enKeys.filter((k) => !viKeys.includes(k)),
        "keys only in en",
      ).toEqual([]);
      const empty = (o: Record<string, unknown>) =>
        flatten(o).filter((k) => k.split(".").reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) === "");
      expect(empty(vi!)).toEqual([]);
      expect(empty(en!)).toEqual([]);
    });
  }

  it("translates and interpolates in both languages", () => {
    expect(createI18n("vi").t("auth.welcome", { name: "Hoa" })).toBe("Xin chào, Hoa");
    expect(createI18n("en").t("auth.welcome", { name: "Hoa" })).toBe("Hello, Hoa");
  });
});
