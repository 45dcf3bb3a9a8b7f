/** Trace fixtures for tests: a producer with a plot, a product (optionally with a GTIN) and a lot. */
import { makeProduct, makeProducer } from "../factories";
import { getTestDb } from "../setup/vitest";
import { createLot, createPlot, recordTraceEvent } from "~/models/trace.server";
import type { EventKind } from "~/utils/trace-kinds";

let gtinCounter = 100;
/** A fresh valid GTIN-14 in GS1's example range 952. */
export function nextGtin(): string {
  const body = `0952853${String(gtinCounter++).padStart(6, "0")}`;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(body[12 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

export async function makeTraceSetup(opts: { gtin?: boolean } = {}) {
  const db = getTestDb();
  const { owner, producer } = await makeProducer();
  const product = makeProduct(producer.id, { gtin: opts.gtin === false ? null : nextGtin() });
  const plot = createPlot(producer.id, { name: "Đồi chè thử", areaSqm: 5000, communeCode: "05503", lat: 21.59, lng: 105.77, crops: "Chè Trung du" }, db);
  const lot = createLot(producer.id, { productId: product.id, plotId: plot.id, harvestDate: "2026-03-28", quantity: 50, unit: "kg" }, db);
  const record = (kind: EventKind, local: string, payload: Record<string, unknown> = {}, extra: { errorDeclarationOf?: number; errorReason?: string } = {}) =>
    recordTraceEvent({ lotId: lot.id, kind, eventTime: new Date(`${local}:00+07:00`), payload, userId: owner.id, producerId: producer.id, ...extra }, db);
  return { db, owner, producer, product, plot, lot, record };
}
