/**
 * Card payment at the stall through Stripe Checkout (created by
 * ~/models/payments/stripe-checkout.server.ts). A card charge becomes a Checkout session with
 * metadata { kind: "till", chargeId }; only the verified webhook marks it paid.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { tillCharges, type Stall, type TillCharge } from "#db/schema";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createCheckoutSession, expireCheckoutSession, publicCheckoutUrl } from "~/models/payments/stripe-checkout.server";
import type { CheckoutKindHandler } from "~/models/payments/types";
import { cancelTillCharge } from "./till.server";

type PayingStall = Pick<Stall, "id" | "slug" | "name" | "stallNumber">;

/** Creates (or, on a retry, finds again) the Checkout session of a card charge; returns its URL. */
export async function createCardCheckout(stall: PayingStall, charge: TillCharge): Promise<string> {
  if (charge.stripeCheckoutUrl) return charge.stripeCheckoutUrl;
  const base = env().PUBLIC_URL;
  const session = await createCheckoutSession({
    kind: "till",
    metadata: { chargeId: String(charge.id), stall: stall.slug },
    lines: [{ name: `${stall.name} · ${stall.stallNumber}`, unitAmountVnd: charge.amount, quantity: 1 }],
    clientReferenceId: `till-${charge.id}`,
    successUrl: `${base}/stalls/${stall.slug}/pay?paid=1`,
    cancelUrl: `${base}/stalls/${stall.slug}/pay`,
    expiresAt: charge.expiresAt!,
    idempotencyKey: `till-${charge.id}-checkout`,
  });
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

/**
 * The hosted page of a pending card charge. When Stripe cannot be reached the charge is cancelled
 * (so it never shows as payable) and null comes back; the trader or shopper may try again.
 */
export async function startTillCardPayment(stall: PayingStall, charge: TillCharge): Promise<string | null> {
  try {
    return await createCardCheckout(stall, charge);
  } catch {
    cancelTillCharge(stall.id, charge.id);
    return null;
  }
}

/** After the trader cancels a card charge, close its session so it can no longer be paid (best effort). */
export async function expireCardCheckout(charge: Pick<TillCharge, "stripeSessionId">) {
  await expireCheckoutSession(charge.stripeSessionId);
}

/**
 * `metadata.kind = "till"` in the Stripe webhook dispatch (inside its transaction, once per event).
 * Paid only for the charge's own session, the exact amount in VND, while the charge is open.
 */
export const applyTillCheckoutEvent: CheckoutKindHandler = (tx, type, session) => {
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
};
