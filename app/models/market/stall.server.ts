/**
 * Chợ 4.0 markets and their stalls: a trader applies for a stall (pending until the admin or the
 * market's manager approves), the public stall page and its static VietQR, and the products of the
 * producer linked to the stall (offered as till items).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { markets, productVariants, producers, products, stalls, users, type Stall, type User } from "#db/schema";
import { db } from "~/utils/db.server";
import { buildVietQr } from "~/standards/vietqr";
import { findBank } from "~/data/banks";
import { recordAudit } from "~/models/audit.server";

export function listMarkets() {
  return db.select().from(markets).orderBy(markets.name).all();
}

export function getMarketBySlug(slug: string) {
  return db.select().from(markets).where(eq(markets.slug, slug)).get() ?? null;
}

/** The trader's stall: the approved one first, else their latest application. */
export function getTraderStall(userId: number) {
  return (
    db
      .select({ stall: stalls, market: markets })
      .from(stalls)
      .innerJoin(markets, eq(markets.id, stalls.marketId))
      .where(eq(stalls.traderUserId, userId))
      .orderBy(sql`case ${stalls.status} when 'approved' then 0 when 'pending' then 1 else 2 end`, desc(stalls.id))
      .get() ?? null
  );
}

export function getApprovedTraderStall(userId: number) {
  const found = getTraderStall(userId);
  return found && found.stall.status === "approved" ? found : null;
}

export function getPublicStall(slug: string) {
  return (
    db
      .select({ stall: stalls, market: markets })
      .from(stalls)
      .innerJoin(markets, eq(markets.id, stalls.marketId))
      .where(and(eq(stalls.slug, slug), eq(stalls.status, "approved")))
      .get() ?? null
  );
}

export class MarketError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
  }
}

export type StallApplication = {
  marketId: number;
  stallNumber: string;
  name: string;
  goods: string;
  bankBin: string;
  accountNumber: string;
  accountHolder: string;
  producerId?: number | null;
};

export function stallSlug(marketSlug: string, stallNumber: string) {
  const short = marketSlug.replace(/^cho-/, "").split("-").slice(0, 2).join("-");
  return `cho-${short}-${stallNumber.toLowerCase().replace(/[^a-z0-9]+/g, "")}`;
}

/** A trader applies for a stall; it waits for the admin or the market's manager. */
export function registerStall(traderUserId: number, input: StallApplication): Stall {
  if (!findBank(input.bankBin)) throw new MarketError("market:validation.bankUnknown", "bankBin");
  return db.transaction((tx) => {
    const market = tx.select().from(markets).where(eq(markets.id, input.marketId)).get();
    if (!market) throw new MarketError("market:validation.marketUnknown", "marketId");
    const taken = tx
      .select({ id: stalls.id })
      .from(stalls)
      .where(and(eq(stalls.marketId, market.id), eq(stalls.stallNumber, input.stallNumber)))
      .get();
    if (taken) throw new MarketError("market:validation.stallNumberTaken", "stallNumber");
    let slug = stallSlug(market.slug, input.stallNumber);
    if (tx.select({ id: stalls.id }).from(stalls).where(eq(stalls.slug, slug)).get()) slug = `${slug}-${market.id}`;
    return tx
      .insert(stalls)
      .values({ ...input, producerId: input.producerId ?? null, slug, traderUserId, status: "pending" })
      .returning()
      .get();
  });
}

/** Admin, or the manager of the stall's market, may review. */
export function canReviewStall(user: User, stallId: number) {
  if (user.role === "admin") return true;
  const row = db
    .select({ id: stalls.id })
    .from(stalls)
    .innerJoin(markets, eq(markets.id, stalls.marketId))
    .where(and(eq(stalls.id, stallId), eq(markets.managerUserId, user.id)))
    .get();
  return !!row;
}

export function reviewStall(actor: User, stallId: number, decision: "approved" | "rejected") {
  if (!canReviewStall(actor, stallId)) throw new Response("Forbidden", { status: 403 });
  return db.transaction((tx) => {
    const row = tx
      .update(stalls)
      .set({ status: decision, reviewedByUserId: actor.id, reviewedAt: new Date() })
      .where(and(eq(stalls.id, stallId), eq(stalls.status, "pending")))
      .returning()
      .get();
    if (!row) return null;
    recordAudit(tx, {
      actorUserId: actor.id,
      action: `stall.${decision === "approved" ? "approve" : "reject"}`,
      subjectType: "stall",
      subjectId: row.id,
      details: { slug: row.slug },
    });
    return row;
  });
}

/** Stalls waiting for review that this user may decide on. */
export function listPendingStalls(user: User) {
  const base = db
    .select({ stall: stalls, market: markets, trader: { name: users.name, email: users.email }, producerName: producers.name })
    .from(stalls)
    .innerJoin(markets, eq(markets.id, stalls.marketId))
    .innerJoin(users, eq(users.id, stalls.traderUserId))
    .leftJoin(producers, eq(producers.id, stalls.producerId));
  const pending = eq(stalls.status, "pending");
  return (user.role === "admin" ? base.where(pending) : base.where(and(pending, eq(markets.managerUserId, user.id)))).orderBy(stalls.createdAt).all();
}

/** The stall's printed QR: static VietQR (01 = 11), no amount. */
export function stallStaticPayload(stall: Pick<Stall, "bankBin" | "accountNumber">) {
  return buildVietQr({ bin: stall.bankBin, account: stall.accountNumber });
}

/** Products (and their variants) of the producer linked to the stall, to pick as till items. */
export function stallProducts(stall: Pick<Stall, "producerId">) {
  if (!stall.producerId) return [];
  return db
    .select({
      variantId: productVariants.id,
      productId: products.id,
      productName: products.name,
      productSlug: products.slug,
      label: productVariants.label,
      priceVnd: productVariants.priceVnd,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(products.producerId, stall.producerId), eq(products.status, "published"), eq(productVariants.active, true)))
    .orderBy(products.name, productVariants.sort)
    .limit(40)
    .all();
}
