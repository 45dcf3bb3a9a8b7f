import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
import {
  cardPaymentsEnabled,
  getStripe,
  StripeDisabledError,
  stripeApiBase,
  stripeMode,
  stripeTestMode,
  stripeWebhookSecret,
  DEV_WEBHOOK_SECRET,
} from "~/utils/stripe.server";

const saved = { ...process.env };
function withEnv(vars: Record<string, string | undefined>) {
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "NODE_ENV", "SESSION_SECRET", "PORT"]) delete process.env[k];
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) process.env[k] = v;
  resetEnvCache();
}
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("getStripe() modes", () => {
  it("no keys outside production → the built-in stand-in on our own port, test mode, dev webhook secret", () => {
    withEnv({ NODE_ENV: "development", PORT: "3456" });
    expect(stripeMode()).toBe("builtin");
    expect(stripeApiBase()).toBe("http://127.0.0.1:3456");
    expect(stripeTestMode()).toBe(true);
    expect(cardPaymentsEnabled()).toBe(true);
    expect(stripeWebhookSecret()).toBe(DEV_WEBHOOK_SECRET);
    expect(getStripe()).toBeDefined();
  });

  it("STRIPE_API_BASE → the official SDK pointed at that host/port/protocol", () => {
    withEnv({ NODE_ENV: "test", STRIPE_API_BASE: "http://127.0.0.1:12111", STRIPE_WEBHOOK_SECRET: "whsec_x" });
    expect(stripeMode()).toBe("standin");
    const client = getStripe() as unknown as { getApiField: (f: string) => unknown };
    expect(client.getApiField("host")).toBe("127.0.0.1");
    expect(String(client.getApiField("port"))).toBe("12111");
    expect(client.getApiField("protocol")).toBe("http");
    expect(stripeWebhookSecret()).toBe("whsec_x");
  });

  it("a real key without STRIPE_API_BASE → real Stripe (api.stripe.com); test keys are labelled test mode", () => {
    withEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_y" });
    expect(stripeMode()).toBe("stripe");
    const client = getStripe() as unknown as { getApiField: (f: string) => unknown };
    expect(client.getApiField("host")).toBe("api.stripe.com");
    expect(stripeTestMode()).toBe(true);
    withEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_y" });
    expect(stripeTestMode()).toBe(false);
  });

  it("production without keys → card payment hidden", () => {
    withEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(stripeMode()).toBe("disabled");
    expect(cardPaymentsEnabled()).toBe(false);
    expect(() => getStripe()).toThrow(StripeDisabledError);
  });
});
