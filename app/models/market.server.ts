/**
 * Chợ 4.0: markets, stalls and the trader's till. A till charge is one sale: VietQR (dynamic
 * payload, exact amount, memo CSTxxxxxx matched by the bank-transfer pipeline), card (Stripe
 * Checkout) or cash. Every write touching money is one transaction; every trader query is scoped
 * to the trader's own stall inside the SQL.
 */
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import {
  CARD_CHARGE_TTL_MS,
  auditLog,
  bankNotifications,
  communes,
  markets,
  productVariants,
  producers,
  products,
  stalls,
  tillCharges,
  users,
  type Stall,
  type TillCharge,
  type TillItem,
  type TillMethod,
  type TillStatus,
  type User,
} from "#db/schema";
import { db, type Tx } from "~/utils/db.server";
import { buildVietQr, newPaymentMemo } from "~/utils/vietqr";
import { findBank } from "~/data/banks";
import { RECONCILIATION_STATUSES, rematchWaitingTransfers, resolveNotification } from "./bank-transfer.server";
import { TILL_TARGET } from "./till-matcher.server";

export { TILL_TARGET };

/** An unpaid charge stops being payable after this long (the shopper is long gone by then). */
export const CHARGE_TTL_MS = 15 * 60 * 1000;
const VN_OFFSET_MS = 7 * 3600 * 1000; // Asia/Ho_Chi_Minh has no daylight saving

// ── Markets and stalls ─────────────────────────────────────────────────────────────────────────

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
    tx.insert(auditLog)
      .values({
        actorUserId: actor.id,
        action: `stall.${decision === "approved" ? "approve" : "reject"}`,
        subjectType: "stall",
        subjectId: String(row.id),
        details: { slug: row.slug },
      })
      .run();
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

// ── Till charges ───────────────────────────────────────────────────────────────────────────────

/** Expiry is computed on read: a pending charge past its time is "expired" everywhere. */
export function effectiveStatus(charge: Pick<TillCharge, "status" | "expiresAt">, now = new Date()): TillStatus {
  if (charge.status === "pending" && charge.expiresAt && charge.expiresAt.getTime() <= now.getTime()) return "expired";
  return charge.status;
}

export type NewCharge = {
  stallId: number;
  amount: number;
  method: TillMethod;
  idempotencyKey: string;
  items?: TillItem[] | null;
};

/**
 * Creates a charge once per (stall, idempotency key): a retried POST returns the first charge.
 * Cash is paid on the spot. A VietQR charge gets a fresh memo and picks up a bank notification
 * that arrived before it was saved.
 */
export function createTillCharge(
  input: NewCharge,
  now = new Date(),
  nextMemo: () => string = () => newPaymentMemo("CST"),
): { charge: TillCharge; created: boolean } {
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(tillCharges)
      .where(and(eq(tillCharges.stallId, input.stallId), eq(tillCharges.idempotencyKey, input.idempotencyKey)))
      .get();
    if (existing) return { charge: existing, created: false };
    let memo: string | null = null;
    if (input.method === "vietqr") {
      do memo = nextMemo();
      while (tx.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.memo, memo)).get());
    }
    const cash = input.method === "cash";
    let charge = tx
      .insert(tillCharges)
      .values({
        stallId: input.stallId,
        amount: input.amount,
        method: input.method,
        memo,
        status: cash ? "paid" : "pending",
        idempotencyKey: input.idempotencyKey,
        items: input.items?.length ? input.items : null,
        createdAt: now,
        paidAt: cash ? now : null,
        expiresAt: cash ? null : new Date(now.getTime() + (input.method === "card" ? CARD_CHARGE_TTL_MS : CHARGE_TTL_MS)),
      })
      .returning()
      .get();
    if (memo && rematchWaitingTransfers(tx, memo).length) {
      charge = tx.select().from(tillCharges).where(eq(tillCharges.id, charge.id)).get()!;
    }
    return { charge, created: true };
  });
}

/** Owner-scoped: a trader only ever reads their own stall's charges. */
export function getStallCharge(stallId: number, chargeId: number) {
  return (
    db
      .select()
      .from(tillCharges)
      .where(and(eq(tillCharges.id, chargeId), eq(tillCharges.stallId, stallId)))
      .get() ?? null
  );
}

export function cancelTillCharge(stallId: number, chargeId: number, now = new Date()) {
  return db.transaction((tx) => {
    const row = tx
      .update(tillCharges)
      .set({ status: "cancelled", cancelledAt: now })
      .where(
        and(
          eq(tillCharges.id, chargeId),
          eq(tillCharges.stallId, stallId),
          eq(tillCharges.status, "pending"),
          or(sql`${tillCharges.expiresAt} is null`, sql`${tillCharges.expiresAt} > ${now.getTime()}`),
        ),
      )
      .returning()
      .get();
    return row ?? null;
  });
}

