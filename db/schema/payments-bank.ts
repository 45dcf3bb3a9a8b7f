import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./_columns";
import { users } from "./users";

export const BANK_PROVIDERS = ["sepay", "casso", "manual"] as const;
export const BANK_NOTIFICATION_STATUSES = [
  "matched", // paid what it should: the order / till charge is marked paid
  "unmatched", // no known memo: kept for reconciliation
  "amount_mismatch", // right memo, wrong amount (under- or overpaid): kept for reconciliation
  "already_paid", // the target was already paid (a second transfer): kept for reconciliation
  "ignored", // outgoing transfer, not ours to match
  "resolved", // handled by a person (see resolution fields)
] as const;
export type BankNotificationStatus = (typeof BANK_NOTIFICATION_STATUSES)[number];

/**
 * Every bank-transfer notification ever received, deduplicated by the provider's id
 * (UNIQUE(provider, provider_txn_id)): a replayed webhook changes nothing twice.
 */
export const bankNotifications = sqliteTable(
  "bank_notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider", { enum: BANK_PROVIDERS }).notNull(),
    providerTxnId: text("provider_txn_id").notNull(),
    accountNumber: text("account_number"),
    bankName: text("bank_name"),
    amount: integer("amount").notNull(), // VND, positive for incoming
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    content: text("content").notNull(),
    reference: text("reference"),
    transactionAt: timestamp("transaction_at").notNull(),
    memo: text("memo"), // our payment memo found in the content, if any
    status: text("status", { enum: BANK_NOTIFICATION_STATUSES }).notNull(),
    targetType: text("target_type"), // "order" | "till_charge"
    targetId: integer("target_id"),
    expectedAmount: integer("expected_amount"),
    raw: text("raw", { mode: "json" }).$type<unknown>(),
    receivedAt: createdAt(),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at"),
    resolutionNote: text("resolution_note"),
  },
  (t) => [
    uniqueIndex("bank_notifications_provider_txn_idx").on(t.provider, t.providerTxnId),
    index("bank_notifications_status_idx").on(t.status),
    index("bank_notifications_memo_idx").on(t.memo),
    index("bank_notifications_target_idx").on(t.targetType, t.targetId),
  ],
);

export type BankNotification = typeof bankNotifications.$inferSelect;
