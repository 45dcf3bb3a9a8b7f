/**
 * Bank-transfer notifications (SePay, Casso) → payments. The webhook (./bank-webhooks.server.ts)
 * only authenticates and normalises; this module stores each notification once (UNIQUE provider
 * id), finds our memo in the transfer content and hands it, inside the same transaction, to the
 * matcher registered for the memo's prefix (./matchers.server.ts). Nothing unknown is ever marked
 * paid: unknown memos, wrong amounts and second payments stay in the reconciliation list.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { bankNotifications, type BankNotification, type BankNotificationStatus } from "#db/schema";
import { db, type Tx } from "~/utils/db.server";
import { findPaymentMemos } from "~/standards/vietqr";
import { recordAudit } from "~/models/audit.server";
import { matcherForMemo } from "./matchers.server";
import { RECONCILIATION_STATUSES, type MatchOutcome, type NormalizedTransfer } from "./types";

export type ReceiveResult = { duplicate: boolean; notification: BankNotification };

export function receiveBankTransfer(input: NormalizedTransfer): ReceiveResult {
  return db.transaction((tx) => {
    const inserted = tx
      .insert(bankNotifications)
      .values({
        provider: input.provider,
        providerTxnId: input.providerTxnId,
        accountNumber: input.accountNumber,
        bankName: input.bankName,
        amount: input.amount,
        direction: input.direction,
        content: input.content,
        reference: input.reference,
        transactionAt: input.transactionAt,
        raw: input.raw,
        status: "unmatched",
      })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!inserted) {
      const existing = tx
        .select()
        .from(bankNotifications)
        .where(and(eq(bankNotifications.provider, input.provider), eq(bankNotifications.providerTxnId, input.providerTxnId)))
        .get()!;
      return { duplicate: true, notification: existing };
    }
    if (input.direction === "out") {
      return { duplicate: false, notification: setOutcome(tx, inserted.id, null, { status: "ignored" }) };
    }
    const memos = findPaymentMemos(input.content);
    for (const memo of memos) {
      const matcher = matcherForMemo(memo);
      if (!matcher) continue;
      const outcome = matcher(tx, { memo, amount: input.amount, notificationId: inserted.id, transactionAt: input.transactionAt });
      if (outcome.status !== "unmatched") return { duplicate: false, notification: setOutcome(tx, inserted.id, memo, outcome) };
    }
    return { duplicate: false, notification: setOutcome(tx, inserted.id, memos[0] ?? null, { status: "unmatched" }) };
  });
}

function setOutcome(tx: Tx, id: number, memo: string | null, outcome: MatchOutcome | { status: "ignored" }) {
  const target =
    "targetType" in outcome
      ? { targetType: outcome.targetType, targetId: outcome.targetId, expectedAmount: outcome.expectedAmount }
      : { targetType: null, targetId: null, expectedAmount: null };
  return tx
    .update(bankNotifications)
    .set({ memo, status: outcome.status as BankNotificationStatus, ...target })
    .where(eq(bankNotifications.id, id))
    .returning()
    .get();
}

/**
 * A payable created after its transfer arrived (a till charge saved late, an order re-issued):
 * re-run matching for notifications still waiting with this memo. Call inside the transaction
 * that creates the payable.
 */
export function rematchWaitingTransfers(tx: Tx, memo: string) {
  const waiting = tx
    .select()
    .from(bankNotifications)
    .where(and(eq(bankNotifications.memo, memo), eq(bankNotifications.status, "unmatched")))
    .all();
  const matcher = matcherForMemo(memo);
  if (!matcher) return [];
  return waiting.map((n) => setOutcome(tx, n.id, memo, matcher(tx, { memo, amount: n.amount, notificationId: n.id, transactionAt: n.transactionAt })));
}

export { RECONCILIATION_STATUSES };

/** Notifications a person must look at, newest first. */
export function listReconciliation(opts: { targetType?: string; targetIds?: number[]; limit?: number } = {}) {
  const conditions = [inArray(bankNotifications.status, RECONCILIATION_STATUSES)];
  if (opts.targetType) conditions.push(eq(bankNotifications.targetType, opts.targetType));
  if (opts.targetIds) conditions.push(inArray(bankNotifications.targetId, opts.targetIds.length ? opts.targetIds : [-1]));
  return db
    .select()
    .from(bankNotifications)
    .where(and(...conditions))
    .orderBy(desc(bankNotifications.receivedAt))
    .limit(opts.limit ?? 200)
    .all();
}

/** A person closes a reconciliation item (after refunding, or confirming by hand elsewhere). Audit-logged. */
export function resolveNotification(notificationId: number, actorUserId: number, note: string) {
  return db.transaction((tx) => {
    const row = tx
      .update(bankNotifications)
      .set({ status: "resolved", resolvedByUserId: actorUserId, resolvedAt: new Date(), resolutionNote: note })
      .where(and(eq(bankNotifications.id, notificationId), inArray(bankNotifications.status, RECONCILIATION_STATUSES)))
      .returning()
      .get();
    if (row) {
      recordAudit(tx, { actorUserId, action: "bank_notification.resolve", subjectType: "bank_notification", subjectId: String(row.id), details: { note } });
    }
    return row ?? null;
  });
}