/** The dynamic VietQR of a charge: exact amount, the charge's memo, 01 = 12. */
export function chargePayload(stall: Pick<Stall, "bankBin" | "accountNumber">, charge: Pick<TillCharge, "amount" | "memo">) {
  return buildVietQr({ bin: stall.bankBin, account: stall.accountNumber, amount: charge.amount, memo: charge.memo ?? undefined });
}

/**
 * The trader's "to check" list: notifications needing a person that concern this stall — tied
 * to one of its charges, or carrying one of its memos, or paid into its account with an
 * unknown memo.
 */
export function stallToCheck(stall: Pick<Stall, "id" | "accountNumber">) {
  const chargeIds = db.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.stallId, stall.id));
  const memos = db
    .select({ memo: tillCharges.memo })
    .from(tillCharges)
    .where(and(eq(tillCharges.stallId, stall.id), sql`${tillCharges.memo} is not null`));
  return db
    .select()
    .from(bankNotifications)
    .where(
      and(
        inArray(bankNotifications.status, RECONCILIATION_STATUSES),
        or(
          and(eq(bankNotifications.targetType, TILL_TARGET), inArray(bankNotifications.targetId, chargeIds)),
          inArray(bankNotifications.memo, memos),
          and(eq(bankNotifications.status, "unmatched"), eq(bankNotifications.accountNumber, stall.accountNumber)),
        ),
      ),
    )
    .orderBy(desc(bankNotifications.receivedAt))
    .limit(100)
    .all();
}

/** The trader closes one of their own "to check" items (refunded the shopper, or took it as a tip). */
export function resolveStallNotification(stall: Pick<Stall, "id" | "accountNumber">, traderUserId: number, notificationId: number, note: string) {
  if (!stallToCheck(stall).some((n) => n.id === notificationId)) return null;
  return resolveNotification(notificationId, traderUserId, note);
}

// ── Ledger ─────────────────────────────────────────────────────────────────────────────────────

/** [start, end) in UTC of the Asia/Ho_Chi_Minh calendar day "YYYY-MM-DD". */
export function localDayRange(isoDate: string) {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1, d) - VN_OFFSET_MS);
  return { start, end: new Date(start.getTime() + 24 * 3600 * 1000) };
}

