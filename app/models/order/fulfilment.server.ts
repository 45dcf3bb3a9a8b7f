/**
 * Fulfilment (docs/decisions/034-order-fulfilment.md): a producer moves one of THEIR parts along
 * placed → confirmed → packed → shipped → delivered, owner-scoped inside the query. Packing records
 * the lot each line came from (recall); delivering a cash order records the cash. The order is
 * completed when every live part is delivered.
 */
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { lots, orderLines, orderParts, orders, type PartStatus } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";
import { addOrderEvent } from "./events.server";
import { notifyShopper } from "./notify.server";

export type PartStep =
  | { intent: "confirm" }
  | { intent: "pack"; lots: Record<number, string> }
  | { intent: "ship"; carrier: string; trackingNumber: string }
  | { intent: "deliver"; cashReceived: boolean };

export type PartActionResult = { ok: true } | { ok: false; error: string };

const TRANSITIONS: Record<PartStep["intent"], { from: PartStatus; to: PartStatus }> = {
  confirm: { from: "placed", to: "confirmed" },
  pack: { from: "confirmed", to: "packed" },
  ship: { from: "packed", to: "shipped" },
  deliver: { from: "shipped", to: "delivered" },
};

/** The part and its order, only when the part belongs to one of `producerIds`. */
export function findOwnPart(tx: Tx | DB, partId: number, producerIds: number[]) {
  if (!producerIds.length) return undefined;
  return tx
    .select({ part: orderParts, order: orders })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(and(eq(orderParts.id, partId), inArray(orderParts.producerId, producerIds)))
    .get();
}

/** One step forward for a producer's own part, in one transaction. */
export function advancePart(partId: number, producerIds: number[], actorUserId: number, action: PartStep, handle: DB = appDb): PartActionResult {
  if (!producerIds.length) return { ok: false, error: "orders.notYourOrder" };
  return handle.transaction(
    (tx): PartActionResult => {
      const row = findOwnPart(tx, partId, producerIds);
      if (!row) return { ok: false, error: "orders.notYourOrder" };
      const { part, order } = row;
      if (order.status !== "open") return { ok: false, error: "orders.orderClosed" };
      if (action.intent === "confirm" && order.paymentMethod !== "cod" && order.paymentStatus !== "paid") return { ok: false, error: "orders.awaitingPayment" };
      const step = TRANSITIONS[action.intent];
      const extra: Partial<typeof orderParts.$inferInsert> = {};
      if (action.intent === "ship") Object.assign(extra, { carrier: action.carrier, trackingNumber: action.trackingNumber });
      if (action.intent === "deliver" && order.paymentMethod === "cod") {
        if (!action.cashReceived) return { ok: false, error: "orders.cashRequired" };
        extra.cashReceivedAt = new Date();
      }
      const moved = tx
        .update(orderParts)
        .set({ status: step.to, ...extra })
        .where(and(eq(orderParts.id, part.id), eq(orderParts.status, step.from)))
        .run();
      if (moved.changes !== 1) return { ok: false, error: "orders.wrongStep" };
      if (action.intent === "pack") recordLotsOfPart(tx, part.id, part.producerId, action.lots);
      addOrderEvent(tx, {
        orderId: order.id,
        kind: step.to,
        details: action.intent === "ship" ? { carrier: action.carrier, trackingNumber: action.trackingNumber } : {},
        partId: part.id,
        actorUserId,
      });
      if (action.intent === "ship" || action.intent === "deliver") notifyShopper(tx, order, `${step.to}:${part.id}`, { partId: part.id });
      if (action.intent === "deliver" && order.paymentMethod === "cod") {
        addOrderEvent(tx, {
          orderId: order.id,
          kind: "cash_received",
          details: { amountVnd: part.subtotalVnd + part.deliveryFeeVnd },
          partId: part.id,
          actorUserId,
        });
        markCashOrderPaidWhenCollected(tx, order.id);
      }
      completeIfAllDelivered(tx, order.id);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** Only this producer's own lots; a lot number is accepted and stored as its trace code. */
function recordLotsOfPart(tx: Tx, partId: number, producerId: number, typedLots: Record<number, string>) {
  const lines = tx.select().from(orderLines).where(eq(orderLines.partId, partId)).all();
  for (const l of lines) {
    const typed = (typedLots[l.id] ?? "").trim().toUpperCase();
    if (!typed) continue;
    let lotId: number | null = null;
    let code = typed;
    const lot = tx
      .select({ id: lots.id, traceCode: lots.traceCode })
      .from(lots)
      .where(and(eq(lots.producerId, producerId), or(sql`upper(${lots.traceCode}) = ${typed}`, sql`upper(${lots.lotNumber}) = ${typed}`)))
      .get();
    if (lot) {
      lotId = lot.id;
      code = lot.traceCode.toUpperCase();
    }
    tx.update(orderLines).set({ lotCode: code, lotId }).where(eq(orderLines.id, l.id)).run();
  }
}

/** Cash on delivery: the order is paid once every live part's cash is in. */
function markCashOrderPaidWhenCollected(tx: Tx, orderId: number) {
  const openCash = tx
    .select({ id: orderParts.id })
    .from(orderParts)
    .where(and(eq(orderParts.orderId, orderId), ne(orderParts.status, "cancelled"), isNull(orderParts.cashReceivedAt)))
    .all();
  if (openCash.length) return;
  const collected = tx
    .select({ n: sql<number>`coalesce(sum(${orderParts.subtotalVnd} + ${orderParts.deliveryFeeVnd}), 0)` })
    .from(orderParts)
    .where(and(eq(orderParts.orderId, orderId), ne(orderParts.status, "cancelled")))
    .get();
  tx.update(orders)
    .set({ paymentStatus: "paid", paidVnd: Number(collected?.n ?? 0), paidAt: new Date() })
    .where(eq(orders.id, orderId))
    .run();
  addOrderEvent(tx, { orderId, kind: "paid", details: { via: "cod" } });
}

export function completeIfAllDelivered(tx: Tx | DB, orderId: number) {
  const parts = tx.select({ status: orderParts.status }).from(orderParts).where(eq(orderParts.orderId, orderId)).all();
  const live = parts.filter((p) => p.status !== "cancelled");
  if (live.length && live.every((p) => p.status === "delivered")) {
    const done = tx
      .update(orders)
      .set({ status: "completed" })
      .where(and(eq(orders.id, orderId), eq(orders.status, "open")))
      .run();
    if (done.changes) addOrderEvent(tx, { orderId, kind: "completed" });
  }
}
