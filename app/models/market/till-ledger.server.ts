/**
 * The till's ledger: takings by method of a local day (Asia/Ho_Chi_Minh), the day's charges, a
 * 30-day series, and the CSV export. Only paid charges count as takings.
 */
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { stalls, tillCharges, type TillCharge, type TillMethod, type TillStatus } from "#db/schema";
import { db } from "~/utils/db.server";
import { effectiveStatus } from "./till.server";

const VN_OFFSET_MS = 7 * 3600 * 1000; // Asia/Ho_Chi_Minh has no daylight saving

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

export function emptyTotals(): MethodTotals {
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
