/**
 * Bank-transfer notifications (SePay, Casso) → payments. The webhook routes only authenticate and
 * normalise; this module stores each notification once (UNIQUE provider id), finds our memo in the
 * transfer content and hands it, inside the same transaction, to the matcher registered for the
 * memo's prefix (app/models/payment-matchers.server.ts). Nothing unknown is ever marked paid:
 * unknown memos, wrong amounts and second payments stay in the reconciliation list.
 */
import crypto from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditLog, bankNotifications, type BankNotification, type BankNotificationStatus } from "#db/schema";
import { db, type Tx } from "~/utils/db.server";
import { findPaymentMemos } from "~/utils/vietqr";
import { BANK_MATCHERS } from "./payment-matchers.server";

export type NormalizedTransfer = {
  provider: "sepay" | "casso";
  providerTxnId: string;
  accountNumber: string | null;
  bankName: string | null;
  amount: number; // positive VND
  direction: "in" | "out";
  content: string;
  reference: string | null;
  transactionAt: Date;
  raw: unknown;
};

/** What a matcher decides about one incoming transfer carrying its memo. */
export type MatchOutcome =
  | { status: "matched"; targetType: string; targetId: number; expectedAmount: number }
  | { status: "amount_mismatch"; targetType: string; targetId: number; expectedAmount: number }
  | { status: "already_paid"; targetType: string; targetId: number; expectedAmount: number }
  | { status: "unmatched" };

/**
 * Runs inside the notification's transaction. It must mark its target paid itself when the
 * outcome is "matched" (and only then), using `tx`.
 */
export type BankMatcher = (tx: Tx, transfer: { memo: string; amount: number; notificationId: number; transactionAt: Date }) => MatchOutcome;

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
      const matcher = BANK_MATCHERS[memo.slice(0, 3)];
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
  const matcher = BANK_MATCHERS[memo.slice(0, 3)];
  if (!matcher) return [];
  return waiting.map((n) => setOutcome(tx, n.id, memo, matcher(tx, { memo, amount: n.amount, notificationId: n.id, transactionAt: n.transactionAt })));
}

export const RECONCILIATION_STATUSES: BankNotificationStatus[] = ["unmatched", "amount_mismatch", "already_paid"];

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
      tx.insert(auditLog)
        .values({ actorUserId, action: "bank_notification.resolve", subjectType: "bank_notification", subjectId: String(row.id), details: { note } })
        .run();
    }
    return row ?? null;
  });
}

// ── Provider formats ────────────────────────────────────────────────────────────────────────────

/** Bank timestamps come as Việt Nam local time "YYYY-MM-DD HH:mm:ss". */
export function parseVietnamLocalTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** SePay authenticates with `Authorization: Apikey <key>`. Constant-time compare. */
export function verifySepayAuthorization(header: string | null, apiKey: string): boolean {
  if (!header) return false;
  const m = /^Apikey\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  return safeEqual(m[1]!.trim(), apiKey);
}

/** Recursively sorts object keys (Casso signs the body as JSON with keys sorted). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function cassoSignature(body: unknown, timestamp: string, key: string): string {
  return crypto
    .createHmac("sha512", key)
    .update(`${timestamp}.${JSON.stringify(sortKeysDeep(body))}`)
    .digest("hex");
}

export const CASSO_TOLERANCE_MS = 15 * 60 * 1000;

/** Casso v2: `X-Casso-Signature: t=<ms>,v1=<hex>` = HMAC-SHA512 over "{t}." + sorted-key JSON body. */
export function verifyCassoSignature(header: string | null, body: unknown, key: string, now = Date.now()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(",").map((p) => {
      const [k, ...v] = p.trim().split("=");
      return [k, v.join("=")];
    }),
  );
  const t = parts["t"];
  const v1 = parts["v1"];
  if (!t || !v1 || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(v1)) return false;
  const ts = Number(t) < 1e12 ? Number(t) * 1000 : Number(t); // seconds or milliseconds
  if (Math.abs(now - ts) > CASSO_TOLERANCE_MS) return false;
  return safeEqual(cassoSignature(body, t, key), v1.toLowerCase());
}

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
