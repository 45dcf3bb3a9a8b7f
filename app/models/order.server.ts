import crypto from "node:crypto";
import { and, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import {
  auditLog,
  cartItems,
  communes,
  orderEvents,
  orderLines,
  orderParts,
  orders,
  lots,
  productVariants,
  producers,
  users,
  type DeliveryMethod,
  type Order,
  type OrderPart,
  type PartStatus,
  type PaymentMethod,
} from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getStripe, type Stripe } from "~/utils/stripe.server";
import { newPaymentMemo } from "~/utils/vietqr";
import { findMarket } from "~/data/markets";
import { findCartId, readCart, type CartIdentity, type CartView } from "./cart.server";
import { deliveryFeeFor, type DeliveryPlace } from "./delivery-fee.server";
import { enqueueMessage } from "./outbox.server";
import type { BankMatcher } from "./bank-transfer.server";

/**
 * Orders (docs/decisions/030-cart-and-checkout.md, 032-stock-reservation.md). One checkout makes one
 * order with a part per producer. Stock is reserved by conditional UPDATEs inside the same
 * transaction that writes the order, so concurrent checkouts can never sell more than the stock and
 * a crash leaves either the whole order or nothing.
 */

export class CheckoutError extends Error {
  constructor(
    public code:
      "checkout.emptyCart" | "checkout.unavailable" | "checkout.outOfStock" | "checkout.totalChanged" | "checkout.deliveryInvalid" | "checkout.cardUnavailable",
    public details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export type DeliveryChoice = { method: DeliveryMethod; marketSlug?: string | null };

export type QuoteGroup = CartView["groups"][number] & { delivery: DeliveryChoice; deliveryFeeVnd: number };
export type Quote = { groups: QuoteGroup[]; subtotalVnd: number; deliveryVnd: number; totalVnd: number; deliveryFeeVnd: number };

/** Totals are always computed here, from catalogue prices and the fee table, never from the form. */
export function quoteCart(handle: DB | Tx, cart: CartView, place: DeliveryPlace, deliveries: Record<number, DeliveryChoice | undefined>): Quote {
  const fee = deliveryFeeFor(handle, place);
  let subtotal = 0;
  let delivery = 0;
  const groups = cart.groups.map((g) => {
    const choice = deliveries[g.producerId] ?? { method: "delivery" as const };
    const groupFee = choice.method === "delivery" ? fee : 0;
    subtotal += g.subtotalVnd;
    delivery += groupFee;
    return { ...g, delivery: choice, deliveryFeeVnd: groupFee };
  });
  return { groups, subtotalVnd: subtotal, deliveryVnd: delivery, totalVnd: subtotal + delivery, deliveryFeeVnd: fee };
}

export type PlaceOrderInput = {
  identity: CartIdentity;
  idempotencyKey: string;
  customerName: string;
  customerPhone: string;
  communeCode: string | null;
  otherProvince: string | null;
  addressLine: string;
  note?: string | null;
  paymentMethod: PaymentMethod;
  deliveries: Record<number, DeliveryChoice | undefined>;
  /** The goods subtotal the shopper saw; if catalogue prices moved meanwhile, ask again. */
  expectedSubtotalVnd?: number | null;
};

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
function newOrderCode() {
  const bytes = crypto.randomBytes(8);
  let s = "CS";
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}

/** Scopes a client's idempotency key to its owner, so two people can never collide on one. */
export function scopedIdempotencyKey(identity: CartIdentity, key: string) {
  return `${identity.userId ? `u${identity.userId}` : `g${identity.guestId ?? "-"}`}:${key}`;
}

/**
 * Places an order from the cart. Idempotent by key: the same key returns the first order.
 * Throws CheckoutError for anything the shopper should fix; nothing is written in that case.
 */
export function placeOrder(input: PlaceOrderInput, handle: DB = appDb): { order: Order; created: boolean } {
  const key = scopedIdempotencyKey(input.identity, input.idempotencyKey);
  return handle.transaction(
    (tx) => {
      const existing = tx.select().from(orders).where(eq(orders.idempotencyKey, key)).get();
      if (existing) return { order: existing, created: false };

      const cartId = findCartId(tx, input.identity);
      const cart = readCart(tx, cartId);
      if (!cartId || cart.groups.length === 0) throw new CheckoutError("checkout.emptyCart");
      const unavailable = cart.groups.flatMap((g) => g.lines).filter((l) => l.problem === "unavailable");
      if (unavailable.length) throw new CheckoutError("checkout.unavailable", { names: unavailable.map((l) => `${l.productName} (${l.label})`) });
      const short = cart.groups.flatMap((g) => g.lines).filter((l) => l.problem === "insufficient_stock");
      if (short.length) throw new CheckoutError("checkout.outOfStock", { names: short.map((l) => `${l.productName} (${l.label})`) });

      for (const g of cart.groups) {
        const choice = input.deliveries[g.producerId];
        if (!choice) throw new CheckoutError("checkout.deliveryInvalid", { producerId: g.producerId });
        if (choice.method === "pickup_market" && !findMarket(choice.marketSlug))
          throw new CheckoutError("checkout.deliveryInvalid", { producerId: g.producerId });
      }
      if (input.communeCode && !tx.select({ code: communes.code }).from(communes).where(eq(communes.code, input.communeCode)).get()) {
        throw new CheckoutError("checkout.deliveryInvalid", { communeCode: input.communeCode });
      }
      const quote = quoteCart(tx, cart, { communeCode: input.communeCode, otherProvince: input.otherProvince }, input.deliveries);
      if (input.expectedSubtotalVnd != null && input.expectedSubtotalVnd !== quote.subtotalVnd) {
        throw new CheckoutError("checkout.totalChanged", { subtotalVnd: quote.subtotalVnd });
      }

      const order = tx
        .insert(orders)
        .values({
          code: newOrderCode(),
          userId: input.identity.userId,
          guestId: input.identity.userId ? null : input.identity.guestId,
          idempotencyKey: key,
          paymentMethod: input.paymentMethod,
          subtotalVnd: quote.subtotalVnd,
          deliveryVnd: quote.deliveryVnd,
          totalVnd: quote.totalVnd,
          customerName: input.customerName,
          customerPhone: input.customerPhone,
          communeCode: input.communeCode,
          otherProvince: input.communeCode ? null : input.otherProvince,
          addressLine: input.addressLine,
          note: input.note ?? null,
          paymentMemo: input.paymentMethod === "bank" ? newPaymentMemo("CSO") : null,
        })
        .returning()
        .get();

      for (const g of quote.groups) {
        const part = tx
          .insert(orderParts)
          .values({
            orderId: order.id,
            producerId: g.producerId,
            deliveryMethod: g.delivery.method,
            marketSlug: g.delivery.method === "pickup_market" ? (g.delivery.marketSlug ?? null) : null,
            deliveryFeeVnd: g.deliveryFeeVnd,
            subtotalVnd: g.subtotalVnd,
          })
          .returning()
          .get();
        for (const line of g.lines) {
          // The reservation: only succeeds while enough stock remains, whatever other checkouts do.
          const reserved = tx
            .update(productVariants)
            .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
            .where(and(eq(productVariants.id, line.variantId), sql`${productVariants.stock} >= ${line.quantity}`))
            .run();
          if (reserved.changes !== 1) throw new CheckoutError("checkout.outOfStock", { names: [`${line.productName} (${line.label})`] });
          tx.insert(orderLines)
            .values({
              orderId: order.id,
              partId: part.id,
              variantId: line.variantId,
              productName: line.productName,
              variantLabel: line.label,
              unitPriceVnd: line.priceVnd,
              quantity: line.quantity,
              lineTotalVnd: line.lineTotalVnd,
            })
            .run();
        }
        const producerOwner = tx
          .select({ id: users.id, email: users.email, phone: producers.phone })
          .from(producers)
          .innerJoin(users, eq(users.id, producers.ownerUserId))
          .where(eq(producers.id, g.producerId))
          .get();
        enqueueMessage(tx, {
          dedupeKey: `order:${order.id}:part:${part.id}:placed`,
          recipientKind: "producer",
          recipientUserId: producerOwner?.id,
          recipientEmail: producerOwner?.email,
          recipientPhone: producerOwner?.phone,
          template: "order.part_placed",
          payload: { orderCode: order.code, partId: part.id, paymentMethod: order.paymentMethod, subtotalVnd: g.subtotalVnd },
        });
      }
      addEvent(tx, order.id, "placed", { paymentMethod: order.paymentMethod, totalVnd: order.totalVnd });
      notifyShopper(tx, order, "placed", { totalVnd: order.totalVnd, paymentMethod: order.paymentMethod });
      tx.delete(cartItems).where(eq(cartItems.cartId, cartId)).run();
      return { order, created: true };
    },
    // IMMEDIATE: take the write lock at BEGIN, so a second connection waits (busy_timeout) instead of
    // failing when it tries to upgrade a read snapshot that another writer has moved past.
    { behavior: "immediate" },
  );
}

function addEvent(
  tx: Tx | DB,
  orderId: number,
  kind: string,
  details: Record<string, unknown> = {},
  partId: number | null = null,
  actorUserId: number | null = null,
) {
  tx.insert(orderEvents).values({ orderId, partId, kind, details, actorUserId }).run();
}

function notifyShopper(tx: Tx | DB, order: Order, what: string, payload: Record<string, unknown> = {}) {
  const user = order.userId ? tx.select({ email: users.email }).from(users).where(eq(users.id, order.userId)).get() : undefined;
  enqueueMessage(tx, {
    dedupeKey: `order:${order.id}:${what}:shopper`,
    recipientKind: "shopper",
    recipientUserId: order.userId,
    recipientPhone: order.customerPhone,
    recipientEmail: user?.email ?? null,
    template: `order.${what}`,
    payload: { orderCode: order.code, ...payload },
  });
}

// ---------------------------------------------------------------------------------------------
// Card payment (Stripe Checkout, hosted)

export async function startCardPayment(orderId: number, handle: DB = appDb): Promise<string> {
  const order = handle.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new Error(`No order ${orderId}`);
  const orderUrl = `${env().PUBLIC_URL}/orders/${order.code}`;
  if (order.paymentMethod !== "card" || order.status !== "open" || order.paymentStatus !== "unpaid") return orderUrl;
  const stripe = getStripe();
  if (order.stripeSessionId) {
    const existing = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
    return orderUrl;
  }
  const lines = handle.select().from(orderLines).where(eq(orderLines.orderId, order.id)).all();
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = lines.map((l) => ({
    quantity: l.quantity,
    price_data: { currency: "vnd", unit_amount: l.unitPriceVnd, product_data: { name: `${l.productName} — ${l.variantLabel}` } },
  }));
  if (order.deliveryVnd > 0) {
    lineItems.push({ quantity: 1, price_data: { currency: "vnd", unit_amount: order.deliveryVnd, product_data: { name: "Phí giao hàng / Delivery" } } });
  }
  const metadata = { kind: "order", orderId: String(order.id), orderCode: order.code };
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: lineItems,
      client_reference_id: order.code,
      metadata,
      payment_intent_data: { metadata },
      success_url: `${orderUrl}?payment=card`,
      cancel_url: orderUrl,
      // Stripe allows 30 minutes to 24 hours; unpaid card orders give their stock back at expiry.
      expires_at: Math.floor(Date.now() / 1000) + 60 * 60,
      locale: "vi",
    },
    { idempotencyKey: `order-${order.id}-checkout` },
  );
  handle
    .update(orders)
    .set({ stripeSessionId: session.id })
    .where(and(eq(orders.id, order.id), or(isNull(orders.stripeSessionId), eq(orders.stripeSessionId, session.id))))
    .run();
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}

