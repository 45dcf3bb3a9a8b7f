import { describe, expect, it } from "vitest";
import { formatDigitalLink, gs1CheckDigit, isValidGtin14, parseDigitalLink, toElementString, toGtin14 } from "~/utils/digital-link";
import { readStandardsJson } from "../support/standards";

type ParseVector = { line: number; shouldSucceed: boolean; dlUri: string; expectedElementString: string | null; nonDefaultOptions?: Record<string, boolean> };
type GenerateVector = {
  line: number;
  shouldSucceed: boolean;
  stem: string | null;
  aiData: string;
  expectedDlUri: string | null;
  nonDefaultOptions?: Record<string, boolean>;
};
const vectors = readStandardsJson<{ parse: ParseVector[]; generate: GenerateVector[] }>("digital-link/dl-uri-test-vectors.from-gs1-syntax-engine.json");

/**
 * Coverage, honestly: we support primary key 01 with key qualifiers 10 and 21, no query attributes.
 * "In scope" parse vectors: default options, and the URI's path AIs (digit segments) are only 01/10/21
 * with no query-string AIs. Those must succeed/fail exactly as GS1's engine says and give the same
 * element string. Vectors whose primary key is another AI must be reported "unsupported" or
 * "invalid" (never parsed as something else). Vectors using 22/235 or query attributes are out of scope.
 */
const pathAis = (uri: string) => {
  const path = uri.replace(/^[a-zA-Z]+:\/\/[^/]*/, "").split(/[?#]/)[0] ?? "";
  return path.split("/").filter((s, i, all) => /^\d{2,4}$/.test(s) && i % 2 === (all.length % 2 === 0 ? 0 : 1));
};
const hasQueryAis = (uri: string) => /\?[^#]*\d{2,4}=/.test(uri);

describe("GS1 Digital Link parse vectors (gs1-syntax-engine)", () => {
  const defaults = vectors.parse.filter((v) => !v.nonDefaultOptions);
  const inScope = defaults.filter((v) => /\/01\//.test(v.dlUri) && !/\/(22|235|99|89)\//.test(v.dlUri) && !hasQueryAis(v.dlUri) && !v.dlUri.includes("/00/"));
  const otherKeys = defaults.filter((v) => v.shouldSucceed && !/\/01\//.test(v.dlUri) && /^https?:\/\/[^/]+\/.*\d/.test(v.dlUri));

  it("covers a meaningful subset", () => {
    expect(inScope.length).toBeGreaterThanOrEqual(25);
    expect(inScope.filter((v) => v.shouldSucceed).length).toBeGreaterThanOrEqual(12);
    expect(inScope.filter((v) => !v.shouldSucceed).length).toBeGreaterThanOrEqual(10);
  });

  for (const v of inScope) {
    it(`line ${v.line}: ${v.shouldSucceed ? "parses" : "rejects"} ${v.dlUri}`, () => {
      const result = parseDigitalLink(v.dlUri);
      expect(result.ok).toBe(v.shouldSucceed);
      if (result.ok) expect(toElementString(result)).toBe(v.expectedElementString);
    });
  }

  it("does not mistake other primary keys (00, 414, 8004, 253, 401, 8018) for a GTIN", () => {
    expect(otherKeys.length).toBeGreaterThanOrEqual(5);
    for (const v of otherKeys) {
      const result = parseDigitalLink(v.dlUri);
      expect(result.ok, v.dlUri).toBe(false);
    }
  });

  it("reports the 22 and 235 qualifiers as unsupported rather than misreading them", () => {
    const withCpv = defaults.filter((v) => v.shouldSucceed && /\/01\/\d{14}\/(22|235)\//.test(v.dlUri));
    expect(withCpv.length).toBeGreaterThanOrEqual(2);
    for (const v of withCpv) expect(parseDigitalLink(v.dlUri)).toEqual({ ok: false, reason: "unsupported" });
  });

  it("reads the GTIN, lot and serial of in-scope vectors whose query carries extra attributes", () => {
    const withQuery = defaults.filter((v) => v.shouldSucceed && /\/01\/\d{14}(\/10\/[^/?]+)?(\/21\/[^/?]+)?\?/.test(v.dlUri));
    expect(withQuery.length).toBeGreaterThanOrEqual(5);
    for (const v of withQuery) {
      const result = parseDigitalLink(v.dlUri);
      expect(result.ok, v.dlUri).toBe(true);
      if (result.ok) expect(v.expectedElementString!.startsWith(`^01${result.gtin}`)).toBe(true);
    }
  });
});

describe("GS1 Digital Link generate vectors", () => {
  const parseAi = (aiData: string) => [...aiData.matchAll(/\((\d+)\)([^(]*)/g)].map((m) => [m[1]!, m[2]!] as const);
  const inScope = vectors.generate.filter((v) => !v.nonDefaultOptions && v.shouldSucceed && parseAi(v.aiData).every(([ai]) => ["01", "10", "21"].includes(ai)));

  it("covers the 01/10/21 vectors", () => expect(inScope.length).toBeGreaterThanOrEqual(3));
  for (const v of inScope) {
    it(`line ${v.line}: ${v.aiData} → ${v.expectedDlUri}`, () => {
      const ais = Object.fromEntries(parseAi(v.aiData));
      expect(formatDigitalLink({ gtin: ais["01"]!, lot: ais["10"], serial: ais["21"] }, v.stem ?? undefined)).toBe(v.expectedDlUri);
    });
  }
});

describe("GTIN and our own URLs", () => {
  it("computes the GS1 check digit", () => {
    expect(gs1CheckDigit("0952853600001")).toBe(7);
    expect(isValidGtin14("09528536000017")).toBe(true);
    expect(isValidGtin14("09528536000018")).toBe(false);
    expect(toGtin14("9528536000017")).toBe("09528536000017");
    expect(toGtin14("12345")).toBeNull();
  });

  it("formats and parses the demo lot round trip, percent-encoding reserved characters", () => {
    const uri = formatDigitalLink({ gtin: "09528536000017", lot: "TC26XUAN", serial: "ABC+1" }, "https://cho.so/");
    expect(uri).toBe("https://cho.so/01/09528536000017/10/TC26XUAN/21/ABC%2B1");
    expect(parseDigitalLink(uri)).toEqual({ ok: true, stem: "https://cho.so", gtin: "09528536000017", lot: "TC26XUAN", serial: "ABC+1" });
    expect(parseDigitalLink("https://cho.so/01/09528536000018/10/X")).toEqual({ ok: false, reason: "check-digit" });
    expect(parseDigitalLink("https://cho.so/01/09528536000017/21/S/10/L").ok).toBe(false); // qualifiers out of order
    expect(() => formatDigitalLink({ gtin: "09528536000018" })).toThrow();
  });

  it("recognises the vector set's path AIs helper", () => expect(pathAis("https://a/01/12312312312333/10/ABC")).toEqual(["01", "10"]));
});
