import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { normaliseTraceCode, TRACE_ALPHABET } from "~/utils/trace-code";
import { randomCode as randomTraceString } from "~/standards/random-code";

describe("trace codes", () => {
  it("use A–Z and 2–9 without I, L, O, 0, 1", () => {
    expect(TRACE_ALPHABET).toHaveLength(31);
    for (const c of "ILO01") expect(TRACE_ALPHABET).not.toContain(c);
    for (const c of "ABCDEFGHJKMNPQRSTUVWXYZ23456789") expect(TRACE_ALPHABET).toContain(c);
  });

  it("generates codes only from the alphabet, without visible bias", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const code = randomTraceString(8, (n) => crypto.randomBytes(n));
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
      for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    const mean = 16000 / 31;
    for (const n of counts.values()) expect(Math.abs(n - mean) / mean).toBeLessThan(0.25);
  });

  it("normalises case and spaces on input and refuses ambiguous characters", () => {
    expect(normaliseTraceCode(" tc26 xuan ")).toBe("TC26XUAN");
    expect(normaliseTraceCode("tc26-xuan")).toBe("TC26XUAN");
    expect(normaliseTraceCode("TC26XU0N")).toBeNull(); // zero
    expect(normaliseTraceCode("TC26XULN")).toBeNull(); // L
    expect(normaliseTraceCode("ab")).toBeNull();
  });
});
