import Stripe from "stripe";
import { env } from "./env.server";

/**
 * One Stripe client for the whole app (orders, market till). Modes:
 * - `stripe`: STRIPE_SECRET_KEY set, STRIPE_API_BASE unset → the real Stripe API (test or live keys).
 * - `standin`: STRIPE_API_BASE set → the same official SDK, pointed at a Stripe-compatible stand-in
 *   through its `host`/`port`/`protocol` options (tests start one on an ephemeral port).
 * - `builtin`: no keys, outside production → the stand-in mounted by server/index.ts on our own port.
 * - `disabled`: production without keys → card payment is hidden.
 * In every mode but `stripe` the UI says "test mode, no real money".
 */
export type StripeMode = "stripe" | "standin" | "builtin" | "disabled";

/** Webhook secret used with the stand-in when STRIPE_WEBHOOK_SECRET is unset (never for real Stripe). */
export const DEV_WEBHOOK_SECRET = "whsec_choso_dev_standin_not_a_real_secret";
export const STANDIN_SECRET_KEY = "sk_test_choso_standin";

export function stripeMode(): StripeMode {
  const e = env();
  if (e.STRIPE_API_BASE) return "standin";
  if (e.STRIPE_SECRET_KEY) return "stripe";
  if (!e.LIVE) return "builtin";
  return "disabled";
}

export function cardPaymentsEnabled() {
  return stripeMode() !== "disabled";
}

/** True when no real money moves (the stand-in, or Stripe with an sk_test_ key). */
export function stripeTestMode() {
  const mode = stripeMode();
  if (mode === "standin" || mode === "builtin") return true;
  return (env().STRIPE_SECRET_KEY ?? "").startsWith("sk_test_");
}

/** The API base URL of the stand-in in use (undefined for real Stripe). */
export function stripeApiBase(): string | undefined {
  const e = env();
  if (e.STRIPE_API_BASE) return e.STRIPE_API_BASE;
  if (stripeMode() === "builtin") return `http://127.0.0.1:${e.PORT}`;
  return undefined;
}

export function stripeWebhookSecret(): string {
  const e = env();
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  // Real Stripe requires the secret (checked at boot in production); only stand-ins use the default.
  return DEV_WEBHOOK_SECRET;
}

let cached: { signature: string; client: Stripe } | undefined;

export class StripeDisabledError extends Error {
  constructor() {
    super("Card payment is not configured (STRIPE_SECRET_KEY unset in production)");
  }
}

export function getStripe(): Stripe {
  const mode = stripeMode();
  if (mode === "disabled") throw new StripeDisabledError();
  const key = env().STRIPE_SECRET_KEY ?? STANDIN_SECRET_KEY;
  const base = stripeApiBase();
  const signature = `${mode}|${key}|${base ?? ""}`;
  if (cached?.signature === signature) return cached.client;
  const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false };
  if (base) {
    const url = new URL(base);
    options.host = url.hostname;
    options.port = url.port || (url.protocol === "https:" ? "443" : "80");
    options.protocol = url.protocol === "https:" ? "https" : "http";
  }
  cached = { signature, client: new Stripe(key, options) };
  return cached.client;
}

/** Webhook helpers (signature check, test signing) need no API key. */
export const stripeWebhooks = Stripe.webhooks;

export type { Stripe };
