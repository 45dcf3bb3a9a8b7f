/** Reading orders: the shopper's own (signed in or by guest cookie), the detail page, admin's recall list. */
import { desc, eq, or } from "drizzle-orm";
import { orderEvents, orderLines, orderParts, orders, producers } from "#db/schema";
import { db as appDb } from "~/utils/db.server";

export type Viewer = { userId: number | null; role: string | null; guestId: string | null };

export function findOrderForViewer(code: string, viewer: Viewer) {
  const order = appDb.select().from(orders).where(eq(orders.code, code)).get();
  if (!order) return null;
  const allowed =
    viewer.role === "admin" || (viewer.userId != null && order.userId === viewer.userId) || (viewer.guestId != null && order.guestId === viewer.guestId);
  return allowed ? order : null;
}

export function orderDetail(orderId: number) {
  const parts = appDb
    .select({ part: orderParts, producerName: producers.name, producerSlug: producers.slug, producerPhone: producers.phone })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, orderId))
    .orderBy(orderParts.id)
    .all();
  const lines = appDb.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id).all();
  const events = appDb.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id).all();
  return {
    parts: parts.map((p) => ({
      ...p.part,
      producerName: p.producerName,
      producerSlug: p.producerSlug,
      producerPhone: p.producerPhone,
      lines: lines.filter((l) => l.partId === p.part.id),
    })),
    events,
  };
}

export function listOrdersForViewer(viewer: Viewer) {
  const conditions = [];
  if (viewer.userId != null) conditions.push(eq(orders.userId, viewer.userId));
  if (viewer.guestId != null) conditions.push(eq(orders.guestId, viewer.guestId));
  if (!conditions.length) return [];
  return appDb
    .select()
    .from(orders)
    .where(or(...conditions))
    .orderBy(desc(orders.id))
    .limit(100)
    .all();
}

/** Recall: every order that received a given lot (by code, case-insensitive). */
export function ordersContainingLot(lotCode: string) {
  const code = lotCode.trim().toUpperCase();
  if (!code) return [];
  return appDb
    .select({
      orderCode: orders.code,
      customerName: orders.customerName,
      customerPhone: orders.customerPhone,
      createdAt: orders.createdAt,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      partStatus: orderParts.status,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(orderParts, eq(orderParts.id, orderLines.partId))
    .where(eq(orderLines.lotCode, code))
    .orderBy(desc(orders.id))
    .all();
}
