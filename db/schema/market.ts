import { sqliteTable, text, integer, index, uniqueIndex, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, timestamp, updatedAt } from "./_columns";
import { users } from "./users";
import { communes } from "./communes";
import { producers } from "./producers";

/** A "chợ 4.0" market of the province. Created by admin (and the seed). */
export const markets = sqliteTable(
  "markets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    area: text("area").notNull(), // copied from the commune (former district), for grouping
    address: text("address").notNull(),
    openingHours: text("opening_hours").notNull().default(""),
    managerUserId: integer("manager_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("markets_manager_idx").on(t.managerUserId)],
);

// "closed": the trader deleted their account; the stall and its charges stay for accounting (docs/decisions/071).
export const STALL_STATUSES = ["pending", "approved", "rejected", "closed"] as const;
export type StallStatus = (typeof STALL_STATUSES)[number];

export const stalls = sqliteTable(
  "stalls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    marketId: integer("market_id")
      .notNull()
      .references(() => markets.id),
    slug: text("slug").notNull().unique(),
    stallNumber: text("stall_number").notNull(),
    name: text("name").notNull(),
    goods: text("goods").notNull().default(""),
    bankBin: text("bank_bin").notNull(),
    accountNumber: text("account_number").notNull(),
    accountHolder: text("account_holder").notNull(), // upper-case ASCII as banks show it
    traderUserId: integer("trader_user_id")
      .notNull()
      .references(() => users.id),
    producerId: integer("producer_id").references(() => producers.id),
    status: text("status", { enum: STALL_STATUSES }).notNull().default("pending"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("stalls_market_idx").on(t.marketId),
    index("stalls_trader_idx").on(t.traderUserId),
    uniqueIndex("stalls_market_number_idx").on(t.marketId, t.stallNumber),
    check("stall_bank_bin_digits", sql`length(${t.bankBin}) = 6 and ${t.bankBin} not glob '*[^0-9]*'`),
    check("stall_account_digits", sql`length(${t.accountNumber}) between 6 and 19 and ${t.accountNumber} not glob '*[^0-9]*'`),
  ],
);

export const TILL_METHODS = ["vietqr", "card", "cash"] as const;
export type TillMethod = (typeof TILL_METHODS)[number];
export const TILL_STATUSES = ["pending", "paid", "cancelled", "expired"] as const;
export type TillStatus = (typeof TILL_STATUSES)[number];
/** How long a card charge stays payable: Stripe Checkout sessions live at least 30 minutes. */
export const CARD_CHARGE_TTL_MS = 31 * 60 * 1000;
/** Ceiling for one market sale (a sane limit well under VietQR's own). */
export const MAX_TILL_AMOUNT_VND = 50_000_000;

export type TillItem = { productId: number; variantId?: number; label: string; quantity: number; priceVnd: number };

/** One sale at the till. Money: integer VND. Created with a per-stall idempotency key. */
export const tillCharges = sqliteTable(
  "till_charges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stallId: integer("stall_id")
      .notNull()
      .references(() => stalls.id),
    amount: integer("amount").notNull(),
    method: text("method", { enum: TILL_METHODS }).notNull(),
    memo: text("memo").unique(), // CSTxxxxxx for vietqr; null otherwise
    status: text("status", { enum: TILL_STATUSES }).notNull().default("pending"),
    idempotencyKey: text("idempotency_key").notNull(),
    items: text("items", { mode: "json" }).$type<TillItem[]>(),
    createdAt: createdAt(),
    paidAt: timestamp("paid_at"),
    expiresAt: timestamp("expires_at"),
    cancelledAt: timestamp("cancelled_at"),
    stripeSessionId: text("stripe_session_id").unique(),
    stripeCheckoutUrl: text("stripe_checkout_url"), // hosted page the shopper opens (shown as a QR)
    bankNotificationId: integer("bank_notification_id"),
  },
  (t) => [
    uniqueIndex("till_charges_idempotency_idx").on(t.stallId, t.idempotencyKey),
    index("till_charges_stall_created_idx").on(t.stallId, t.createdAt),
    index("till_charges_status_idx").on(t.status),
    check("till_amount_range", sql`${t.amount} > 0 and ${t.amount} <= 50000000`),
    check("till_vietqr_has_memo", sql`${t.method} <> 'vietqr' or ${t.memo} is not null`),
  ],
);

export type Market = typeof markets.$inferSelect;
export type Stall = typeof stalls.$inferSelect;
export type TillCharge = typeof tillCharges.$inferSelect;
