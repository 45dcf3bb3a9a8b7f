/**
 * Bank-transfer matcher for memo prefix CST (market till charges), registered in
 * ~/models/payments/matchers.server.ts. It imports only the payment types (a leaf), never the
 * pipeline, so there is no import circle. Runs inside the notification's transaction.
 */
import { and, eq } from "drizzle-orm";
import { tillCharges } from "#db/schema";
import { TILL_TARGET, type BankMatcher } from "~/models/payments/types";

/**
 * Marks the charge paid only for the exact amount of an unpaid, unexpired, uncancelled VietQR
 * charge. A second payment → "already_paid"; a wrong amount → "amount_mismatch"; a cancelled or
 * expired charge → "unmatched" (the memo is kept, so the trader's "to check" list shows it).
 */
export const tillChargeMatcher: BankMatcher = (tx, { memo, amount, notificationId, transactionAt }) => {
  const charge = tx.select().from(tillCharges).where(eq(tillCharges.memo, memo)).get();
  if (!charge || charge.method !== "vietqr") return { status: "unmatched" };
  const base = { targetType: TILL_TARGET, targetId: charge.id, expectedAmount: charge.amount };
  if (charge.status === "paid") return { status: "already_paid", ...base };
  const now = new Date();
  // In time if the bank booked it before expiry, even when the notification itself is late.
  const late = charge.expiresAt !== null && now > charge.expiresAt && transactionAt > charge.expiresAt;
  if (charge.status !== "pending" || late) return { status: "unmatched" };
  if (amount !== charge.amount) return { status: "amount_mismatch", ...base };
  tx.update(tillCharges)
    .set({ status: "paid", paidAt: now, bankNotificationId: notificationId })
    .where(and(eq(tillCharges.id, charge.id), eq(tillCharges.status, "pending")))
    .run();
  return { status: "matched", ...base };
};