type SessionLike = Pick<Stripe.Checkout.Session, "id" | "amount_total" | "currency" | "payment_status" | "client_reference_id" | "metadata"> & {
  payment_intent?: string | { id: string } | null;
};

/**
 * Applies a verified Checkout event to its order, inside the webhook's transaction (the event id is
 * already stored, so this runs once per event). Returns an outcome recorded with the event.
 */
export function applyOrderCheckoutEvent(tx: Tx, type: string, session: SessionLike): string {
  const orderId = Number(session.metadata?.orderId);
  const order = Number.isInteger(orderId) ? tx.select().from(orders).where(eq(orders.id, orderId)).get() : undefined;
  if (!order || order.paymentMethod !== "card") return "ignored:unknown_order";
  if (order.stripeSessionId ? order.stripeSessionId !== session.id : session.client_reference_id !== order.code) return "ignored:unknown_session";
  if (!order.stripeSessionId) tx.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id)).run();

  if (type === "checkout.session.completed" || type === "checkout.session.async_payment_succeeded") {
    if (session.payment_status !== "paid") return "waiting:async_payment";
    if (order.paymentStatus === "paid" || order.paymentStatus === "refunded") return "ignored:already_paid";
    if (session.amount_total !== order.totalVnd || session.currency !== "vnd") {
      addEvent(tx, order.id, "payment_mismatch", { amount: session.amount_total, currency: session.currency, expected: order.totalVnd });
      return "mismatch";
    }
    const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    tx.update(orders)
      .set({ paymentStatus: "paid", paidVnd: order.totalVnd, paidAt: new Date(), stripePaymentIntentId: paymentIntent })
      .where(eq(orders.id, order.id))
      .run();
    if (order.status === "cancelled") {
      // Money arrived for an order already cancelled (its stock went back): admin refunds it.
      addEvent(tx, order.id, "paid_after_cancel", { via: "card", amount: session.amount_total });
      return "paid_after_cancel";
    }
    addEvent(tx, order.id, "paid", { via: "card", amount: session.amount_total });
    notifyShopper(tx, order, "paid", { totalVnd: order.totalVnd });
    notifyProducersPaid(tx, order);
    return "paid";
  }
  if (type === "checkout.session.expired" || type === "checkout.session.async_payment_failed") {
    if (order.paymentStatus !== "unpaid") return "ignored:not_unpaid";
    if (order.status !== "open") return "ignored:already_closed";
    const reason = type === "checkout.session.expired" ? "payment_expired" : "payment_failed";
    tx.update(orders)
      .set({ status: "cancelled", cancelReason: reason, paymentStatus: reason === "payment_failed" ? "failed" : "unpaid" })
      .where(eq(orders.id, order.id))
      .run();
    tx.update(orderParts)
      .set({ status: "cancelled", cancelReason: reason })
      .where(and(eq(orderParts.orderId, order.id), ne(orderParts.status, "cancelled")))
      .run();
    releaseStockOfOrder(tx, order.id, reason);
    addEvent(tx, order.id, "cancelled", { reason });
    notifyShopper(tx, order, "cancelled", { reason });
    return "released";
  }
  return "ignored:type";
}

