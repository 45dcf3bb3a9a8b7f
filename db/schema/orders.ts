import { sqliteTable, text, integer, index, uniqueIndex, check, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, timestamp, updatedAt } from "./_columns";
import { users } from "./users";
import { producers } from "./producers";
import { productVariants } from "./catalog";
import { communes } from "./communes";

/**
 * Carts: one per guest (random id in a signed cookie) or per signed-in user. Merged at sign-in.
 * Prices are NOT stored in the cart: they are read from the variant at every step.
 */
export const carts = sqliteTable(
  "carts",
  {
    id: text("id").primaryKey(), // 24 random bytes, base64url; also the guest's order-access id
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("carts_user_idx").on(t.userId)],
);

export const cartItems = sqliteTable(
  "cart_items",
  {
    cartId: text("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check("cart_qty_positive", sql`${t.quantity} > 0`)],
);

/**
 * Delivery fees the admin edits: a row per commune code (most specific), per area (former district
 * slug), or the key "province:other" for addresses outside Thái Nguyên, and "default".
 */
export const deliveryFees = sqliteTable("delivery_fees", {
  key: text("key").primaryKey(), // "commune:05503" | "area:dai-tu" | "province:other" | "default"
  label: text("label").notNull(),
  feeVnd: integer("fee_vnd").notNull(),
  updatedAt: updatedAt(),
});

export const PAYMENT_METHODS = ["card", "bank", "cod"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = ["unpaid", "paid", "refunded", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const ORDER_STATUSES = ["open", "cancelled", "completed"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PART_STATUSES = ["placed", "confirmed", "packed", "shipped", "delivered", "cancelled"] as const;
export type PartStatus = (typeof PART_STATUSES)[number];
export const DELIVERY_METHODS = ["pickup_producer", "pickup_market", "delivery"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(), // shown to people, e.g. "CS7K2M9Q"
    userId: integer("user_id").references(() => users.id),
    guestId: text("guest_id"), // the cart cookie id of a guest, to let them see their order
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("open"),
    paymentMethod: text("payment_method", { enum: PAYMENT_METHODS }).notNull(),
    paymentStatus: text("payment_status", { enum: PAYMENT_STATUSES }).notNull().default("unpaid"),
    subtotalVnd: integer("subtotal_vnd").notNull(),
    deliveryVnd: integer("delivery_vnd").notNull(),
    totalVnd: integer("total_vnd").notNull(),
    customerName: text("customer_name").notNull(),
    customerPhone: text("customer_phone").notNull(), // E.164
    communeCode: text("commune_code").references(() => communes.code),
    otherProvince: text("other_province"),
    addressLine: text("address_line").notNull(),
    note: text("note"),
    paymentMemo: text("payment_memo").unique(), // VietQR memo for bank transfers
    stripeSessionId: text("stripe_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    stripeRefundId: text("stripe_refund_id"),
    paidVnd: integer("paid_vnd").notNull().default(0),
    paidAt: timestamp("paid_at"),
    refundedVnd: integer("refunded_vnd").notNull().default(0),
    // True once reserved stock went back (expiry, failure, cancellation): never twice.
    stockReleased: integer("stock_released", { mode: "boolean" }).notNull().default(false),
    cancelReason: text("cancel_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("orders_user_idx").on(t.userId), index("orders_guest_idx").on(t.guestId), check("orders_total_non_negative", sql`${t.totalVnd} >= 0`)],
);

export const orderParts = sqliteTable(
  "order_parts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    status: text("status", { enum: PART_STATUSES }).notNull().default("placed"),
    deliveryMethod: text("delivery_method", { enum: DELIVERY_METHODS }).notNull(),
    marketSlug: text("market_slug"),
    deliveryFeeVnd: integer("delivery_fee_vnd").notNull().default(0),
    subtotalVnd: integer("subtotal_vnd").notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    cancelReason: text("cancel_reason"),
    cashReceivedAt: timestamp("cash_received_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("order_parts_order_producer_idx").on(t.orderId, t.producerId), index("order_parts_producer_idx").on(t.producerId, t.status)],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id")
      .notNull()
      .references(() => orderParts.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id),
    productName: text("product_name").notNull(),
    variantLabel: text("variant_label").notNull(),
    unitPriceVnd: integer("unit_price_vnd").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalVnd: integer("line_total_vnd").notNull(),
    // Which lot the producer fulfilled the line from (recall: "orders containing lot X").
    lotId: integer("lot_id"),
    lotCode: text("lot_code"),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_part_idx").on(t.partId),
    index("order_lines_lot_code_idx").on(t.lotCode),
    check("order_lines_qty_positive", sql`${t.quantity} > 0`),
  ],
);

/** The status timeline of an order (append-only). */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id").references(() => orderParts.id),
    kind: text("kind").notNull(), // placed, paid, confirmed, packed, shipped, delivered, cancelled, refunded, released, cash_received
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId)],
);

/** Every verified Stripe webhook event, by its id: a duplicate delivery hits the UNIQUE key. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(), // evt_…
  type: text("type").notNull(),
  objectId: text("object_id"),
  outcome: text("outcome").notNull(),
  receivedAt: createdAt(),
});

/** Messages to shoppers and producers. Delivered by adapters; nothing leaves without configuration. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dedupeKey: text("dedupe_key").notNull().unique(), // e.g. "order:12:paid:shopper"
    recipientKind: text("recipient_kind", { enum: ["shopper", "producer"] }).notNull(),
    recipientUserId: integer("recipient_user_id").references(() => users.id),
    recipientPhone: text("recipient_phone"),
    recipientEmail: text("recipient_email"),
    template: text("template").notNull(), // order.placed, order.paid, order.shipped …
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "sent", "skipped", "failed"] })
      .notNull()
      .default("pending"),
    channel: text("channel"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [index("outbox_status_idx").on(t.status)],
);

export type Cart = typeof carts.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderPart = typeof orderParts.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
