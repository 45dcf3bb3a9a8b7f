/**
 * Refunds of a paid order (whole remainder, or `amountVnd`) through the Stripe SDK. Card only: bank
 * transfers and cash are refunded by hand (recorded as a "refund_due" event for admin). The
 * idempotency key makes a retry safe.
 */
import { eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { orders } from "#db/schema";
import { db as appDb } from "~/utils/db.server";
import { getStripe } from "~/utils/stripe.server";
import { addOrderEvent } from "./events.server";
import { notifyShopper } from "./notify.server";

export async function refundIfPaid(orderId: number, amountVnd: number | null, tag: string, handle: DB = appDb) {
  const order = handle.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.paymentStatus !== "paid") return null;
  const remaining = order.paidVnd - order.refundedVnd;
  const amount = Math.min(amountVnd ?? remaining, remaining);
  if (amount <= 0) return null;
  if (order.paymentMethod !== "card" || !order.stripePaymentIntentId) {
    addOrderEvent(handle, { orderId, kind: "refund_due", details: { amountVnd: amount, via: order.paymentMethod } });
    return null;
  }
  try {
    const refund = await getStripe().refunds.create(
      { payment_intent: order.stripePaymentIntentId, amount, reason: "requested_by_customer", metadata: { kind: "order", orderId: String(orderId) } },
      { idempotencyKey: `order-${orderId}-refund-${tag}` },
    );
    handle.transaction((tx) => {
      const refunded = order.refundedVnd + refund.amount;
      tx.update(orders)
        .set({ refundedVnd: refunded, stripeRefundId: refund.id, paymentStatus: refunded >= order.paidVnd ? "refunded" : "paid" })
        .where(eq(orders.id, orderId))
        .run();
      addOrderEvent(tx, { orderId, kind: "refunded", details: { amountVnd: refund.amount, refundId: refund.id } });
      notifyShopper(tx, order, `refunded:${tag}`, { amountVnd: refund.amount });
    });
    return refund;
  } catch (error) {
    addOrderEvent(handle, { orderId, kind: "refund_failed", details: { amountVnd: amount, error: String(error).slice(0, 300) } });
    return null;
  }
}
