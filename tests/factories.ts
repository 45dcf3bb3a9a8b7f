/** Test factories: the seed's builders with unique, random-ish values. */
import crypto from "node:crypto";
import { buildCategory, buildProducer, buildProduct, buildUser, type VariantInput } from "../db/builders";
import type { DB } from "../db/client";
import type { ProducerStatus, ProductStatus, Role } from "../db/schema";
import { getTestDb } from "./setup/vitest";

const uid = () => crypto.randomBytes(4).toString("hex");
export const TEST_PASSWORD = "correct-horse-battery";

export async function makeUser(opts: { role?: Role; email?: string; phone?: string; name?: string; db?: DB } = {}) {
  const db = opts.db ?? getTestDb();
  return buildUser(db, {
    name: opts.name ?? `Người dùng ${uid()}`,
    email: opts.email ?? (opts.phone ? undefined : `user-${uid()}@example.test`),
    phone: opts.phone,
    password: TEST_PASSWORD,
    role: opts.role ?? "shopper",
  });
}

export async function makeProducer(opts: { status?: ProducerStatus; communeCode?: string; name?: string; db?: DB } = {}) {
  const db = opts.db ?? getTestDb();
  const owner = await makeUser({ role: "producer", db });
  const name = opts.name ?? `HTX Thử nghiệm ${uid()}`;
  const producer = buildProducer(db, {
    slug: `producer-${uid()}`,
    ownerUserId: owner.id,
    name,
    kind: "cooperative",
    communeCode: opts.communeCode ?? "05503",
    address: "Xóm 1",
    phone: "+84912000000",
    status: opts.status ?? "verified",
  });
  return { owner, producer };
}

export function makeCategory(db: DB = getTestDb()) {
  return buildCategory(db, { slug: "che", nameVi: "Chè", nameEn: "Tea" });
}

export function makeProduct(
  producerId: number,
  opts: { name?: string; status?: ProductStatus; variants?: VariantInput[]; gtin?: string | null; db?: DB } = {},
) {
  const db = opts.db ?? getTestDb();
  const category = makeCategory(db);
  const name = opts.name ?? `Chè thử ${uid()}`;
  return buildProduct(db, {
    slug: `product-${uid()}`,
    producerId,
    categoryId: category.id,
    name,
    status: opts.status ?? "published",
    gtin: opts.gtin ?? null,
    variants: opts.variants ?? [{ label: "Hộp 100g", priceVnd: 100000, stock: 10, netWeightGrams: 100 }],
  });
}
