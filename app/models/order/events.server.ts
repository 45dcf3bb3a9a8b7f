/**
 * The order's timeline. EVERY order event (placed, paid, packed, refunded, cancelled, …) is
 * recorded through `addOrderEvent`, inside the transaction of the change it records: one place to
 * hook anything that must follow an event (the settlement ledger, for one).
 */
import { orderEvents } from "#db/schema";
import type { DB } from "#db/client";
import type { Tx } from "~/utils/db.server";

export type OrderEventInput = {
  orderId: number;
  kind: string;
  details?: Record<string, unknown>;
  partId?: number | null;
  actorUserId?: number | null;
};

export function addOrderEvent(tx: Tx | DB, event: OrderEventInput) {
  tx.insert(orderEvents)
    .values({ orderId: event.orderId, partId: event.partId ?? null, kind: event.kind, details: event.details ?? {}, actorUserId: event.actorUserId ?? null })
    .run();
}
