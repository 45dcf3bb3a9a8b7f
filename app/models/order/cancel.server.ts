/**
 * Cancelling: the whole order (shopper before shipping, an unpaid bank order past its hold, a card
 * session that expired or failed) goes through ONE sequence, `cancelWholeOrder`; a producer may
 * cancel their own part. Stock returns in the same transaction; money paid by card is refunded
 * right after it commits (./refund.server.ts).
 */
import { and, eq, ne, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { orderLines, orderParts, orders, productVariants, type Order, type OrderPart, type PaymentStatus } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";
import { addOrderEvent } from "./events.server";
import { notifyShopper } from "./notify.server";
import { refundIfPaid } from "./refund.server";
import { completeIfAllDelivered, findOwnPart, type PartActionResult } from "./fulfilment.server";

export function canShopperCancel(order: Order, parts: Pick<OrderPart, "status">[]) {
  return order.status === "open" && !parts.some((p) => p.status === "shipped" || p.status === "delivered");
}

export type WholeCancel = {
  reason: "shopper" | "payment_expired" | "payment_failed";
  actorUserId?: number | null;
  /** Only while nothing was paid (expiry of an unpaid order). */
  onlyIfUnpaid?: boolean;
  /** A new payment status to record with the cancellation (a failed card payment). */
  paymentStatus?: PaymentStatus;
};

/**
 * The one whole-order cancel sequence, inside the caller's transaction: an open order with nothing
 * shipped becomes cancelled with all its parts, its stock goes back, the timeline and the shopper
 * hear of it. Returns the order (as read before) when it was cancelled, null when it could not be.
 */
export function cancelWholeOrder(tx: Tx | DB, orderId: number, how: WholeCancel): Order | null {
  const order = tx.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return null;
  const parts = tx.select({ status: orderParts.status }).from(orderParts).where(eq(orderParts.orderId, orderId)).all();
  if (!canShopperCancel(order, parts)) return null;
  if (how.onlyIfUnpaid && order.paymentStatus !== "unpaid") return null;
  const changed = tx
    .update(orders)
    .set({ status: "cancelled", cancelReason: how.reason, ...(how.paymentStatus ? { paymentStatus: how.paymentStatus } : {}) })
    .where(and(eq(orders.id, orderId), eq(orders.status, "open"), how.onlyIfUnpaid ? eq(orders.paymentStatus, "unpaid") : undefined))
    .run();
  if (changed.changes !== 1) return null;
  tx.update(orderParts)
    .set({ status: "cancelled", cancelReason: how.reason })
    .where(and(eq(orderParts.orderId, orderId), ne(orderParts.status, "cancelled")))
    .run();
  releaseStockOfOrder(tx, orderId, how.reason);
  addOrderEvent(tx, { orderId, kind: "cancelled", details: { reason: how.reason }, actorUserId: how.actorUserId ?? null });
  notifyShopper(tx, order, "cancelled", { reason: how.reason });
  return order;
}

/** Releases stock for every line of the order (parts were just cancelled together). */
function releaseStockOfOrder(tx: Tx | DB, orderId: number, reason: string) {
  const flagged = tx
    .update(orders)
    .set({ stockReleased: true })
    .where(and(eq(orders.id, orderId), eq(orders.stockReleased, false)))
    .run();
  if (flagged.changes !== 1) return false;
  // Lines of parts that a producer had cancelled earlier already gave their stock back.
  const lines = tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .innerJoin(orderParts, eq(orderParts.id, orderLines.partId))
    .where(and(eq(orderLines.orderId, orderId), sql`coalesce(${orderParts.cancelReason}, '') not like 'producer:%'`))
    .all();
  for (const l of lines) {
    tx.update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${l.quantity}` })
      .where(eq(productVariants.id, l.variantId))
      .run();
  }
  addOrderEvent(tx, { orderId, kind: "stock_released", details: { reason } });
  return true;
}

/** The shopper cancels before anything shipped: stock returns; a card payment is refunded. */
export async function cancelOrderByShopper(orderId: number, actorUserId: number | null, handle: DB = appDb) {
  const cancelled = handle.transaction((tx) => cancelWholeOrder(tx, orderId, { reason: "shopper", actorUserId }), { behavior: "immediate" });
  if (cancelled) await refundIfPaid(orderId, null, "cancel", handle);
  return !!cancelled;
}

/** How long an unpaid bank-transfer order holds its stock before it is cancelled. */
export const BANK_ORDER_HOLD_HOURS = 72;

/**
 * Cancels open, unpaid bank-transfer orders older than the hold and gives their stock back. Run by
 * `npm run orders:expire` (cron) and after a checkout is placed. A transfer arriving later still
 * lands in the reconciliation list (never lost).
 */
export function expireStaleBankOrders(now = new Date(), holdHours = BANK_ORDER_HOLD_HOURS, handle: DB = appDb) {
  const cutoff = new Date(now.getTime() - holdHours * 3600_000);
  const stale = handle
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.paymentMethod, "bank"), eq(orders.paymentStatus, "unpaid"), eq(orders.status, "open"), sql`${orders.createdAt} < ${cutoff.getTime()}`))
    .all();
  let expired = 0;
  for (const { id } of stale) {
    const done = handle.transaction((tx) => cancelWholeOrder(tx, id, { reason: "payment_expired", onlyIfUnpaid: true }), { behavior: "immediate" });
    if (done) expired++;
  }
  return expired;
}

/**
 * A producer cancels their own part (not once shipped): its stock returns, the order closes when no
 * part is left, and the part's share of a card payment is refunded after the transaction commits.
 */
export async function cancelPartByProducer(
  partId: number,
  producerIds: number[],
  actorUserId: number,
  reason: string,
  handle: DB = appDb,
): Promise<PartActionResult> {
  if (!producerIds.length) return { ok: false, error: "orders.notYourOrder" };
  const result = handle.transaction(
    (tx): { ok: true; refund: { orderId: number; amountVnd: number; tag: string } | null } | { ok: false; error: string } => {
      const row = findOwnPart(tx, partId, producerIds);
      if (!row) return { ok: false, error: "orders.notYourOrder" };
      const { part, order } = row;
      if (part.status === "shipped" || part.status === "delivered" || part.status === "cancelled") return { ok: false, error: "orders.cannotCancelNow" };
      tx.update(orderParts)
        .set({ status: "cancelled", cancelReason: `producer:${reason}` })
        .where(and(eq(orderParts.id, part.id), eq(orderParts.status, part.status)))
        .run();
      if (!order.stockReleased) {
        const lines = tx.select().from(orderLines).where(eq(orderLines.partId, part.id)).all();
        for (const l of lines) {
          tx.update(productVariants)
            .set({ stock: sql`${productVariants.stock} + ${l.quantity}` })
            .where(eq(productVariants.id, l.variantId))
            .run();
        }
      }
      addOrderEvent(tx, { orderId: order.id, kind: "part_cancelled", details: { reason }, partId: part.id, actorUserId });
      const open = tx
        .select({ id: orderParts.id })
        .from(orderParts)
        .where(and(eq(orderParts.orderId, order.id), ne(orderParts.status, "cancelled")))
        .all();
      if (open.length === 0) {
        tx.update(orders).set({ status: "cancelled", cancelReason: "producer", stockReleased: true }).where(eq(orders.id, order.id)).run();
        addOrderEvent(tx, { orderId: order.id, kind: "cancelled", details: { reason: "producer" }, actorUserId });
      } else {
        completeIfAllDelivered(tx, order.id);
      }
      notifyShopper(tx, order, `part_cancelled:${part.id}`, { reason });
      const refundAmount = order.paymentStatus === "paid" ? part.subtotalVnd + part.deliveryFeeVnd : 0;
      return { ok: true, refund: refundAmount > 0 ? { orderId: order.id, amountVnd: refundAmount, tag: `part-${part.id}` } : null };
    },
    { behavior: "immediate" },
  );
  if (!result.ok) return result;
  if (result.refund) await refundIfPaid(result.refund.orderId, result.refund.amountVnd, result.refund.tag, handle);
  return { ok: true };
}
