/** The market overview for admin or a market's manager: stalls, takings by method, cashless share, quiet stalls. */
import { and, eq, gte, inArray } from "drizzle-orm";
import { communes, markets, stalls, tillCharges, type User } from "#db/schema";
import { db } from "~/utils/db.server";
import { dailyTotals, emptyTotals } from "./till-ledger.server";

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
