import { describe, expect, it } from "vitest";
import { parseEnv, EnvError } from "~/utils/env.server";

describe("environment", () => {
  it("gives safe development defaults", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_PATH).toBe("data/cho-so.db");
    expect(e.PUBLIC_URL).toBe("http://localhost:3000");
    expect(e.SESSION_SECRETS.length).toBe(1);
    expect(e.PLATFORM_BANK_BIN).toBe("970416");
  });

  it("derives PUBLIC_URL from PORT and strips a trailing slash", () => {
    expect(parseEnv({ PORT: "4000" }).PUBLIC_URL).toBe("http://localhost:4000");
    expect(parseEnv({ PUBLIC_URL: "https://choso.vn/" }).PUBLIC_URL).toBe("https://choso.vn");
  });

  it("names the missing variable in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/SESSION_SECRET: is required in production/);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrowError(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrowError(/PORT/);
    expect(() => parseEnv({ PLATFORM_BANK_BIN: "97041" })).toThrowError(/PLATFORM_BANK_BIN: must be a 6-digit/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://x" })).toThrowError(/PUBLIC_URL/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrowError(/at least 32/);
  });

  it("rotates secrets: comma-separated, first one signs", () => {
    const a = "a".repeat(32);
    const b = "b".repeat(32);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: `${a}, ${b}` }).SESSION_SECRETS).toEqual([a, b]);
  });

  it("requires the webhook secret with a real Stripe key in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), STRIPE_SECRET_KEY: "sk_test_123" })).toThrowError(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe("demo mode (npm start)", () => {
  it("serves the production build with demo allowances, and says it is not live", () => {
    const e = parseEnv({ NODE_ENV: "production", DEMO_MODE: "1" });
    expect(e.LIVE).toBe(false);
    expect(e.DEMO_MODE).toBe(true);
    expect(e.SESSION_SECRETS).toHaveLength(1);
  });

  it("a live production server is strict, with or without DEMO_MODE=0", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DEMO_MODE: "0" })).toThrowError(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) }).LIVE).toBe(true);
    expect(parseEnv({}).LIVE).toBe(false);
    expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrowError(/DEMO_MODE/);
  });
});
