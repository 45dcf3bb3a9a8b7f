/**
 * EPCIS 2.0 JSON-LD export of a lot's history (docs/decisions/021-trace-events-epcis.md).
 * Validated in tests against ../shared/standards/epcis/EPCIS-JSON-Schema.json with formats enforced.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import { lots, traceEventInputs, traceEvents, type Lot, type TraceEvent } from "#db/schema";
import { db as appDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const CBV_BIZSTEPS = new Set([
  "accepting",
  "arriving",
  "assembling",
  "collecting",
  "commissioning",
  "consigning",
  "creating_class_instance",
  "cycle_counting",
  "decommissioning",
  "departing",
  "destroying",
  "disassembling",
  "dispensing",
  "encoding",
  "entering_exiting",
  "holding",
  "inspecting",
  "installing",
  "killing",
  "loading",
  "other",
  "packing",
  "picking",
  "receiving",
  "removing",
  "repackaging",
  "repairing",
  "replacing",
  "reserving",
  "retail_selling",
  "shipping",
  "staging_outbound",
  "stock_taking",
  "stocking",
  "storing",
  "transporting",
  "unloading",
  "unpacking",
  "void_shipping",
  "sensor_reporting",
  "sampling",
]);
const UOM: Record<string, string> = { kg: "KGM", g: "GRM", t: "TNE" };

/** The lot's class identifier: its GS1 Digital Link URI when the product has a GTIN, else its trace URL. */
export function lotClassUri(publicUrl: string, lot: Pick<Lot, "traceCode" | "digitalLinkPath">) {
  return lot.digitalLinkPath ? `${publicUrl}${lot.digitalLinkPath}` : `${publicUrl}/t/${lot.traceCode}`;
}

/** A deterministic UUID (RFC 9562 version 8, "custom") from the event's chain hash. */
export function eventIdOf(event: Pick<TraceEvent, "hash">) {
  const h = event.hash;
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function locationUri(publicUrl: string, value: string | null) {
  if (!value) return undefined;
  return value.startsWith("geo:") ? value : `${publicUrl}/voc/loc/${value}`;
}

/** The lot and, through transformations, every input lot (each once). */
function collectLots(database: DB, root: Lot) {
  const seen = new Map<number, Lot>([[root.id, root]]);
  const queue = [root.id];
  while (queue.length) {
    const id = queue.shift()!;
    const inputIds = database
      .select({ lotId: traceEventInputs.inputLotId })
      .from(traceEventInputs)
      .innerJoin(traceEvents, eq(traceEvents.id, traceEventInputs.eventId))
      .where(eq(traceEvents.lotId, id))
      .all()
      .map((r) => r.lotId)
      .filter((lotId) => !seen.has(lotId));
    if (!inputIds.length) continue;
    for (const lot of database.select().from(lots).where(inArray(lots.id, inputIds)).all()) {
      seen.set(lot.id, lot);
      queue.push(lot.id);
    }
  }
  return seen;
}

export function exportEpcisDocument(root: Lot, database: DB = appDb, now = new Date()) {
  const publicUrl = env().PUBLIC_URL;
  const lotById = collectLots(database, root);
  const events = database
    .select()
    .from(traceEvents)
    .where(inArray(traceEvents.lotId, [...lotById.keys()]))
    .orderBy(asc(traceEvents.eventTime), asc(traceEvents.id))
    .all();
  const inputs = events.length
    ? database
        .select()
        .from(traceEventInputs)
        .where(
          inArray(
            traceEventInputs.eventId,
            events.map((e) => e.id),
          ),
        )
        .all()
    : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const quantity = (lot: Lot, amount: number) => ({
    epcClass: lotClassUri(publicUrl, lot),
    quantity: amount,
    ...(UOM[lot.unit] ? { uom: UOM[lot.unit] } : {}),
  });

  const toEpcis = (e: TraceEvent) => {
    const lot = lotById.get(e.lotId)!;
    const base: Record<string, unknown> = {
      type: e.eventType,
      eventTime: e.eventTime.toISOString(),
      eventTimeZoneOffset: e.eventTimeZoneOffset,
      eventID: eventIdOf(e),
    };
    if (e.eventType === "TransformationEvent") {
      base.inputQuantityList = inputs.filter((i) => i.eventId === e.id).map((i) => quantity(lotById.get(i.inputLotId)!, i.quantity));
      base.outputQuantityList = [quantity(lot, lot.quantity)];
    } else {
      base.epcList = [];
      base.quantityList = [quantity(lot, lot.quantity)];
      base.action = e.action ?? "OBSERVE";
    }
    base.bizStep = CBV_BIZSTEPS.has(e.bizStep) ? e.bizStep : `${publicUrl}/voc/bizstep/${e.bizStep}`;
    if (e.disposition) base.disposition = e.disposition;
    const readPoint = locationUri(publicUrl, e.readPoint);
    const bizLocation = locationUri(publicUrl, e.bizLocation);
    if (readPoint) base.readPoint = { id: readPoint };
    if (bizLocation) base.bizLocation = { id: bizLocation };
    if (e.ilmd) base.ilmd = e.ilmd;
    if (Object.keys(e.payload).length) base["choso:details"] = e.payload;
    base["choso:kind"] = e.kind;
    base["choso:hash"] = e.hash;
    return base;
  };

  const eventList: Record<string, unknown>[] = [];
  for (const e of events) {
    eventList.push(toEpcis(e));
    if (e.errorDeclarationOf != null) {
      // EPCIS error declaration: the erroneous event again, with errorDeclaration naming this correction.
      const wrong = byId.get(e.errorDeclarationOf);
      if (wrong) {
        eventList.push({
          ...toEpcis(wrong),
          errorDeclaration: {
            declarationTime: e.recordedAt.toISOString(),
            reason: "incorrect_data",
            correctiveEventIDs: [eventIdOf(e)],
            "choso:reasonText": e.errorReason ?? "",
          },
        });
      }
    }
  }
  return {
    "@context": [EPCIS_CONTEXT, { choso: `${publicUrl}/voc/` }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: now.toISOString(),
    epcisBody: { eventList },
  };
}
