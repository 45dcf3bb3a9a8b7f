/**
 * Paying an order: card through Stripe Checkout (the session is created by
 * ~/models/payments/stripe-checkout.server.ts), bank transfer by VietQR (matched by memo prefix
 * CSO in the bank-notification pipeline, or confirmed by an admin), cash on delivery (recorded at
 * delivery, ./fulfilment.server.ts).
 */
import { and, eq, isNull, or } from "drizzle-orm";
import type { DB } from "#db/client";
import { orderLines, orders, type Order } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { buildVietQr } from "~/standards/vietqr";
import { findBank } from "~/data/banks";
import { recordAudit } from "~/models/audit.server";
import { createCheckoutSession, openCheckoutUrl, type CheckoutLine } from "~/models/payments/stripe-checkout.server";
import { ORDER_TARGET, type BankMatcher, type CheckoutKindHandler } from "~/models/payments/types";
import { addOrderEvent } from "./events.server";
import { notifyProducersPaid, notifyShopper } from "./notify.server";
import { cancelWholeOrder } from "./cancel.server";

// ── Card (Stripe Checkout, hosted) ─────────────────────────────────────────────────────────────

/** The hosted payment page of an unpaid card order (created once, found again on a retry); else the order page. */
export async function startCardPayment(orderId: number, handle: DB = appDb): Promise<string> {
  const order = handle.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new Error(`No order ${orderId}`);
  const orderUrl = `${env().PUBLIC_URL}/orders/${order.code}`;
  if (order.paymentMethod !== "card" || order.status !== "open" || order.paymentStatus !== "unpaid") return orderUrl;
  if (order.stripeSessionId) return (await openCheckoutUrl(order.stripeSessionId)) ?? orderUrl;
  const lines: CheckoutLine[] = handle
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .all()
    .map((l) => ({ name: `${l.productName} — ${l.variantLabel}`, unitAmountVnd: l.unitPriceVnd, quantity: l.quantity }));
  if (order.deliveryVnd > 0) lines.push({ name: "Phí giao hàng / Delivery", unitAmountVnd: order.deliveryVnd, quantity: 1 });
  const session = await createCheckoutSession({
    kind: "order",
    metadata: { orderId: String(order.id), orderCode: order.code },
    lines,
    clientReferenceId: order.code,
    successUrl: `${orderUrl}?payment=card`,
    cancelUrl: orderUrl,
    // Stripe allows 30 minutes to 24 hours; unpaid card orders give their stock back at expiry.
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    idempotencyKey: `order-${order.id}-checkout`,
  });
  handle
    .update(orders)
    .set({ stripeSessionId: session.id })
    .where(and(eq(orders.id, order.id), or(isNull(orders.stripeSessionId), eq(orders.stripeSessionId, session.id))))
    .run();
  return session.url;
}

/**
 * `metadata.kind = "order"` in the Stripe webhook dispatch: applies a verified Checkout event to its
 * order, inside the webhook's transaction (the event id is already stored, so this runs once per
 * event). Returns an outcome recorded with the event.
 */
export const applyOrderCheckoutEvent: CheckoutKindHandler = (tx, type, session) => {
  const orderId = Number(session.metadata?.orderId);
  const order = Number.isInteger(orderId) ? tx.select().from(orders).where(eq(orders.id, orderId)).get() : undefined;
  if (!order || order.paymentMethod !== "card") return "ignored:unknown_order";
  if (order.stripeSessionId ? order.stripeSessionId !== session.id : session.client_reference_id !== order.code) return "ignored:unknown_session";
  if (!order.stripeSessionId) tx.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id)).run();

  if (type === "checkout.session.completed" || type === "checkout.session.async_payment_succeeded") {
    if (session.payment_status !== "paid") return "waiting:async_payment";
    if (order.paymentStatus === "paid" || order.paymentStatus === "refunded") return "ignored:already_paid";
    if (session.amount_total !== order.totalVnd || session.currency !== "vnd") {
      addOrderEvent(tx, {
        orderId: order.id,
        kind: "payment_mismatch",
        details: { amount: session.amount_total, currency: session.currency, expected: order.totalVnd },
      });
      return "mismatch";
    }
    const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    tx.update(orders)
      .set({ paymentStatus: "paid", paidVnd: order.totalVnd, paidAt: new Date(), stripePaymentIntentId: paymentIntent })
      .where(eq(orders.id, order.id))
      .run();
    if (order.status === "cancelled") {
      // Money arrived for an order already cancelled (its stock went back): admin refunds it.
      addOrderEvent(tx, { orderId: order.id, kind: "paid_after_cancel", details: { via: "card", amount: session.amount_total } });
      return "paid_after_cancel";
    }
    addOrderEvent(tx, { orderId: order.id, kind: "paid", details: { via: "card", amount: session.amount_total } });
    notifyShopper(tx, order, "paid", { totalVnd: order.totalVnd });
    notifyProducersPaid(tx, order);
    return "paid";
  }
  if (type === "checkout.session.expired" || type === "checkout.session.async_payment_failed") {
    if (order.paymentStatus !== "unpaid") return "ignored:not_unpaid";
    if (order.status !== "open") return "ignored:already_closed";
    const failed = type === "checkout.session.async_payment_failed";
    const cancelled = cancelWholeOrder(tx, order.id, failed ? { reason: "payment_failed", paymentStatus: "failed" } : { reason: "payment_expired" });
    return cancelled ? "released" : "ignored:already_closed";
  }
  return "ignored:type";
};

