import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { seed } from "#db/seed";
import { seedMarket } from "#db/seed/market";
import { communes, markets, stalls, tillCharges, users } from "#db/schema";
import { decodeVietQr } from "~/standards/vietqr";
import { findBank } from "~/data/banks";
import { stallStaticPayload } from "~/models/market/stall.server";
import { marketOverview } from "~/models/market/overview.server";
import { getTestDb } from "../setup/vitest";

describe("market demo data", () => {
  it("seeds real markets on real communes, the demo stall cho-thai-a12, past charges; idempotent", async () => {
    const db = getTestDb();
    await seed(db);
    const snapshot = () => ({
      markets: db.select({ n: count() }).from(markets).get()!.n,
      stalls: db.select({ n: count() }).from(stalls).get()!.n,
      charges: db.select({ n: count() }).from(tillCharges).get()!.n,
    });
    const first = snapshot();
    expect(first.markets).toBeGreaterThanOrEqual(5);
    expect(first.charges).toBeGreaterThan(100);
    for (const m of db.select().from(markets).all()) {
      const commune = db.select().from(communes).where(eq(communes.code, m.communeCode)).get();
      expect(commune, m.name).toBeDefined();
      expect(m.area).toBe(commune!.area);
    }
    const choThai = db.select().from(markets).where(eq(markets.slug, "cho-thai")).get()!;
    expect(choThai.communeCode).toBe("05443"); // Phường Phan Đình Phùng
    const a12 = db.select().from(stalls).where(eq(stalls.slug, "cho-thai-a12")).get()!;
    const trader = db.select().from(users).where(eq(users.email, "trader@choso.test")).get()!;
    expect(a12).toMatchObject({ marketId: choThai.id, traderUserId: trader.id, status: "approved", stallNumber: "A12" });
    expect(findBank(a12.bankBin)).toBeDefined();
    expect(a12.accountHolder).toMatch(/^[A-Z ]+$/);
    expect(decodeVietQr(stallStaticPayload(a12)).crcValid).toBe(true);
    expect(a12.producerId).not.toBeNull();
    // The overview has something to show, including a quiet stall.
    const overview = marketOverview(choThai.id);
    expect(overview.totals.total).toBeGreaterThan(0);
    expect(overview.cashlessShare).toBeGreaterThan(0);
    expect(overview.quiet.map((s) => s.slug)).toContain("cho-thai-c03");
    // Seeded charges respect the constraints: VietQR ones carry unique memos.
    const vietqr = db.select().from(tillCharges).where(eq(tillCharges.method, "vietqr")).all();
    expect(vietqr.length).toBeGreaterThan(0);
    expect(new Set(vietqr.map((c) => c.memo)).size).toBe(vietqr.length);

    await seedMarket(db);
    expect(snapshot()).toEqual(first);
  }, 120_000);
});
