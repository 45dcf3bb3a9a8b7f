/**
 * Chợ 4.0 demo data: real markets of Thái Nguyên (communes from db/data/communes.json), the demo
 * trader's stall `cho-thai-a12` at Chợ Thái, a few more stalls, and 30 days of past till charges so
 * the ledger and the market overview have something to show. Idempotent (natural keys; charges
 * only added to a stall that has none).
 */
import { eq } from "drizzle-orm";
import type { DB } from "../client";
import { communes, markets, producers, stalls, tillCharges, users, type TillMethod } from "../schema";
import { buildUser } from "../builders";
import { newPaymentMemo } from "../../app/standards/vietqr";
import { DEMO_PASSWORD, DEMO_USERS } from "./data";

export const MARKETS = [
  {
    slug: "cho-thai",
    name: "Chợ Thái (Chợ Trung tâm TP Thái Nguyên)",
    communeCode: "05443",
    address: "Đường Hoàng Văn Thụ, Phường Phan Đình Phùng",
    openingHours: "05:00–19:00",
  },
  { slug: "cho-tuc-duyen", name: "Chợ Túc Duyên", communeCode: "05443", address: "Đường Túc Duyên, Phường Phan Đình Phùng", openingHours: "05:00–18:00" },
  { slug: "cho-dong-quang", name: "Chợ Đồng Quang", communeCode: "05443", address: "Đường Đồng Quang, Phường Phan Đình Phùng", openingHours: "05:00–18:00" },
  { slug: "cho-dai-tu", name: "Chợ Đại Từ", communeCode: "05830", address: "Tổ dân phố Sơn Tập, Xã Đại Từ", openingHours: "05:30–17:30" },
  { slug: "cho-bac-kan", name: "Chợ Bắc Kạn", communeCode: "01840", address: "Đường Trường Chinh, Phường Đức Xuân", openingHours: "05:30–18:00" },
] as const;

type StallSeed = {
  slug: string;
  market: (typeof MARKETS)[number]["slug"];
  stallNumber: string;
  name: string;
  goods: string;
  bankBin: string;
  accountNumber: string;
  accountHolder: string;
  trader: { name: string; email: string };
  producerSlug?: string;
  status: "approved" | "pending";
  /** Share of sales by method, and whether the stall stopped taking cashless payment lately. */
  mix: [number, number, number];
  quietLastWeek?: boolean;
};

export const STALLS: StallSeed[] = [
  {
    slug: "cho-thai-a12",
    market: "cho-thai",
    stallNumber: "A12",
    name: "Chè Tân Cương cô Tám",
    goods: "Chè Tân Cương, chè móc câu, trà ướp hoa nhài",
    bankBin: "970415",
    accountNumber: "101875432619",
    accountHolder: "LE THI TAM",
    trader: { name: DEMO_USERS.trader.name, email: DEMO_USERS.trader.email },
    producerSlug: "htx-che-tan-cuong",
    status: "approved",
    mix: [0.55, 0.1, 0.35],
  },
  {
    slug: "cho-thai-b07",
    market: "cho-thai",
    stallNumber: "B07",
    name: "Rau sạch chị Hoa",
    goods: "Rau cải, su hào, bắp cải, hành lá",
    bankBin: "970405",
    accountNumber: "8801205317746",
    accountHolder: "NGUYEN THI HOA",
    trader: { name: "Chị Nguyễn Thị Hoa", email: "hoa.rau@choso.test" },
    status: "approved",
    mix: [0.35, 0, 0.65],
  },
  {
    slug: "cho-thai-c03",
    market: "cho-thai",
    stallNumber: "C03",
    name: "Thịt lợn sạch anh Dũng",
    goods: "Thịt lợn, xương, giò chả",
    bankBin: "970422",
    accountNumber: "0968123456",
    accountHolder: "TRAN VAN DUNG",
    trader: { name: "Anh Trần Văn Dũng", email: "dung.thit@choso.test" },
    status: "approved",
    mix: [0.3, 0, 0.7],
    quietLastWeek: true,
  },
  {
    slug: "cho-tuc-duyen-d05",
    market: "cho-tuc-duyen",
    stallNumber: "D05",
    name: "Hoa quả bà Lan",
    goods: "Bưởi, na, cam, ổi",
    bankBin: "970436",
    accountNumber: "1023456789",
    accountHolder: "PHAM THI LAN",
    trader: { name: "Bà Phạm Thị Lan", email: "lan.hoaqua@choso.test" },
    status: "approved",
    mix: [0.45, 0.05, 0.5],
  },
  {
    slug: "cho-dai-tu-k02",
    market: "cho-dai-tu",
    stallNumber: "K02",
    name: "Chè La Bằng anh Quý",
    goods: "Chè La Bằng, chè búp",
    bankBin: "970418",
    accountNumber: "21510002345678",
    accountHolder: "HOANG VAN QUY",
    trader: { name: "Anh Hoàng Văn Quý", email: "quy.che@choso.test" },
    producerSlug: "htx-che-la-bang",
    status: "approved",
    mix: [0.6, 0.05, 0.35],
  },
  {
    slug: "cho-bac-kan-m09",
    market: "cho-bac-kan",
    stallNumber: "M09",
    name: "Miến dong Na Rì chị Mây",
    goods: "Miến dong, măng khô, mật ong",
    bankBin: "970407",
    accountNumber: "19036688552",
    accountHolder: "LUONG THI MAY",
    trader: { name: "Chị Lương Thị Mây", email: "may.mien@choso.test" },
    status: "pending",
    mix: [0, 0, 0],
  },
];