// ── Bank transfer (VietQR) ─────────────────────────────────────────────────────────────────────

/** What a shopper needs to pay an order by bank transfer: the dynamic VietQR and the same as text. */
export function bankTransferInstructions(order: Pick<Order, "totalVnd" | "paymentMemo">) {
  const e = env();
  const memo = order.paymentMemo ?? "";
  const payload = buildVietQr({ bin: e.PLATFORM_BANK_BIN, account: e.PLATFORM_BANK_ACCOUNT, amount: order.totalVnd, memo });
  const bank = findBank(e.PLATFORM_BANK_BIN);
  return {
    payload,
    bin: e.PLATFORM_BANK_BIN,
    bankName: bank?.shortName ?? e.PLATFORM_BANK_BIN,
    account: e.PLATFORM_BANK_ACCOUNT,
    accountName: e.PLATFORM_BANK_ACCOUNT_NAME,
    amountVnd: order.totalVnd,
    memo,
  };
}

/**
 * The CSO matcher (registered in ~/models/payments/matchers.server.ts). Runs inside the
 * notification's transaction. Exact amount on an open unpaid bank order → paid. Under- or
 * overpayment, a second payment, or money for a cancelled order → left for reconciliation (never
 * marked paid automatically), with a line on the order's timeline.
 */
export const orderBankMatcher: BankMatcher = (tx, { memo, amount, notificationId }) => {
  const order = tx.select().from(orders).where(eq(orders.paymentMemo, memo)).get();
  if (!order || order.paymentMethod !== "bank") return { status: "unmatched" };
  const target = { targetType: ORDER_TARGET, targetId: order.id, expectedAmount: order.totalVnd };
  if (order.paymentStatus !== "unpaid") return { status: "already_paid", ...target };
  if (order.status === "cancelled") {
    addOrderEvent(tx, { orderId: order.id, kind: "transfer_after_cancel", details: { amountVnd: amount, notificationId } });
    return { status: "already_paid", ...target };
  }
  if (amount !== order.totalVnd) {
    addOrderEvent(tx, {
      orderId: order.id,
      kind: amount < order.totalVnd ? "transfer_underpaid" : "transfer_overpaid",
      details: { amountVnd: amount, notificationId },
    });
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
      recordAudit(tx, {
        actorUserId,
        action: "order.confirm_transfer",
        subjectType: "order",
        subjectId: order.id,
        details: { note, amountVnd: order.totalVnd },
      });
      return true;
    },
    { behavior: "immediate" },
  );
}

export function markBankOrderPaid(tx: Tx | DB, order: Order, amountVnd: number, details: Record<string, unknown>, actorUserId: number | null = null) {
  tx.update(orders).set({ paymentStatus: "paid", paidVnd: amountVnd, paidAt: new Date() }).where(eq(orders.id, order.id)).run();
  addOrderEvent(tx, {
    orderId: order.id,
    kind: order.status === "cancelled" ? "paid_after_cancel" : "paid",
    details: { via: "bank", amountVnd, ...details },
    actorUserId,
  });
  if (order.status !== "cancelled") {
    notifyShopper(tx, order, "paid", { totalVnd: order.totalVnd });
    notifyProducersPaid(tx, order);
  }
}
