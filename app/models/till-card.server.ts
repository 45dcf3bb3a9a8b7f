/**
 * Card payment at the stall through Stripe Checkout (the official SDK; real Stripe or the
 * Stripe-compatible stand-in, see app/utils/stripe.server.ts). A card charge becomes a Checkout
 * session with metadata { kind: "till", chargeId }; only the verified webhook marks it paid.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { tillCharges, type Stall, type TillCharge } from "#db/schema";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { cardPaymentsEnabled as stripeEnabled, getStripe, stripeTestMode, type Stripe } from "~/utils/stripe.server";

export function cardPaymentsEnabled(): boolean {
  return stripeEnabled();
}

export function cardTestMode(): boolean {
  return stripeTestMode();
}

/**
 * The built-in stand-in answers with its own loopback address; shoppers scan the QR from another
 * phone, so show it under our public origin instead (the stand-in is mounted on this server).
 */
function publicCheckoutUrl(url: string): string {
  const u = new URL(url);
  const port = String(env().PORT);
  if ((u.hostname === "127.0.0.1" || u.hostname === "localhost") && u.port === port) {
    return env().PUBLIC_URL + u.pathname + u.search;
  }
  return url;
}

/** Creates (or, on a retry, finds again) the Checkout session of a card charge; returns its URL. */
export async function createCardCheckout(stall: Pick<Stall, "id" | "slug" | "name" | "stallNumber">, charge: TillCharge): Promise<string> {
  if (charge.stripeCheckoutUrl) return charge.stripeCheckoutUrl;
  const base = env().PUBLIC_URL;
  const metadata = { kind: "till", chargeId: String(charge.id), stall: stall.slug };
  const session = await getStripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        { quantity: 1, price_data: { currency: "vnd", unit_amount: charge.amount, product_data: { name: `${stall.name} · ${stall.stallNumber}` } } },
      ],
      client_reference_id: `till-${charge.id}`,
      metadata,
      payment_intent_data: { metadata },
      success_url: `${base}/stalls/${stall.slug}/pay?paid=1`,
      cancel_url: `${base}/stalls/${stall.slug}/pay`,
      expires_at: Math.floor(charge.expiresAt!.getTime() / 1000),
      locale: "vi",
    },
    // Stripe replays the same session for the same key: a retry never opens two.
    { idempotencyKey: `till-${charge.id}-checkout` },
  );
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  const url = publicCheckoutUrl(session.url);
  db.update(tillCharges)
    .set({ stripeSessionId: session.id, stripeCheckoutUrl: url })
    .where(
      and(
        eq(tillCharges.id, charge.id),
        eq(tillCharges.stallId, stall.id),
        or(isNull(tillCharges.stripeSessionId), eq(tillCharges.stripeSessionId, session.id)),
      ),
    )
    .run();
  return url;
}

/** After the trader cancels a card charge, close its session so it can no longer be paid (best effort). */
export async function expireCardCheckout(charge: Pick<TillCharge, "stripeSessionId">) {
  if (!charge.stripeSessionId || !cardPaymentsEnabled()) return;
  try {
    await getStripe().checkout.sessions.expire(charge.stripeSessionId);
  } catch {
    // Already complete or expired: the webhook decides what happened.
  }
}

type SessionLike = Pick<Stripe.Checkout.Session, "id" | "amount_total" | "currency" | "payment_status" | "metadata">;

/**
 * `metadata.kind = "till"` in the Stripe webhook dispatch (inside its transaction, once per event).
 * Paid only for the charge's own session, the exact amount in VND, while the charge is open.
 */
export function applyTillCheckoutEvent(tx: Tx, type: string, session: SessionLike): string {
  const chargeId = Number(session.metadata?.chargeId);
  const charge = Number.isInteger(chargeId) ? tx.select().from(tillCharges).where(eq(tillCharges.id, chargeId)).get() : undefined;
  if (!charge || charge.method !== "card") return "ignored:unknown_charge";
  if (charge.stripeSessionId !== session.id) return "ignored:unknown_session";
  if (type === "checkout.session.completed" || type === "checkout.session.async_payment_succeeded") {
    if (session.payment_status !== "paid") return "waiting:async_payment";
    if (charge.status === "paid") return "ignored:already_paid";
    if (session.amount_total !== charge.amount || session.currency !== "vnd") return "mismatch";
    if (charge.status !== "pending") return `to_check:paid_after_${charge.status}`; // refund by hand
    tx.update(tillCharges)
      .set({ status: "paid", paidAt: new Date() })
      .where(and(eq(tillCharges.id, charge.id), eq(tillCharges.status, "pending")))
      .run();
    return "paid";
  }
  if (type === "checkout.session.expired" || type === "checkout.session.async_payment_failed") {
    const closed = tx
      .update(tillCharges)
      .set({ status: "expired" })
      .where(and(eq(tillCharges.id, charge.id), eq(tillCharges.status, "pending")))
      .run();
    return closed.changes ? "expired" : "ignored:not_pending";
  }
  return "ignored:type";
}
