/** Market test helpers: a market, an approved stall with its trader, and a signed-in cookie. */
import crypto from "node:crypto";
import { buildUser } from "../../db/builders";
import { markets, stalls, type Role } from "../../db/schema";
import { createUserSession } from "../../app/utils/session.server";
import { getTestDb } from "../setup/vitest";
import { TEST_PASSWORD } from "../factories";
import { cookieFrom } from "./request";

const uid = () => crypto.randomBytes(4).toString("hex");

export function makeMarket(opts: { managerUserId?: number | null } = {}) {
  const slug = `cho-thu-${uid()}`;
  return getTestDb()
    .insert(markets)
    .values({
      slug,
      name: `Chợ Thử ${slug}`,
      communeCode: "05443",
      area: "TP Thái Nguyên",
      address: "Đường Thử",
      openingHours: "05:00–18:00",
      managerUserId: opts.managerUserId ?? null,
    })
    .returning()
    .get();
}

export async function makeTrader(role: Role = "trader") {
  return buildUser(getTestDb(), { name: `Tiểu thương ${uid()}`, email: `trader-${uid()}@example.test`, password: TEST_PASSWORD, role });
}

export async function makeStall(opts: { marketId?: number; status?: "approved" | "pending"; accountNumber?: string; producerId?: number | null } = {}) {
  const trader = await makeTrader();
  const marketId = opts.marketId ?? makeMarket().id;
  const number = `T${uid()}`.toUpperCase().slice(0, 8);
  const stall = getTestDb()
    .insert(stalls)
    .values({
      marketId,
      slug: `sap-${uid()}`,
      stallNumber: number,
      name: `Sạp ${number}`,
      goods: "Rau",
      bankBin: "970416",
      accountNumber: opts.accountNumber ?? String(100000000 + Math.floor(Math.random() * 899999999)),
      accountHolder: "NGUYEN VAN THU",
      traderUserId: trader.id,
      producerId: opts.producerId ?? null,
      status: opts.status ?? "approved",
    })
    .returning()
    .get();
  return { trader, stall };
}

export async function cookieFor(userId: number) {
  const res = await createUserSession(new Request("http://localhost:3000/login"), userId, "/");
  return cookieFrom(res);
}
