import { and, desc, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { outbox, type OutboxMessage } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";

/**
 * Notifications (docs/decisions/035-outbox.md). Domain code writes a message to the outbox in the SAME
 * transaction as the change it announces; delivery happens later, by adapters. With no adapter
 * configured nothing is sent: messages stay "pending" and the development page /dev/outbox lists them.
 */
export type OutboxInput = {
  dedupeKey: string;
  recipientKind: "shopper" | "producer";
  recipientUserId?: number | null;
  recipientPhone?: string | null;
  recipientEmail?: string | null;
  template: string;
  payload: Record<string, unknown>;
};

export function enqueueMessage(tx: Tx | DB, input: OutboxInput) {
  tx.insert(outbox)
    .values({
      ...input,
      recipientUserId: input.recipientUserId ?? null,
      recipientPhone: input.recipientPhone ?? null,
      recipientEmail: input.recipientEmail ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .run();
}

/** A delivery channel (SMS gateway, Zalo OA, e-mail …). Returns true when it handled the message. */
export interface NotificationAdapter {
  name: string;
  accepts(message: OutboxMessage): boolean;
  send(message: OutboxMessage): Promise<void>;
}

const adapters: NotificationAdapter[] = [];

/** Wire an adapter at boot when its configuration is present. None is registered by default. */
export function registerNotificationAdapter(adapter: NotificationAdapter) {
  adapters.push(adapter);
}

export function notificationAdapters(): readonly NotificationAdapter[] {
  return adapters;
}

/** Delivers pending messages through the configured adapters; returns counts. */
export async function deliverPending(handle: DB = appDb, list: readonly NotificationAdapter[] = adapters, limit = 50) {
  const counts = { sent: 0, failed: 0, waiting: 0 };
  const pending = handle.select().from(outbox).where(eq(outbox.status, "pending")).limit(limit).all();
  for (const message of pending) {
    const adapter = list.find((a) => a.accepts(message));
    if (!adapter) {
      counts.waiting++;
      continue;
    }
    try {
      await adapter.send(message);
      handle
        .update(outbox)
        .set({ status: "sent", channel: adapter.name, sentAt: new Date(), attempts: message.attempts + 1 })
        .where(and(eq(outbox.id, message.id), eq(outbox.status, "pending")))
        .run();
      counts.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      handle
        .update(outbox)
        .set({ attempts, lastError: String(error).slice(0, 500), status: attempts >= 5 ? "failed" : "pending", channel: adapter.name })
        .where(eq(outbox.id, message.id))
        .run();
      counts.failed++;
    }
  }
  return counts;
}

export function listOutbox(limit = 200) {
  return appDb.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}
