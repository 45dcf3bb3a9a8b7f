/**
 * Placing an order (docs/decisions/030-cart-and-checkout.md, 032-stock-reservation.md). One checkout
 * makes one order with a part per producer. Stock is reserved by conditional UPDATEs inside the same
 * transaction that writes the order, so concurrent checkouts can never sell more than the stock and
 * a crash leaves either the whole order or nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { cartItems, communes, orderLines, orderParts, orders, productVariants, type DeliveryMethod, type Order, type PaymentMethod } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";
import { newPaymentMemo } from "~/standards/vietqr";
import { randomCode } from "~/standards/random-code";
import { findMarket } from "~/data/markets";
import { findCartId, readCart, type CartIdentity, type CartView } from "~/models/cart.server";
import { deliveryFeeFor, type DeliveryPlace } from "~/models/delivery-fee.server";
import { MEMO_PREFIX } from "~/models/payments/types";
import { addOrderEvent } from "./events.server";
import { notifyProducerPlaced, notifyShopper } from "./notify.server";

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

/** "CS" + 8 symbols of the code alphabet. */
function newOrderCode() {
  return `CS${randomCode(8)}`;
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
          paymentMemo: input.paymentMethod === "bank" ? newPaymentMemo(MEMO_PREFIX.order) : null,
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
        notifyProducerPlaced(tx, order, { id: part.id, producerId: g.producerId, subtotalVnd: g.subtotalVnd });
      }
      addOrderEvent(tx, { orderId: order.id, kind: "placed", details: { paymentMethod: order.paymentMethod, totalVnd: order.totalVnd } });
      notifyShopper(tx, order, "placed", { totalVnd: order.totalVnd, paymentMethod: order.paymentMethod });
      tx.delete(cartItems).where(eq(cartItems.cartId, cartId)).run();
      return { order, created: true };
    },
    // IMMEDIATE: take the write lock at BEGIN, so a second connection waits (busy_timeout) instead of
    // failing when it tries to upgrade a read snapshot that another writer has moved past.
    { behavior: "immediate" },
  );
}