/** Small deterministic generator (mulberry32) so the demo ledger is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRICES = [15000, 20000, 25000, 30000, 35000, 45000, 50000, 60000, 80000, 120000, 150000, 250000];

export async function seedMarket(db: DB, now = new Date()) {
  const admin = db.select().from(users).where(eq(users.email, DEMO_USERS.admin.email)).get();
  for (const m of MARKETS) {
    if (db.select({ id: markets.id }).from(markets).where(eq(markets.slug, m.slug)).get()) continue;
    const commune = db.select().from(communes).where(eq(communes.code, m.communeCode)).get();
    if (!commune) throw new Error(`Unknown commune ${m.communeCode}`);
    db.insert(markets)
      .values({ ...m, area: commune.area, managerUserId: null })
      .run();
  }
  let stallCount = 0;
  let chargeCount = 0;
  for (const [index, s] of STALLS.entries()) {
    const trader = await buildUser(db, { ...s.trader, password: DEMO_PASSWORD, role: "trader" });
    const market = db.select().from(markets).where(eq(markets.slug, s.market)).get()!;
    let stall = db.select().from(stalls).where(eq(stalls.slug, s.slug)).get();
    if (!stall) {
      const producer = s.producerSlug ? db.select().from(producers).where(eq(producers.slug, s.producerSlug)).get() : undefined;
      stall = db
        .insert(stalls)
        .values({
          marketId: market.id,
          slug: s.slug,
          stallNumber: s.stallNumber,
          name: s.name,
          goods: s.goods,
          bankBin: s.bankBin,
          accountNumber: s.accountNumber,
          accountHolder: s.accountHolder,
          traderUserId: trader.id,
          producerId: producer?.id ?? null,
          status: s.status,
          reviewedByUserId: s.status === "approved" ? (admin?.id ?? null) : null,
          reviewedAt: s.status === "approved" ? new Date(now.getTime() - 40 * 86400_000) : null,
        })
        .returning()
        .get();
      stallCount++;
    }
    if (s.status !== "approved") continue;
    if (db.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()) continue;
    const random = prng(1000 + index);
    const rows: (typeof tillCharges.$inferInsert)[] = [];
    // 30 past days (not today: the demo's "today" starts empty and fills as you try the till).
    for (let day = 30; day >= 1; day--) {
      const sales = 2 + Math.floor(random() * 6);
      for (let n = 0; n < sales; n++) {
        // During market hours (05:30–18:30 in Việt Nam, UTC+7) of that local day.
        const dayStart = Math.floor((now.getTime() - day * 86400_000 + 7 * 3600_000) / 86400_000) * 86400_000 - 7 * 3600_000;
        const at = new Date(dayStart + 5.5 * 3600_000 + Math.floor(random() * 13 * 3600_000));
        const r = random();
        let method: TillMethod = r < s.mix[0] ? "vietqr" : r < s.mix[0] + s.mix[1] ? "card" : "cash";
        if (s.quietLastWeek && day <= 8 && method !== "cash") method = "cash";
        const amount = PRICES[Math.floor(random() * PRICES.length)]!;
        const abandoned = method !== "cash" && random() < 0.06;
        rows.push({
          stallId: stall.id,
          amount,
          method,
          memo: method === "vietqr" ? newPaymentMemo("CST", (k) => Uint8Array.from({ length: k }, () => Math.floor(random() * 256))) : null,
          status: abandoned ? "expired" : "paid",
          idempotencyKey: `seed-${s.slug}-${day}-${n}`,
          createdAt: at,
          paidAt: abandoned ? null : new Date(at.getTime() + 40_000),
          expiresAt: method === "cash" ? null : new Date(at.getTime() + 15 * 60_000),
          stripeSessionId: method === "card" && !abandoned ? `cs_seed_${s.slug.replace(/-/g, "_")}_${day}_${n}` : null,
        });
      }
    }
    db.transaction((tx) => {
      for (const row of rows) {
        if (row.memo && tx.select({ id: tillCharges.id }).from(tillCharges).where(eq(tillCharges.memo, row.memo)).get())
          row.memo = `${row.memo.slice(0, 3)}${row.memo.slice(4)}Z`;
        tx.insert(tillCharges).values(row).run();
      }
    });
    chargeCount += rows.length;
  }
  return { markets: MARKETS.length, stallsAdded: stallCount, chargesAdded: chargeCount };
}
