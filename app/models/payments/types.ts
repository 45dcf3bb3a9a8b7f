/**
 * Payment vocabulary shared by the bank-transfer pipeline and the things it pays (orders, till
 * charges). A leaf: it imports nothing from the domain, so a matcher can name these types without
 * importing the pipeline that calls it (no import circle).
 */
import type { Tx } from "~/utils/db.server";
import type { BankNotificationStatus } from "#db/schema";

/** Memo prefixes: which kind of payable a VietQR memo belongs to (see ./matchers.server.ts). */
export const MEMO_PREFIX = { order: "CSO", till: "CST" } as const;

/** `bank_notifications.target_type` of each payable kind. */
export const ORDER_TARGET = "order";
export const TILL_TARGET = "till_charge";

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

/** Notifications that wait for a person (never counted as takings). */
export const RECONCILIATION_STATUSES: BankNotificationStatus[] = ["unmatched", "amount_mismatch", "already_paid"];

/** The minimal view of a Stripe Checkout Session the payable kinds need. */
export type CheckoutSessionLike = {
  id: string;
  amount_total: number | null;
  currency: string | null;
  payment_status: string;
  client_reference_id?: string | null;
  metadata?: Record<string, string> | null;
  payment_intent?: string | { id: string } | null;
};

/** Applies a verified Checkout event to one kind of payable; returns the outcome stored with the event. */
export type CheckoutKindHandler = (tx: Tx, eventType: string, session: CheckoutSessionLike) => string;