/** Releases stock for every line of the order (parts were just cancelled together). */
function releaseStockOfOrder(tx: Tx | DB, orderId: number, reason: string) {
  const flagged = tx
    .update(orders)
    .set({ stockReleased: true })
    .where(and(eq(orders.id, orderId), eq(orders.stockReleased, false)))
    .run();
  if (flagged.changes !== 1) return false;
  // Lines of parts that a producer had cancelled earlier already gave their stock back.
  const lines = tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .innerJoin(orderParts, eq(orderParts.id, orderLines.partId))
    .where(and(eq(orderLines.orderId, orderId), sql`coalesce(${orderParts.cancelReason}, '') not like 'producer:%'`))
    .all();
  for (const l of lines) {
    tx.update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${l.quantity}` })
      .where(eq(productVariants.id, l.variantId))
      .run();
  }
  addEvent(tx, orderId, "stock_released", { reason });
  return true;
}

function notifyProducersPaid(tx: Tx | DB, order: Order) {
  const parts = tx
    .select({ partId: orderParts.id, ownerId: producers.ownerUserId, phone: producers.phone })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, order.id))
    .all();
  for (const p of parts) {
    enqueueMessage(tx, {
      dedupeKey: `order:${order.id}:part:${p.partId}:paid`,
      recipientKind: "producer",
      recipientUserId: p.ownerId,
      recipientPhone: p.phone,
      template: "order.part_paid",
      payload: { orderCode: order.code, partId: p.partId },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Bank transfer (VietQR), confirmed by the lead's SePay/Casso pipeline or by an admin

/**
 * The CSO matcher for the lead's bank-transfer pipeline (registered in payment-matchers.server.ts).
 * Runs inside the notification's transaction. Exact amount on an open unpaid bank order → paid.
 * Under- or overpayment, a second payment, or money for a cancelled order → left for reconciliation
 * (never marked paid automatically), with a line on the order's timeline.
 */
export const orderBankMatcher: BankMatcher = (tx, { memo, amount, notificationId }) => {
  const order = tx.select().from(orders).where(eq(orders.paymentMemo, memo)).get();
  if (!order || order.paymentMethod !== "bank") return { status: "unmatched" };
  const target = { targetType: "order", targetId: order.id, expectedAmount: order.totalVnd };
  if (order.paymentStatus !== "unpaid") return { status: "already_paid", ...target };
  if (order.status === "cancelled") {
    addEvent(tx, order.id, "transfer_after_cancel", { amountVnd: amount, notificationId });
    return { status: "already_paid", ...target };
  }
  if (amount !== order.totalVnd) {
    addEvent(tx, order.id, amount < order.totalVnd ? "transfer_underpaid" : "transfer_overpaid", { amountVnd: amount, notificationId });
    return { status: "amount_mismatch", ...target };
  }
  markBankOrderPaid(tx, order, amount, { notificationId });
  return { status: "matched", ...target };
};

/** Admin confirms a bank transfer by hand (seen on the bank statement). Audit-logged. */
export function confirmBankTransferByHand(orderCode: string, actorUserId: number, note: string, handle: DB = appDb) {
  return handle.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.code, orderCode.trim().toUpperCase())).get();
      if (!order || order.paymentMethod !== "bank" || order.paymentStatus !== "unpaid" || order.status !== "open") return false;
      markBankOrderPaid(tx, order, order.totalVnd, { manual: true, note }, actorUserId);
      tx.insert(auditLog)
        .values({
          actorUserId,
          action: "order.confirm_transfer",
          subjectType: "order",
          subjectId: String(order.id),
          details: { note, amountVnd: order.totalVnd },
        })
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

export function markBankOrderPaid(tx: Tx | DB, order: Order, amountVnd: number, details: Record<string, unknown>, actorUserId: number | null = null) {
  tx.update(orders).set({ paymentStatus: "paid", paidVnd: amountVnd, paidAt: new Date() }).where(eq(orders.id, order.id)).run();
  addEvent(tx, order.id, order.status === "cancelled" ? "paid_after_cancel" : "paid", { via: "bank", amountVnd, ...details }, null, actorUserId);
  if (order.status !== "cancelled") {
    notifyShopper(tx, order, "paid", { totalVnd: order.totalVnd });
    notifyProducersPaid(tx, order);
  }
}

/** How long an unpaid bank-transfer order holds its stock before it is cancelled. */
export const BANK_ORDER_HOLD_HOURS = 72;

/**
 * Cancels open, unpaid bank-transfer orders older than the hold and gives their stock back. Run by
 * `npm run orders:expire` (cron) and, cheaply, whenever someone opens the checkout.
 * A transfer arriving later still lands in the reconciliation list (never lost).
 */
export function expireStaleBankOrders(now = new Date(), holdHours = BANK_ORDER_HOLD_HOURS, handle: DB = appDb) {
  const cutoff = new Date(now.getTime() - holdHours * 3600_000);
  const stale = handle
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.paymentMethod, "bank"), eq(orders.paymentStatus, "unpaid"), eq(orders.status, "open"), sql`${orders.createdAt} < ${cutoff.getTime()}`))
    .all();
  let expired = 0;
  for (const { id } of stale) {
    const done = handle.transaction(
      (tx) => {
        const parts = tx.select({ status: orderParts.status }).from(orderParts).where(eq(orderParts.orderId, id)).all();
        if (parts.some((p) => p.status === "shipped" || p.status === "delivered")) return false;
        const changed = tx
          .update(orders)
          .set({ status: "cancelled", cancelReason: "payment_expired" })
          .where(and(eq(orders.id, id), eq(orders.status, "open"), eq(orders.paymentStatus, "unpaid")))
          .run();
        if (changed.changes !== 1) return false;
        tx.update(orderParts)
          .set({ status: "cancelled", cancelReason: "payment_expired" })
          .where(and(eq(orderParts.orderId, id), ne(orderParts.status, "cancelled")))
          .run();
        releaseStockOfOrder(tx, id, "payment_expired");
        addEvent(tx, id, "cancelled", { reason: "payment_expired" });
        const order = tx.select().from(orders).where(eq(orders.id, id)).get()!;
        notifyShopper(tx, order, "cancelled", { reason: "payment_expired" });
        return true;
      },
      { behavior: "immediate" },
    );
    if (done) expired++;
  }
  return expired;
}

// ---------------------------------------------------------------------------------------------
// Reading orders

export type Viewer = { userId: number | null; role: string | null; guestId: string | null };

export function findOrderForViewer(code: string, viewer: Viewer) {
  const order = appDb.select().from(orders).where(eq(orders.code, code)).get();
  if (!order) return null;
  const allowed =
    viewer.role === "admin" || (viewer.userId != null && order.userId === viewer.userId) || (viewer.guestId != null && order.guestId === viewer.guestId);
  return allowed ? order : null;
}

export function orderDetail(orderId: number) {
  const parts = appDb
    .select({ part: orderParts, producerName: producers.name, producerSlug: producers.slug, producerPhone: producers.phone })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, orderId))
    .orderBy(orderParts.id)
    .all();
  const lines = appDb.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id).all();
  const events = appDb.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id).all();
  return {
    parts: parts.map((p) => ({
      ...p.part,
      producerName: p.producerName,
      producerSlug: p.producerSlug,
      producerPhone: p.producerPhone,
      lines: lines.filter((l) => l.partId === p.part.id),
    })),
    events,
  };
}

export function listOrdersForViewer(viewer: Viewer) {
  const conditions = [];
  if (viewer.userId != null) conditions.push(eq(orders.userId, viewer.userId));
  if (viewer.guestId != null) conditions.push(eq(orders.guestId, viewer.guestId));
  if (!conditions.length) return [];
  return appDb
    .select()
    .from(orders)
    .where(or(...conditions))
    .orderBy(desc(orders.id))
    .limit(100)
    .all();
}

export function canShopperCancel(order: Order, parts: Pick<OrderPart, "status">[]) {
  return order.status === "open" && !parts.some((p) => p.status === "shipped" || p.status === "delivered");
}

// ---------------------------------------------------------------------------------------------
// Cancellation and refunds

/** The shopper cancels before anything shipped: stock returns; a card payment is refunded. */
export async function cancelOrderByShopper(orderId: number, actorUserId: number | null, handle: DB = appDb) {
  const result = handle.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get();
      if (!order) return { ok: false as const };
      const parts = tx.select({ status: orderParts.status }).from(orderParts).where(eq(orderParts.orderId, orderId)).all();
      if (!canShopperCancel(order, parts)) return { ok: false as const };
      const changed = tx
        .update(orders)
        .set({ status: "cancelled", cancelReason: "shopper" })
        .where(and(eq(orders.id, orderId), eq(orders.status, "open")))
        .run();
      if (changed.changes !== 1) return { ok: false as const };
      tx.update(orderParts)
        .set({ status: "cancelled", cancelReason: "shopper" })
        .where(and(eq(orderParts.orderId, orderId), ne(orderParts.status, "cancelled")))
        .run();
      releaseStockOfOrder(tx, orderId, "shopper");
      addEvent(tx, orderId, "cancelled", { reason: "shopper" }, null, actorUserId);
      notifyShopper(tx, order, "cancelled", { reason: "shopper" });
      return { ok: true as const, order };
    },
    { behavior: "immediate" },
  );
  if (result.ok) await refundIfPaid(orderId, null, "cancel", handle);
  return result.ok;
}

/**
 * Refunds a paid order (whole remainder, or `amountVnd`) through the Stripe SDK. Card only: bank
 * transfers are refunded by hand (recorded as an event for admin). The idempotency key makes a retry safe.
 */
export async function refundIfPaid(orderId: number, amountVnd: number | null, tag: string, handle: DB = appDb) {
  const order = handle.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.paymentStatus !== "paid") return null;
  const remaining = order.paidVnd - order.refundedVnd;
  const amount = Math.min(amountVnd ?? remaining, remaining);
  if (amount <= 0) return null;
  if (order.paymentMethod !== "card" || !order.stripePaymentIntentId) {
    addEvent(handle, orderId, "refund_due", { amountVnd: amount, via: order.paymentMethod });
    return null;
  }
  try {
    const refund = await getStripe().refunds.create(
      { payment_intent: order.stripePaymentIntentId, amount, reason: "requested_by_customer", metadata: { kind: "order", orderId: String(orderId) } },
      { idempotencyKey: `order-${orderId}-refund-${tag}` },
    );
    handle.transaction((tx) => {
      const refunded = order.refundedVnd + refund.amount;
      tx.update(orders)
        .set({ refundedVnd: refunded, stripeRefundId: refund.id, paymentStatus: refunded >= order.paidVnd ? "refunded" : "paid" })
        .where(eq(orders.id, orderId))
        .run();
      addEvent(tx, orderId, "refunded", { amountVnd: refund.amount, refundId: refund.id });
      notifyShopper(tx, order, `refunded:${tag}`, { amountVnd: refund.amount });
    });
    return refund;
  } catch (error) {
    addEvent(handle, orderId, "refund_failed", { amountVnd: amount, error: String(error).slice(0, 300) });
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Producer queue: their own parts only

export function producerIdsOf(userId: number) {
  return appDb
    .select({ id: producers.id })
    .from(producers)
    .where(eq(producers.ownerUserId, userId))
    .all()
    .map((p) => p.id);
}

export function listProducerParts(producerIds: number[], filter: "active" | "done" = "active") {
  if (!producerIds.length) return [];
  const statuses: PartStatus[] = filter === "active" ? ["placed", "confirmed", "packed", "shipped"] : ["delivered", "cancelled"];
  const rows = appDb
    .select({ part: orderParts, order: orders })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(and(inArray(orderParts.producerId, producerIds), inArray(orderParts.status, statuses)))
    .orderBy(desc(orderParts.id))
    .limit(200)
    .all();
  const partIds = rows.map((r) => r.part.id);
  const lines = partIds.length ? appDb.select().from(orderLines).where(inArray(orderLines.partId, partIds)).all() : [];
  const lotOptions = lotOptionsFor(
    producerIds,
    lines.map((l) => l.variantId),
  );
  return rows.map((r) => ({
    ...r.part,
    order: {
      code: r.order.code,
      customerName: r.order.customerName,
      customerPhone: r.order.customerPhone,
      addressLine: r.order.addressLine,
      communeCode: r.order.communeCode,
      otherProvince: r.order.otherProvince,
      paymentMethod: r.order.paymentMethod,
      paymentStatus: r.order.paymentStatus,
      status: r.order.status,
      createdAt: r.order.createdAt,
    },
    lines: lines.filter((l) => l.partId === r.part.id).map((l) => ({ ...l, lotOptions: lotOptions.get(l.variantId) ?? [] })),
  }));
}

/** The producer's own lots of each line's product, newest first, offered when packing. */
function lotOptionsFor(producerIds: number[], variantIds: number[]) {
  const out = new Map<number, { code: string; label: string }[]>();
  if (!variantIds.length || !producerIds.length) return out;
  const rows = appDb
    .select({ variantId: productVariants.id, traceCode: lots.traceCode, lotNumber: lots.lotNumber, harvestDate: lots.harvestDate })
    .from(productVariants)
    .innerJoin(lots, eq(lots.productId, productVariants.productId))
    .where(and(inArray(productVariants.id, variantIds), inArray(lots.producerId, producerIds)))
    .orderBy(desc(lots.harvestDate), desc(lots.id))
    .all();
  for (const r of rows) {
    const list = out.get(r.variantId) ?? [];
    if (list.length < 20) list.push({ code: r.traceCode, label: `${r.traceCode} · ${r.lotNumber} · ${r.harvestDate}` });
    out.set(r.variantId, list);
  }
  return out;
}

export type PartAction =
  | { intent: "confirm" }
  | { intent: "pack"; lots: Record<number, string> }
  | { intent: "ship"; carrier: string; trackingNumber: string }
  | { intent: "deliver"; cashReceived: boolean }
  | { intent: "cancel"; reason: string };

export type PartActionResult = { ok: true; refund?: { orderId: number; amountVnd: number; tag: string } } | { ok: false; error: string };

const TRANSITIONS: Record<Exclude<PartAction["intent"], "cancel">, { from: PartStatus; to: PartStatus }> = {
  confirm: { from: "placed", to: "confirmed" },
  pack: { from: "confirmed", to: "packed" },
  ship: { from: "packed", to: "shipped" },
  deliver: { from: "shipped", to: "delivered" },
};

/** A producer moves one of THEIR parts along (owner-scoped in the query). Card refunds follow a cancel. */
export function actOnPart(partId: number, producerIds: number[], actorUserId: number, action: PartAction, handle: DB = appDb): PartActionResult {
  if (!producerIds.length) return { ok: false, error: "orders.notYourOrder" };
  return handle.transaction(
    (tx): PartActionResult => {
      const row = tx
        .select({ part: orderParts, order: orders })
        .from(orderParts)
        .innerJoin(orders, eq(orders.id, orderParts.orderId))
        .where(and(eq(orderParts.id, partId), inArray(orderParts.producerId, producerIds)))
        .get();
      if (!row) return { ok: false, error: "orders.notYourOrder" };
      const { part, order } = row;

      if (action.intent === "cancel") {
        if (part.status === "shipped" || part.status === "delivered" || part.status === "cancelled") return { ok: false, error: "orders.cannotCancelNow" };
        tx.update(orderParts)
          .set({ status: "cancelled", cancelReason: `producer:${action.reason}` })
          .where(and(eq(orderParts.id, part.id), eq(orderParts.status, part.status)))
          .run();
        if (!order.stockReleased) {
          const lines = tx.select().from(orderLines).where(eq(orderLines.partId, part.id)).all();
          for (const l of lines) {
            tx.update(productVariants)
              .set({ stock: sql`${productVariants.stock} + ${l.quantity}` })
              .where(eq(productVariants.id, l.variantId))
              .run();
          }
        }
        addEvent(tx, order.id, "part_cancelled", { reason: action.reason }, part.id, actorUserId);
        const open = tx
          .select({ id: orderParts.id })
          .from(orderParts)
          .where(and(eq(orderParts.orderId, order.id), ne(orderParts.status, "cancelled")))
          .all();
        if (open.length === 0) {
          tx.update(orders).set({ status: "cancelled", cancelReason: "producer", stockReleased: true }).where(eq(orders.id, order.id)).run();
          addEvent(tx, order.id, "cancelled", { reason: "producer" }, null, actorUserId);
        } else {
          maybeComplete(tx, order.id);
        }
        notifyShopper(tx, order, `part_cancelled:${part.id}`, { reason: action.reason });
        const refundAmount = order.paymentStatus === "paid" ? part.subtotalVnd + part.deliveryFeeVnd : 0;
        return { ok: true, refund: refundAmount > 0 ? { orderId: order.id, amountVnd: refundAmount, tag: `part-${part.id}` } : undefined };
      }

      if (order.status !== "open") return { ok: false, error: "orders.orderClosed" };
      if (action.intent === "confirm" && order.paymentMethod !== "cod" && order.paymentStatus !== "paid") return { ok: false, error: "orders.awaitingPayment" };
      const step = TRANSITIONS[action.intent];
      const extra: Partial<typeof orderParts.$inferInsert> = {};
      if (action.intent === "ship") Object.assign(extra, { carrier: action.carrier, trackingNumber: action.trackingNumber });
      if (action.intent === "deliver" && order.paymentMethod === "cod") {
        if (!action.cashReceived) return { ok: false, error: "orders.cashRequired" };
        extra.cashReceivedAt = new Date();
      }
      const moved = tx
        .update(orderParts)
        .set({ status: step.to, ...extra })
        .where(and(eq(orderParts.id, part.id), eq(orderParts.status, step.from)))
        .run();
      if (moved.changes !== 1) return { ok: false, error: "orders.wrongStep" };
      if (action.intent === "pack") {
        const lines = tx.select().from(orderLines).where(eq(orderLines.partId, part.id)).all();
        for (const l of lines) {
          const typed = (action.lots[l.id] ?? "").trim().toUpperCase();
          if (!typed) continue;
          let lotId: number | null = null;
          let code = typed;
          // Only this producer's own lots; a lot number is accepted and stored as its trace code.
          const lot = tx
            .select({ id: lots.id, traceCode: lots.traceCode })
            .from(lots)
            .where(and(eq(lots.producerId, part.producerId), or(sql`upper(${lots.traceCode}) = ${typed}`, sql`upper(${lots.lotNumber}) = ${typed}`)))
            .get();
          if (lot) {
            lotId = lot.id;
            code = lot.traceCode.toUpperCase();
          }
          tx.update(orderLines).set({ lotCode: code, lotId }).where(eq(orderLines.id, l.id)).run();
        }
      }
      addEvent(tx, order.id, step.to, action.intent === "ship" ? { carrier: action.carrier, trackingNumber: action.trackingNumber } : {}, part.id, actorUserId);
      if (action.intent === "ship" || action.intent === "deliver") notifyShopper(tx, order, `${step.to}:${part.id}`, { partId: part.id });
      if (action.intent === "deliver" && order.paymentMethod === "cod") {
        addEvent(tx, order.id, "cash_received", { amountVnd: part.subtotalVnd + part.deliveryFeeVnd }, part.id, actorUserId);
        const openCash = tx
          .select({ id: orderParts.id })
          .from(orderParts)
          .where(and(eq(orderParts.orderId, order.id), ne(orderParts.status, "cancelled"), isNull(orderParts.cashReceivedAt)))
          .all();
        if (openCash.length === 0) {
          const collected = tx
            .select({ n: sql<number>`coalesce(sum(${orderParts.subtotalVnd} + ${orderParts.deliveryFeeVnd}), 0)` })
            .from(orderParts)
            .where(and(eq(orderParts.orderId, order.id), ne(orderParts.status, "cancelled")))
            .get();
          tx.update(orders)
            .set({ paymentStatus: "paid", paidVnd: Number(collected?.n ?? 0), paidAt: new Date() })
            .where(eq(orders.id, order.id))
            .run();
          addEvent(tx, order.id, "paid", { via: "cod" });
        }
      }
      maybeComplete(tx, order.id);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

function maybeComplete(tx: Tx | DB, orderId: number) {
  const parts = tx.select({ status: orderParts.status }).from(orderParts).where(eq(orderParts.orderId, orderId)).all();
  const live = parts.filter((p) => p.status !== "cancelled");
  if (live.length && live.every((p) => p.status === "delivered")) {
    const done = tx
      .update(orders)
      .set({ status: "completed" })
      .where(and(eq(orders.id, orderId), eq(orders.status, "open")))
      .run();
    if (done.changes) addEvent(tx, orderId, "completed", {});
  }
}

// ---------------------------------------------------------------------------------------------
// Admin

/** Recall: every order that received a given lot (by code, case-insensitive). */
export function ordersContainingLot(lotCode: string) {
  const code = lotCode.trim().toUpperCase();
  if (!code) return [];
  return appDb
    .select({
      orderCode: orders.code,
      customerName: orders.customerName,
      customerPhone: orders.customerPhone,
      createdAt: orders.createdAt,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      partStatus: orderParts.status,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(orderParts, eq(orderParts.id, orderLines.partId))
    .where(eq(orderLines.lotCode, code))
    .orderBy(desc(orders.id))
    .all();
}
