import { and, eq, isNull, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { cartItems, carts, orders, productVariants, products, producers } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";

/**
 * The cart (docs/decisions/030-cart-and-checkout.md). A cart belongs to a signed-in user or to a
 * guest cookie id. It stores variant and quantity only: price, stock and availability are read fresh
 * from the catalogue every time the cart is shown, changed or checked out.
 */
export type CartIdentity = { userId: number | null; guestId: string | null };

export const MAX_LINE_QUANTITY = 99;

export type CartProblem = "unavailable" | "insufficient_stock";

export type CartLine = {
  variantId: number;
  quantity: number;
  label: string;
  priceVnd: number;
  stock: number;
  productId: number;
  productName: string;
  productNameEn: string | null;
  productSlug: string;
  producerId: number;
  producerName: string;
  producerSlug: string;
  lineTotalVnd: number;
  problem: CartProblem | null;
};

export type CartGroup = { producerId: number; producerName: string; producerSlug: string; lines: CartLine[]; subtotalVnd: number };

export type CartView = { cartId: string | null; groups: CartGroup[]; count: number; subtotalVnd: number; hasProblems: boolean };

type Handle = DB | Tx;

export function findCartId(handle: Handle, identity: CartIdentity): string | null {
  if (identity.userId) {
    return handle.select({ id: carts.id }).from(carts).where(eq(carts.userId, identity.userId)).get()?.id ?? null;
  }
  if (identity.guestId) {
    return (
      handle
        .select({ id: carts.id })
        .from(carts)
        .where(and(eq(carts.id, identity.guestId), isNull(carts.userId)))
        .get()?.id ?? null
    );
  }
  return null;
}

/** Lines of a cart with fresh catalogue data, grouped by producer. */
export function readCart(handle: Handle, cartId: string | null): CartView {
  if (!cartId) return { cartId: null, groups: [], count: 0, subtotalVnd: 0, hasProblems: false };
  const rows = handle
    .select({
      variantId: cartItems.variantId,
      quantity: cartItems.quantity,
      label: productVariants.label,
      priceVnd: productVariants.priceVnd,
      stock: productVariants.stock,
      active: productVariants.active,
      productId: products.id,
      productName: products.name,
      productNameEn: products.nameEn,
      productSlug: products.slug,
      productStatus: products.status,
      moderationHiddenReason: products.moderationHiddenReason,
      producerId: producers.id,
      producerName: producers.name,
      producerSlug: producers.slug,
      producerStatus: producers.status,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(producers.name, products.name, productVariants.sort)
    .all();
  const groups = new Map<number, CartGroup>();
  let subtotal = 0;
  let count = 0;
  let hasProblems = false;
  for (const r of rows) {
    const available = r.active && r.productStatus === "published" && !r.moderationHiddenReason && r.producerStatus === "verified";
    const problem: CartProblem | null = !available ? "unavailable" : r.quantity > r.stock ? "insufficient_stock" : null;
    if (problem) hasProblems = true;
    const line: CartLine = {
      variantId: r.variantId,
      quantity: r.quantity,
      label: r.label,
      priceVnd: r.priceVnd,
      stock: r.stock,
      productId: r.productId,
      productName: r.productName,
      productNameEn: r.productNameEn,
      productSlug: r.productSlug,
      producerId: r.producerId,
      producerName: r.producerName,
      producerSlug: r.producerSlug,
      lineTotalVnd: r.priceVnd * r.quantity,
      problem,
    };
    let group = groups.get(r.producerId);
    if (!group) {
      group = { producerId: r.producerId, producerName: r.producerName, producerSlug: r.producerSlug, lines: [], subtotalVnd: 0 };
      groups.set(r.producerId, group);
    }
    group.lines.push(line);
    group.subtotalVnd += line.lineTotalVnd;
    subtotal += line.lineTotalVnd;
    count += r.quantity;
  }
  return { cartId, groups: [...groups.values()], count, subtotalVnd: subtotal, hasProblems };
}

export function getCart(identity: CartIdentity): CartView {
  return readCart(appDb, findCartId(appDb, identity));
}

export function cartCount(identity: CartIdentity): number {
  const cartId = findCartId(appDb, identity);
  if (!cartId) return 0;
  const row = appDb
    .select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)` })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
    .get();
  return Number(row?.n ?? 0);
}

export type CartChangeResult =
  | { ok: true; cartId: string; quantity: number }
  | { ok: false; error: "cart.unknownVariant" | "cart.unavailable" | "cart.notEnoughStock" | "cart.tooMany"; available?: number };

function purchasableVariant(handle: Handle, variantId: number) {
  return handle
    .select({
      id: productVariants.id,
      stock: productVariants.stock,
      active: productVariants.active,
      status: products.status,
      hidden: products.moderationHiddenReason,
      producerStatus: producers.status,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(productVariants.id, variantId))
    .get();
}

/**
 * Sets (mode "set") or adds to (mode "add") a line's quantity. Quantity 0 with "set" removes it.
 * Creates the cart when needed; for a guest, `newGuestId` is the id to use (the caller sets the cookie).
 */
export function changeCartLine(
  identity: CartIdentity,
  input: { variantId: number; quantity: number; mode: "add" | "set" },
  newGuestId: () => string,
): CartChangeResult {
  return appDb.transaction(
    (tx) => {
      const variant = purchasableVariant(tx, input.variantId);
      let cartId = findCartId(tx, identity);
      if (input.mode === "set" && input.quantity === 0) {
        if (cartId)
          tx.delete(cartItems)
            .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)))
            .run();
        return { ok: true as const, cartId: cartId ?? "", quantity: 0 };
      }
      if (!variant) return { ok: false as const, error: "cart.unknownVariant" as const };
      if (!variant.active || variant.status !== "published" || variant.hidden || variant.producerStatus !== "verified") {
        return { ok: false as const, error: "cart.unavailable" as const };
      }
      const existing = cartId
        ? (tx
            .select({ quantity: cartItems.quantity })
            .from(cartItems)
            .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)))
            .get()?.quantity ?? 0)
        : 0;
      const quantity = input.mode === "add" ? existing + input.quantity : input.quantity;
      if (quantity > MAX_LINE_QUANTITY) return { ok: false as const, error: "cart.tooMany" as const, available: MAX_LINE_QUANTITY };
      if (quantity > variant.stock) return { ok: false as const, error: "cart.notEnoughStock" as const, available: variant.stock };
      if (!cartId) {
        cartId = identity.userId ? newGuestId() : (identity.guestId ?? newGuestId());
        tx.insert(carts).values({ id: cartId, userId: identity.userId }).run();
      }
      tx.insert(cartItems)
        .values({ cartId, variantId: input.variantId, quantity })
        .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity } })
        .run();
      tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId)).run();
      return { ok: true as const, cartId, quantity };
    },
    { behavior: "immediate" },
  );
}

/**
 * At sign-in: the guest's lines join the account's cart (quantities added, capped by stock and the
 * line maximum), the guest cart goes, and orders the guest placed from this browser join the account.
 */
export function mergeGuestCart(handle: DB, guestId: string, userId: number) {
  handle.transaction(
    (tx) => {
      const guestCart = tx
        .select()
        .from(carts)
        .where(and(eq(carts.id, guestId), isNull(carts.userId)))
        .get();
      tx.update(orders)
        .set({ userId })
        .where(and(eq(orders.guestId, guestId), isNull(orders.userId)))
        .run();
      if (!guestCart) return;
      const guestLines = tx.select().from(cartItems).where(eq(cartItems.cartId, guestId)).all();
      let userCartId = tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).get()?.id;
      if (!userCartId) {
        // The guest cart simply becomes the user's.
        tx.update(carts).set({ userId }).where(eq(carts.id, guestId)).run();
        return;
      }
      for (const line of guestLines) {
        const stock = tx.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, line.variantId)).get()?.stock ?? 0;
        const current =
          tx
            .select({ quantity: cartItems.quantity })
            .from(cartItems)
            .where(and(eq(cartItems.cartId, userCartId), eq(cartItems.variantId, line.variantId)))
            .get()?.quantity ?? 0;
        const quantity = Math.max(1, Math.min(current + line.quantity, MAX_LINE_QUANTITY, Math.max(stock, current, 1)));
        tx.insert(cartItems)
          .values({ cartId: userCartId, variantId: line.variantId, quantity })
          .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity } })
          .run();
      }
      tx.delete(carts).where(eq(carts.id, guestId)).run();
      userCartId = undefined;
    },
    { behavior: "immediate" },
  );
}
