/**
 * The one place a Stripe Checkout Session is created (hosted page, VND), for orders and for till
 * charges alike. The official SDK talks to real Stripe or to a Stripe-compatible stand-in
 * (app/utils/stripe.server.ts). What is paid is named by `metadata.kind`, which routes the
 * webhook back to its payable (./stripe-events.server.ts).
 */
import { env } from "~/utils/env.server";
import { cardPaymentsEnabled, getStripe, stripeTestMode, type Stripe } from "~/utils/stripe.server";

export { cardPaymentsEnabled };

/** True when no real money moves (the stand-in, or Stripe with an sk_test_ key). */
export function cardTestMode(): boolean {
  return stripeTestMode();
}

export type CheckoutLine = { name: string; unitAmountVnd: number; quantity: number };

export type CheckoutRequest = {
  kind: "order" | "till";
  /** Extra metadata, copied onto the PaymentIntent too (the webhook reads `kind` and these). */
  metadata: Record<string, string>;
  lines: CheckoutLine[];
  clientReferenceId: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** Stripe replays the same session for the same key: a retry never opens two. */
  idempotencyKey: string;
};

export type CheckoutSession = { id: string; url: string };

export async function createCheckoutSession(input: CheckoutRequest): Promise<CheckoutSession> {
  const metadata = { kind: input.kind, ...input.metadata };
  const session = await getStripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: input.lines.map((l): Stripe.Checkout.SessionCreateParams.LineItem => ({
        quantity: l.quantity,
        price_data: { currency: "vnd", unit_amount: l.unitAmountVnd, product_data: { name: l.name } },
      })),
      client_reference_id: input.clientReferenceId,
      metadata,
      payment_intent_data: { metadata },
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      locale: "vi",
    },
    { idempotencyKey: input.idempotencyKey },
  );
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return { id: session.id, url: session.url };
}

/** The hosted page of a session that can still be paid, else null. */
export async function openCheckoutUrl(sessionId: string): Promise<string | null> {
  const existing = await getStripe().checkout.sessions.retrieve(sessionId);
  return existing.status === "open" && existing.url ? existing.url : null;
}

/** Closes a session so it can no longer be paid (best effort: the webhook decides what happened). */
export async function expireCheckoutSession(sessionId: string | null) {
  if (!sessionId || !cardPaymentsEnabled()) return;
  try {
    await getStripe().checkout.sessions.expire(sessionId);
  } catch {
    // Already complete or expired.
  }
}

/**
 * The built-in stand-in answers with its own loopback address; a shopper scans the till's QR from
 * another phone, so show it under our public origin instead (the stand-in is mounted on this server).
 */
export function publicCheckoutUrl(url: string): string {
  const u = new URL(url);
  const port = String(env().PORT);
  if ((u.hostname === "127.0.0.1" || u.hostname === "localhost") && u.port === port) {
    return env().PUBLIC_URL + u.pathname + u.search;
  }
  return url;
}
