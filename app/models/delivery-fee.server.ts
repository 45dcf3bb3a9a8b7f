import { asc, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { communes, deliveryFees } from "#db/schema";
import { db as appDb, type Tx } from "~/utils/db.server";

/**
 * Delivery fees by place, from the table the admin edits. Most specific first: the commune, then its
 * area (former district), then "default". Addresses outside Thái Nguyên use "province:other".
 * Fallbacks apply when the table is empty (a fresh install before the admin sets anything).
 */
export const FALLBACK_FEES = { default: 30_000, "province:other": 45_000 } as const;

export type DeliveryPlace = { communeCode: string | null; otherProvince: string | null };

export function deliveryFeeFor(handle: DB | Tx, place: DeliveryPlace): number {
  const get = (key: string) => handle.select({ fee: deliveryFees.feeVnd }).from(deliveryFees).where(eq(deliveryFees.key, key)).get()?.fee;
  if (!place.communeCode) return get("province:other") ?? FALLBACK_FEES["province:other"];
  const commune = handle.select({ areaSlug: communes.areaSlug }).from(communes).where(eq(communes.code, place.communeCode)).get();
  return get(`commune:${place.communeCode}`) ?? (commune ? get(`area:${commune.areaSlug}`) : undefined) ?? get("default") ?? FALLBACK_FEES.default;
}

export function listDeliveryFees() {
  return appDb.select().from(deliveryFees).orderBy(asc(deliveryFees.key)).all();
}

export function upsertDeliveryFee(handle: DB, input: { key: string; label: string; feeVnd: number }) {
  handle
    .insert(deliveryFees)
    .values(input)
    .onConflictDoUpdate({ target: deliveryFees.key, set: { label: input.label, feeVnd: input.feeVnd, updatedAt: new Date() } })
    .run();
}

export function deleteDeliveryFee(handle: DB, key: string) {
  handle.delete(deliveryFees).where(eq(deliveryFees.key, key)).run();
}
