/**
 * The trader's till: a till charge is one sale — VietQR (dynamic payload, exact amount, memo CST…
 * matched by the bank-notification pipeline), card (Stripe Checkout, ./till-card.server.ts) or
 * cash. Every write touching money is one transaction; every trader query is scoped to the
 * trader's own stall inside the SQL.
 */
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { CARD_CHARGE_TTL_MS, bankNotifications, tillCharges, type Stall, type TillCharge, type TillItem, type TillMethod, type TillStatus } from "#db/schema";
import { db } from "~/utils/db.server";
import { buildVietQr, newPaymentMemo } from "~/standards/vietqr";
import { rematchWaitingTransfers, resolveNotification } from "~/models/payments/bank-notifications.server";
import { MEMO_PREFIX, RECONCILIATION_STATUSES, TILL_TARGET } from "~/models/payments/types";
import { stallProducts } from "./stall.server";

/** An unpaid charge stops being payable after this long (the shopper is long gone by then). */
export const CHARGE_TTL_MS = 15 * 60 * 1000;

/** Items ticked on the till, priced from the stall's own product list (anything else is ignored). */
export function pricedTillItems(stall: Pick<Stall, "producerId">, variantIds: readonly unknown[]): TillItem[] {
  const offered = new Map(stallProducts(stall).map((p) => [p.variantId, p]));
  const items: TillItem[] = [];
  for (const id of variantIds) {
    const p = offered.get(Number(id));
    if (p) items.push({ productId: p.productId, variantId: p.variantId, label: `${p.productName} – ${p.label}`, quantity: 1, priceVnd: p.priceVnd });
  }
  return items;
}

/** The amount to charge as typed; with nothing typed and items ticked, the items' total. */
export function tillAmountInput(typed: string, items: TillItem[]): string {
  return typed === "" && items.length ? String(items.reduce((s, i) => s + i.priceVnd * i.quantity, 0)) : typed;
}

/** Expiry is computed on read: a pending charge past its time is "expired" everywhere. */
export function effectiveStatus(charge: Pick<TillCharge, "status" | "expiresAt">, now = new Date()): TillStatus {
  if (charge.status === "pending" && charge.expiresAt && charge.expiresAt.getTime() <= now.getTime()) return "expired";
  return charge.status;
}

export type NewCharge = {
  stallId: number;
  amount: number;
  method: TillMethod;
  idempotencyKey: string;
  items?: TillItem[] | null;
};

/**
 * Creates a charge once per (stall, idempotency key): a retried POST returns the first charge.
 * Cash is paid on the spot. A VietQR charge gets a fresh memo and picks up a bank notification
 * that arrived before it was saved.
 */
export function createTillCharge(
  input: NewCharge,
  now = new Date(),
  nextMemo: () => string = () => newPaymentMemo(MEMO_PREFIX.till),
): { charge: TillCharge; created: boolean } {
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(tillCharges)
      .where(and(eq(tillCharges.stallId, input.stallId), eq(tillCharges.idempotencyKey, input.idempotencyKey)))
      .get();
    if (existing) return { charge: existing, created: false };
    let memo: string | null = null;
    if (input.method === "vietqr") {
      do memo = nextMemo();
      while (tx.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.memo, memo)).get());
    }
    const cash = input.method === "cash";
    let charge = tx
      .insert(tillCharges)
      .values({
        stallId: input.stallId,
        amount: input.amount,
        method: input.method,
        memo,
        status: cash ? "paid" : "pending",
        idempotencyKey: input.idempotencyKey,
        items: input.items?.length ? input.items : null,
        createdAt: now,
        paidAt: cash ? now : null,
        expiresAt: cash ? null : new Date(now.getTime() + (input.method === "card" ? CARD_CHARGE_TTL_MS : CHARGE_TTL_MS)),
      })
      .returning()
      .get();
    if (memo && rematchWaitingTransfers(tx, memo).length) {
      charge = tx.select().from(tillCharges).where(eq(tillCharges.id, charge.id)).get()!;
    }
    return { charge, created: true };
  });
}

/** Owner-scoped: a trader only ever reads their own stall's charges. */
export function getStallCharge(stallId: number, chargeId: number) {
  return (
    db
      .select()
      .from(tillCharges)
      .where(and(eq(tillCharges.id, chargeId), eq(tillCharges.stallId, stallId)))
      .get() ?? null
  );
}

export function cancelTillCharge(stallId: number, chargeId: number, now = new Date()) {
  return db.transaction((tx) => {
    const row = tx
      .update(tillCharges)
      .set({ status: "cancelled", cancelledAt: now })
      .where(
        and(
          eq(tillCharges.id, chargeId),
          eq(tillCharges.stallId, stallId),
          eq(tillCharges.status, "pending"),
          or(sql`${tillCharges.expiresAt} is null`, sql`${tillCharges.expiresAt} > ${now.getTime()}`),
        ),
      )
      .returning()
      .get();
    return row ?? null;
  });
}

/** The dynamic VietQR of a charge: exact amount, the charge's memo, 01 = 12. */
export function chargePayload(stall: Pick<Stall, "bankBin" | "accountNumber">, charge: Pick<TillCharge, "amount" | "memo">) {
  return buildVietQr({ bin: stall.bankBin, account: stall.accountNumber, amount: charge.amount, memo: charge.memo ?? undefined });
}

/**
 * The trader's "to check" list: notifications needing a person that concern this stall — tied
 * to one of its charges, or carrying one of its memos, or paid into its account with an
 * unknown memo.
 */
export function stallToCheck(stall: Pick<Stall, "id" | "accountNumber">) {
  const chargeIds = db.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.stallId, stall.id));
  const memos = db
    .select({ memo: tillCharges.memo })
    .from(tillCharges)
    .where(and(eq(tillCharges.stallId, stall.id), sql`${tillCharges.memo} is not null`));
  return db
    .select()
    .from(bankNotifications)
    .where(
      and(
        inArray(bankNotifications.status, RECONCILIATION_STATUSES),
        or(
          and(eq(bankNotifications.targetType, TILL_TARGET), inArray(bankNotifications.targetId, chargeIds)),
          inArray(bankNotifications.memo, memos),
          and(eq(bankNotifications.status, "unmatched"), eq(bankNotifications.accountNumber, stall.accountNumber)),
        ),
      ),
    )
    .orderBy(desc(bankNotifications.receivedAt))
    .limit(100)
    .all();
}

/** The trader closes one of their own "to check" items (refunded the shopper, or took it as a tip). */
export function resolveStallNotification(stall: Pick<Stall, "id" | "accountNumber">, traderUserId: number, notificationId: number, note: string) {
  if (!stallToCheck(stall).some((n) => n.id === notificationId)) return null;
  return resolveNotification(notificationId, traderUserId, note);
}
