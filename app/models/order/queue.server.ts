/** The producer's queue: their own parts of orders, and the actions they take on them. */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import { lots, orderLines, orderParts, orders, productVariants, producers, type PartStatus } from "#db/schema";
import { db as appDb } from "~/utils/db.server";
import { advancePart, type PartActionResult, type PartStep } from "./fulfilment.server";
import { cancelPartByProducer } from "./cancel.server";

export function producerIdsOf(userId: number) {
  return appDb
    .select({ id: producers.id })
    .from(producers)
    .where(eq(producers.ownerUserId, userId))
    .all()
    .map((p) => p.id);
}

export function listProducerParts(producerIds: number[], filter: "active" | "done" = "active") {
  if (!producerIds.length) return [];
  const statuses: PartStatus[] = filter === "active" ? ["placed", "confirmed", "packed", "shipped"] : ["delivered", "cancelled"];
  const rows = appDb
    .select({ part: orderParts, order: orders })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(and(inArray(orderParts.producerId, producerIds), inArray(orderParts.status, statuses)))
    .orderBy(desc(orderParts.id))
    .limit(200)
    .all();
  const partIds = rows.map((r) => r.part.id);
  const lines = partIds.length ? appDb.select().from(orderLines).where(inArray(orderLines.partId, partIds)).all() : [];
  const lotOptions = lotOptionsFor(
    producerIds,
    lines.map((l) => l.variantId),
  );
  return rows.map((r) => ({
    ...r.part,
    order: {
      code: r.order.code,
      customerName: r.order.customerName,
      customerPhone: r.order.customerPhone,
      addressLine: r.order.addressLine,
      communeCode: r.order.communeCode,
      otherProvince: r.order.otherProvince,
      paymentMethod: r.order.paymentMethod,
      paymentStatus: r.order.paymentStatus,
      status: r.order.status,
      createdAt: r.order.createdAt,
    },
    lines: lines.filter((l) => l.partId === r.part.id).map((l) => ({ ...l, lotOptions: lotOptions.get(l.variantId) ?? [] })),
  }));
}

/** The producer's own lots of each line's product, newest first, offered when packing. */
function lotOptionsFor(producerIds: number[], variantIds: number[]) {
  const out = new Map<number, { code: string; label: string }[]>();
  if (!variantIds.length || !producerIds.length) return out;
  const rows = appDb
    .select({ variantId: productVariants.id, traceCode: lots.traceCode, lotNumber: lots.lotNumber, harvestDate: lots.harvestDate })
    .from(productVariants)
    .innerJoin(lots, eq(lots.productId, productVariants.productId))
    .where(and(inArray(productVariants.id, variantIds), inArray(lots.producerId, producerIds)))
    .orderBy(desc(lots.harvestDate), desc(lots.id))
    .all();
  for (const r of rows) {
    const list = out.get(r.variantId) ?? [];
    if (list.length < 20) list.push({ code: r.traceCode, label: `${r.traceCode} · ${r.lotNumber} · ${r.harvestDate}` });
    out.set(r.variantId, list);
  }
  return out;
}

export type PartAction = PartStep | { intent: "cancel"; reason: string };

/**
 * A producer acts on one of THEIR parts (owner-scoped in the query). A cancel refunds the part's
 * share of a card payment before this returns, so callers have nothing left to finish.
 */
export async function actOnPart(partId: number, producerIds: number[], actorUserId: number, action: PartAction, handle: DB = appDb): Promise<PartActionResult> {
  if (action.intent === "cancel") return cancelPartByProducer(partId, producerIds, actorUserId, action.reason, handle);
  return advancePart(partId, producerIds, actorUserId, action, handle);
}