export function localDate(value: Date) {
  return new Date(value.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export type MethodTotals = Record<TillMethod, number> & { total: number; count: number };

function emptyTotals(): MethodTotals {
  return { vietqr: 0, card: 0, cash: 0, total: 0, count: 0 };
}

/** Takings (paid charges) by method between two instants, for one stall. */
export function stallTakings(stallId: number, start: Date, end: Date): MethodTotals {
  const rows = db
    .select({ method: tillCharges.method, sum: sql<number>`sum(${tillCharges.amount})`, n: sql<number>`count(*)` })
    .from(tillCharges)
    .where(and(eq(tillCharges.stallId, stallId), eq(tillCharges.status, "paid"), gte(tillCharges.paidAt, start), lt(tillCharges.paidAt, end)))
    .groupBy(tillCharges.method)
    .all();
  const totals = emptyTotals();
  for (const r of rows) {
    totals[r.method] = Number(r.sum);
    totals.total += Number(r.sum);
    totals.count += Number(r.n);
  }
  return totals;
}

/** Charges created on a local day (all statuses, expiry computed), newest first. */
export function stallChargesOfDay(stallId: number, isoDate: string, now = new Date()) {
  const { start, end } = localDayRange(isoDate);
  return db
    .select()
    .from(tillCharges)
    .where(and(eq(tillCharges.stallId, stallId), gte(tillCharges.createdAt, start), lt(tillCharges.createdAt, end)))
    .orderBy(desc(tillCharges.createdAt))
    .all()
    .map((c) => ({ ...c, status: effectiveStatus(c, now) }));
}

/** Charges between two instants for CSV export. */
export function stallChargesBetween(stallId: number, start: Date, end: Date, now = new Date()) {
  return db
    .select()
    .from(tillCharges)
    .where(and(eq(tillCharges.stallId, stallId), gte(tillCharges.createdAt, start), lt(tillCharges.createdAt, end)))
    .orderBy(tillCharges.createdAt)
    .all()
    .map((c) => ({ ...c, status: effectiveStatus(c, now) }));
}

export type DayTotal = { date: string } & MethodTotals;

/** Paid takings per local day for the last `days` days (today included), oldest first. */
export function dailyTotals(scope: { stallId?: number; marketId?: number }, days = 30, now = new Date()): DayTotal[] {
  const today = localDate(now);
  const { end } = localDayRange(today);
  const start = new Date(end.getTime() - days * 24 * 3600 * 1000);
  const localDay = sql<string>`date((${tillCharges.paidAt} + ${VN_OFFSET_MS}) / 1000, 'unixepoch')`;
  const conditions = [eq(tillCharges.status, "paid"), gte(tillCharges.paidAt, start), lt(tillCharges.paidAt, end)];
  if (scope.stallId !== undefined) conditions.push(eq(tillCharges.stallId, scope.stallId));
  if (scope.marketId !== undefined) {
    conditions.push(inArray(tillCharges.stallId, db.select({ id: stalls.id }).from(stalls).where(eq(stalls.marketId, scope.marketId))));
  }
  const rows = db
    .select({ day: localDay, method: tillCharges.method, sum: sql<number>`sum(${tillCharges.amount})`, n: sql<number>`count(*)` })
    .from(tillCharges)
    .where(and(...conditions))
    .groupBy(localDay, tillCharges.method)
    .all();
  const byDay = new Map<string, DayTotal>();
  for (let i = days - 1; i >= 0; i--) {
    const date = localDate(new Date(end.getTime() - (i + 1) * 24 * 3600 * 1000));
    byDay.set(date, { date, ...emptyTotals() });
  }
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (!d) continue;
    d[r.method] += Number(r.sum);
    d.total += Number(r.sum);
    d.count += Number(r.n);
  }
  return [...byDay.values()];
}

const CSV_HEADER = ["id", "created_at_utc", "paid_at_utc", "method", "status", "amount_vnd", "memo", "items"];

function csvCell(value: string | number | null | undefined) {
  const s = value === null || value === undefined ? "" : String(value);
  // Quote everything textual; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM so Excel shows Vietnamese; amounts as plain integers. */
export function chargesCsv(rows: (TillCharge & { status: TillStatus })[]) {
  const lines = [CSV_HEADER.join(",")];
  for (const c of rows) {
    lines.push(
      [
        c.id,
        c.createdAt.toISOString(),
        c.paidAt ? c.paidAt.toISOString() : "",
        c.method,
        c.status,
        c.amount,
        c.memo ?? "",
        (c.items ?? []).map((i) => `${i.quantity} x ${i.label}`).join("; "),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

// ── Market overview (admin / market manager) ───────────────────────────────────────────────────

export function marketsVisibleTo(user: User) {
  const q = db.select({ market: markets, communeName: communes.name }).from(markets).innerJoin(communes, eq(communes.code, markets.communeCode));
  return (user.role === "admin" ? q : q.where(eq(markets.managerUserId, user.id))).orderBy(markets.name).all();
}

export function canViewMarket(user: User, marketId: number) {
  if (user.role === "admin") return true;
  return !!db
    .select({ id: markets.id })
    .from(markets)
    .where(and(eq(markets.id, marketId), eq(markets.managerUserId, user.id)))
    .get();
}

/** Per market: stalls, takings by method over `days`, cashless share, quiet stalls. */
export function marketOverview(marketId: number, days = 30, now = new Date()) {
  const stallRows = db.select().from(stalls).where(eq(stalls.marketId, marketId)).orderBy(stalls.stallNumber).all();
  const approved = stallRows.filter((s) => s.status === "approved");
  const series = dailyTotals({ marketId }, days, now);
  const totals = series.reduce((acc, d) => {
    acc.vietqr += d.vietqr;
    acc.card += d.card;
    acc.cash += d.cash;
    acc.total += d.total;
    acc.count += d.count;
    return acc;
  }, emptyTotals());
  const cashlessShare = totals.total ? (totals.vietqr + totals.card) / totals.total : 0;
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const active = new Set(
    db
      .select({ stallId: tillCharges.stallId })
      .from(tillCharges)
      .where(and(eq(tillCharges.status, "paid"), inArray(tillCharges.method, ["vietqr", "card"]), gte(tillCharges.paidAt, weekAgo)))
      .groupBy(tillCharges.stallId)
      .all()
      .map((r) => r.stallId),
  );
  const quiet = approved.filter((s) => !active.has(s.id));
  return {
    stallCount: approved.length,
    pendingCount: stallRows.filter((s) => s.status === "pending").length,
    stalls: stallRows,
    series,
    totals,
    cashlessShare,
    quiet,
  };
}
