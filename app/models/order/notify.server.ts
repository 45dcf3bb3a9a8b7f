/** Messages about an order, written to the outbox in the transaction of the change they announce. */
import { eq } from "drizzle-orm";
import { orderParts, producers, users, type Order } from "#db/schema";
import type { DB } from "#db/client";
import type { Tx } from "~/utils/db.server";
import { enqueueMessage } from "~/models/outbox.server";

export function notifyShopper(tx: Tx | DB, order: Order, what: string, payload: Record<string, unknown> = {}) {
  const user = order.userId ? tx.select({ email: users.email }).from(users).where(eq(users.id, order.userId)).get() : undefined;
  enqueueMessage(tx, {
    dedupeKey: `order:${order.id}:${what}:shopper`,
    recipientKind: "shopper",
    recipientUserId: order.userId,
    recipientPhone: order.customerPhone,
    recipientEmail: user?.email ?? null,
    template: `order.${what}`,
    payload: { orderCode: order.code, ...payload },
  });
}

/** The producer of one part hears of a new order for them. */
export function notifyProducerPlaced(tx: Tx | DB, order: Order, part: { id: number; producerId: number; subtotalVnd: number }) {
  const producerOwner = tx
    .select({ id: users.id, email: users.email, phone: producers.phone })
    .from(producers)
    .innerJoin(users, eq(users.id, producers.ownerUserId))
    .where(eq(producers.id, part.producerId))
    .get();
  enqueueMessage(tx, {
    dedupeKey: `order:${order.id}:part:${part.id}:placed`,
    recipientKind: "producer",
    recipientUserId: producerOwner?.id,
    recipientEmail: producerOwner?.email,
    recipientPhone: producerOwner?.phone,
    template: "order.part_placed",
    payload: { orderCode: order.code, partId: part.id, paymentMethod: order.paymentMethod, subtotalVnd: part.subtotalVnd },
  });
}

export function notifyProducersPaid(tx: Tx | DB, order: Order) {
  const parts = tx
    .select({ partId: orderParts.id, ownerId: producers.ownerUserId, phone: producers.phone })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, order.id))
    .all();
  for (const p of parts) {
    enqueueMessage(tx, {
      dedupeKey: `order:${order.id}:part:${p.partId}:paid`,
      recipientKind: "producer",
      recipientUserId: p.ownerId,
      recipientPhone: p.phone,
      template: "order.part_paid",
      payload: { orderCode: order.code, partId: p.partId },
    });
  }
}
