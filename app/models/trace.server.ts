/**
 * Traceability: plots, lots, the append-only hash-chained event history, serialized units, scans.
 * docs/decisions/020–023. Every write of trace history is one synchronous transaction.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import {
  certifications,
  communes,
  lots,
  plots,
  productImages,
  producers,
  products,
  serialUnits,
  traceEventInputs,
  traceEvents,
  traceScans,
  type Lot,
  type LotUnit,
  type TraceEvent,
} from "#db/schema";
import { db as appDb, getDb } from "~/utils/db.server";
import { canonicalJson } from "~/utils/canonical-json";
import { formatDigitalLink } from "~/utils/digital-link";
import { SERIAL_LENGTH, TRACE_CODE_LENGTH } from "~/utils/trace-code";
import { randomCode } from "~/standards/random-code";
import { FARM_KINDS, KIND_SPECS, type EventKind } from "~/utils/trace-kinds";
import { localIsoDate } from "~/utils/format";

export const GENESIS_HASH = "0".repeat(64);
/** A serialized unit scanned more often than this shows the counterfeit warning. */
export const SCAN_WARNING_THRESHOLD = 5;
export const MAX_SERIALS_PER_REQUEST = 500;
const DAY_MS = 86_400_000;

/** A refusal the UI translates: `key` in the `trace` namespace with interpolation values. */
export type TraceRefusal = { key: string; values?: Record<string, string | number> };
export class TraceError extends Error {
  constructor(
    public readonly refusal: TraceRefusal,
    public readonly status = 400,
  ) {
    super(refusal.key);
  }
}

type AnyDb = DB | Parameters<Parameters<DB["transaction"]>[0]>[0];

// ───────────────────────── plots ─────────────────────────

export type PlotInput = {
  name: string;
  areaSqm: number;
  communeCode: string;
  lat?: number | null;
  lng?: number | null;
  growingAreaCode?: string | null;
  crops: string;
};

export function createPlot(producerId: number, input: PlotInput, database: DB = appDb) {
  const commune = database.select().from(communes).where(eq(communes.code, input.communeCode)).get();
  if (!commune) throw new TraceError({ key: "errors.unknownCommune" });
  return database
    .insert(plots)
    .values({
      producerId,
      name: input.name,
      areaSqm: input.areaSqm,
      communeCode: commune.code,
      area: commune.area,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      growingAreaCode: input.growingAreaCode || null,
      crops: input.crops,
    })
    .returning()
    .get();
}

export function listPlots(producerId: number, database: DB = appDb) {
  return database
    .select({ plot: plots, communeName: communes.name })
    .from(plots)
    .innerJoin(communes, eq(communes.code, plots.communeCode))
    .where(eq(plots.producerId, producerId))
    .orderBy(desc(plots.id))
    .all()
    .map((r) => ({ ...r.plot, communeName: r.communeName }));
}

export function getOwnPlot(producerId: number, plotId: number, database: DB = appDb) {
  return database
    .select()
    .from(plots)
    .where(and(eq(plots.id, plotId), eq(plots.producerId, producerId)))
    .get();
}

// ───────────────────────── lots ─────────────────────────

export type LotInput = {
  productId: number;
  plotId: number | null;
  lotNumber?: string | null;
  harvestDate: string;
  quantity: number;
  unit: LotUnit;
  traceCode?: string; // the seed fixes TC26XUAN; otherwise generated
};

export function generateTraceCode(database: AnyDb = appDb): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = randomCode(TRACE_CODE_LENGTH, (n) => crypto.randomBytes(n));
    if (!database.select({ id: lots.id }).from(lots).where(eq(lots.traceCode, code)).get()) return code;
  }
  throw new Error("Could not find a free trace code");
}

function insertLot(tx: AnyDb, producerId: number, input: LotInput) {
  const product = tx
    .select({ id: products.id, gtin: products.gtin })
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.producerId, producerId)))
    .get();
  if (!product) throw new TraceError({ key: "errors.notYourProduct" }, 404);
  if (
    input.plotId !== null &&
    !tx
      .select({ id: plots.id })
      .from(plots)
      .where(and(eq(plots.id, input.plotId), eq(plots.producerId, producerId)))
      .get()
  ) {
    throw new TraceError({ key: "errors.notYourPlot" }, 404);
  }
  const traceCode = input.traceCode ?? generateTraceCode(tx);
  const lotNumber = input.lotNumber || traceCode;
  if (
    tx
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.productId, product.id), eq(lots.lotNumber, lotNumber)))
      .get()
  ) {
    throw new TraceError({ key: "errors.lotNumberTaken" });
  }
  const digitalLinkPath = product.gtin ? formatDigitalLink({ gtin: product.gtin, lot: lotNumber }, "") : null;
  return tx
    .insert(lots)
    .values({
      producerId,
      productId: product.id,
      plotId: input.plotId,
      lotNumber,
      harvestDate: input.harvestDate,
      quantity: input.quantity,
      unit: input.unit,
      traceCode,
      digitalLinkPath,
    })
    .returning()
    .get();
}

export function createLot(producerId: number, input: LotInput, database: DB = appDb): Lot {
  return database.transaction((tx) => insertLot(tx, producerId, input));
}

export function listLots(producerId: number, database: DB = appDb) {
  return database
    .select({ lot: lots, productName: products.name, plotName: plots.name })
    .from(lots)
    .innerJoin(products, eq(products.id, lots.productId))
    .leftJoin(plots, eq(plots.id, lots.plotId))
    .where(eq(lots.producerId, producerId))
    .orderBy(desc(lots.id))
    .all()
    .map((r) => ({ ...r.lot, productName: r.productName, plotName: r.plotName }));
}

export function getOwnLot(producerId: number, lotId: number, database: DB = appDb) {
  return database
    .select()
    .from(lots)
    .where(and(eq(lots.id, lotId), eq(lots.producerId, producerId)))
    .get();
}

export function listOwnProducts(producerId: number, database: DB = appDb) {
  return database
    .select({ id: products.id, name: products.name, gtin: products.gtin })
    .from(products)
    .where(eq(products.producerId, producerId))
    .orderBy(asc(products.name))
    .all();
}

export function getProducerForUser(userId: number, database: DB = appDb) {
  return database.select().from(producers).where(eq(producers.ownerUserId, userId)).get();
}

// ───────────────────────── events & hash chain ─────────────────────────

export type EventContent = {
  lotId: number;
  seq: number;
  kind: string;
  eventType: string;
  bizStep: string;
  disposition: string | null;
  action: string | null;
  eventTime: string; // ISO UTC
  eventTimeZoneOffset: string;
  readPoint: string | null;
  bizLocation: string | null;
  recordedBy: number;
  payload: Record<string, unknown>;
  ilmd: Record<string, unknown> | null;
  errorDeclarationOf: number | null;
  errorReason: string | null;
  inputs: { lotId: number; quantity: number }[];
  prevHash: string;
};

/** SHA-256 (hex) over the canonical JSON of the event's content, which includes the previous hash. */
export function hashEvent(content: EventContent): string {
  return crypto.createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

export function contentOf(event: TraceEvent, inputs: { inputLotId: number; quantity: number }[]): EventContent {
  return {
    lotId: event.lotId,
    seq: event.seq,
    kind: event.kind,
    eventType: event.eventType,
    bizStep: event.bizStep,
    disposition: event.disposition,
    action: event.action,
    eventTime: event.eventTime.toISOString(),
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    readPoint: event.readPoint,
    bizLocation: event.bizLocation,
    recordedBy: event.recordedByUserId,
    payload: event.payload,
    ilmd: event.ilmd,
    errorDeclarationOf: event.errorDeclarationOf,
    errorReason: event.errorReason,
    inputs: inputs.map((i) => ({ lotId: i.inputLotId, quantity: i.quantity })).sort((a, b) => a.lotId - b.lotId),
    prevHash: event.prevHash,
  };
}

export type RecordEventInput = {
  lotId: number;
  kind: EventKind;
  eventTime: Date;
  payload: Record<string, unknown>;
  userId: number;
  /** The producer who must own the lot; null for trusted callers (seed, transformation). */
  producerId: number | null;
  errorDeclarationOf?: number | null;
  errorReason?: string | null;
  inputs?: { lotId: number; quantity: number }[];
  now?: Date;
};

/** The earliest instant a harvest on this lot is allowed, and the pesticide that sets it (PHI rule). */
export function phiBlock(tx: AnyDb, lot: Lot, harvestTime: Date): { product: string; sprayedAt: Date; allowedFrom: Date } | null {
  const corrected = tx
    .select({ id: traceEvents.errorDeclarationOf })
    .from(traceEvents)
    .innerJoin(lots, eq(lots.id, traceEvents.lotId))
    .where(and(isNotNull(traceEvents.errorDeclarationOf), lot.plotId !== null ? or(eq(lots.plotId, lot.plotId), eq(lots.id, lot.id)) : eq(lots.id, lot.id)))
    .all()
    .map((r) => r.id!);
  const sprays = tx
    .select({ id: traceEvents.id, eventTime: traceEvents.eventTime, payload: traceEvents.payload })
    .from(traceEvents)
    .innerJoin(lots, eq(lots.id, traceEvents.lotId))
    .where(and(eq(traceEvents.kind, "pest_control"), lot.plotId !== null ? or(eq(lots.plotId, lot.plotId), eq(lots.id, lot.id)) : eq(lots.id, lot.id)))
    .all();
  let worst: { product: string; sprayedAt: Date; allowedFrom: Date } | null = null;
  for (const s of sprays) {
    if (corrected.includes(s.id) || s.eventTime.getTime() > harvestTime.getTime()) continue;
    const phiDays = Number(s.payload.phiDays ?? 0);
    const allowedFrom = new Date(s.eventTime.getTime() + phiDays * DAY_MS);
    if (harvestTime < allowedFrom && (!worst || allowedFrom > worst.allowedFrom)) {
      worst = { product: String(s.payload.product ?? ""), sprayedAt: s.eventTime, allowedFrom };
    }
  }
  return worst;
}

function locationsFor(kind: EventKind, lot: Lot, tx: AnyDb) {
  if (FARM_KINDS.includes(kind) && lot.plotId !== null) {
    const plot = tx.select({ lat: plots.lat, lng: plots.lng }).from(plots).where(eq(plots.id, lot.plotId)).get();
    const readPoint = plot?.lat != null && plot.lng != null ? `geo:${plot.lat},${plot.lng}` : `plot/${lot.plotId}`;
    return { readPoint, bizLocation: `plot/${lot.plotId}` };
  }
  return { readPoint: `producer/${lot.producerId}`, bizLocation: `producer/${lot.producerId}` };
}

function harvestIlmd(tx: AnyDb, lot: Lot, eventTime: Date) {
  const plot = lot.plotId !== null ? tx.select().from(plots).where(eq(plots.id, lot.plotId)).get() : undefined;
  const commune = plot ? tx.select().from(communes).where(eq(communes.code, plot.communeCode)).get() : undefined;
  return {
    "cbvmda:lotNumber": lot.lotNumber,
    "cbvmda:countryOfOrigin": "VN",
    "cbvmda:harvestStartDate": localIsoDate(eventTime),
    ...(plot
      ? {
          "choso:plot": plot.name,
          "choso:commune": commune?.name ?? plot.communeCode,
          "choso:area": plot.area,
          ...(plot.growingAreaCode ? { "choso:growingAreaCode": plot.growingAreaCode } : {}),
          ...(plot.crops ? { "choso:crops": plot.crops } : {}),
        }
      : {}),
  };
}

/**
 * Appends one event to a lot's chain: reads the last hash, computes this one, inserts; all in one
 * transaction. Refuses (TraceError) a harvest inside a pesticide's pre-harvest interval.
 */
export function recordTraceEvent(input: RecordEventInput, database: DB = appDb): TraceEvent {
  return database.transaction((tx) => appendEvent(tx, input));
}

function appendEvent(tx: AnyDb, input: RecordEventInput): TraceEvent {
  const lot = tx
    .select()
    .from(lots)
    .where(input.producerId === null ? eq(lots.id, input.lotId) : and(eq(lots.id, input.lotId), eq(lots.producerId, input.producerId)))
    .get();
  if (!lot) throw new TraceError({ key: "errors.notYourLot" }, 404);
  const spec = KIND_SPECS[input.kind];
  if (!spec) throw new TraceError({ key: "errors.unknownKind" });
  const now = input.now ?? new Date();
  if (input.eventTime.getTime() > now.getTime() + DAY_MS) throw new TraceError({ key: "errors.futureTime" });

  if (input.errorDeclarationOf != null) {
    const target = tx
      .select()
      .from(traceEvents)
      .where(and(eq(traceEvents.id, input.errorDeclarationOf), eq(traceEvents.lotId, lot.id)))
      .get();
    if (!target) throw new TraceError({ key: "errors.unknownEvent" }, 404);
    const already = tx.select({ id: traceEvents.id }).from(traceEvents).where(eq(traceEvents.errorDeclarationOf, target.id)).get();
    if (already) throw new TraceError({ key: "errors.alreadyCorrected" });
    if (!input.errorReason?.trim()) throw new TraceError({ key: "errors.reasonRequired" });
  }

  if (input.kind === "harvest") {
    const block = phiBlock(tx, lot, input.eventTime);
    if (block) {
      throw new TraceError({
        key: "errors.phi",
        values: { product: block.product, sprayed: block.sprayedAt.toISOString(), date: block.allowedFrom.toISOString() },
      });
    }
  }

  const last = tx
    .select({ seq: traceEvents.seq, hash: traceEvents.hash })
    .from(traceEvents)
    .where(eq(traceEvents.lotId, lot.id))
    .orderBy(desc(traceEvents.seq))
    .limit(1)
    .get();
  const { readPoint, bizLocation } = locationsFor(input.kind, lot, tx);
  const ilmd = input.kind === "harvest" || input.kind === "transformation" ? harvestIlmd(tx, lot, input.eventTime) : null;
  const inputs = (input.inputs ?? []).map((i) => ({ inputLotId: i.lotId, quantity: i.quantity }));
  const row = {
    lotId: lot.id,
    seq: (last?.seq ?? 0) + 1,
    kind: input.kind,
    eventType: spec.eventType,
    bizStep: spec.bizStep,
    disposition: input.kind === "lab_test" ? (input.payload.passed === false ? "non_conformant" : "conformant") : spec.disposition,
    action: spec.action,
    eventTime: input.eventTime,
    eventTimeZoneOffset: "+07:00",
    readPoint,
    bizLocation,
    recordedByUserId: input.userId,
    payload: input.payload,
    ilmd,
    errorDeclarationOf: input.errorDeclarationOf ?? null,
    errorReason: input.errorReason?.trim() || null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashEvent(contentOf({ ...row, id: 0, hash: "", recordedAt: now } as TraceEvent, inputs));
  const event = tx
    .insert(traceEvents)
    .values({ ...row, hash, recordedAt: now })
    .returning()
    .get();
  for (const i of inputs)
    tx.insert(traceEventInputs)
      .values({ eventId: event.id, ...i })
      .run();
  return event;
}

/** A correction: a new event (with the right data) that declares an earlier one erroneous. */
export function declareError(
  input: Omit<RecordEventInput, "errorDeclarationOf" | "errorReason"> & { correctsEventId: number; reason: string },
  database: DB = appDb,
): TraceEvent {
  const { correctsEventId, reason, ...rest } = input;
  return recordTraceEvent({ ...rest, errorDeclarationOf: correctsEventId, errorReason: reason }, database);
}

export type ChainStatus = { ok: true; count: number } | { ok: false; count: number; brokenEventId: number; brokenSeq: number };

/** Recomputes every hash of a lot's chain; reports the first event whose content or link does not match. */
export function verifyChain(lotId: number, database: AnyDb = appDb, loaded?: TraceEvent[]): ChainStatus {
  const events = loaded ?? database.select().from(traceEvents).where(eq(traceEvents.lotId, lotId)).orderBy(asc(traceEvents.seq)).all();
  const transformations = events.filter((e) => e.eventType === "TransformationEvent");
  const inputs = transformations.length
    ? database
        .select()
        .from(traceEventInputs)
        .where(
          inArray(
            traceEventInputs.eventId,
            transformations.map((e) => e.id),
          ),
        )
        .all()
    : [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    const own = inputs.filter((i) => i.eventId === e.id);
    if (e.seq !== expectedSeq || e.prevHash !== prev || hashEvent(contentOf(e, own)) !== e.hash) {
      return { ok: false, count: events.length, brokenEventId: e.id, brokenSeq: e.seq };
    }
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, count: events.length };
}

export function listLotEvents(lotId: number, database: DB = appDb) {
  return database.select().from(traceEvents).where(eq(traceEvents.lotId, lotId)).orderBy(asc(traceEvents.seq)).all();
}

/** Blends several input lots of the producer into one new output lot (EPCIS TransformationEvent). */
export function transformLots(
  producerId: number,
  userId: number,
  input: { inputs: { lotId: number; quantity: number }[]; output: LotInput; eventTime: Date; payload?: Record<string, unknown> },
  database: DB = appDb,
) {
  if (input.inputs.length < 2) throw new TraceError({ key: "errors.needTwoInputs" });
  return database.transaction((tx) => {
    for (const i of input.inputs) {
      if (
        !tx
          .select({ id: lots.id })
          .from(lots)
          .where(and(eq(lots.id, i.lotId), eq(lots.producerId, producerId)))
          .get()
      ) {
        throw new TraceError({ key: "errors.notYourLot" }, 404);
      }
    }
    const output = insertLot(tx, producerId, input.output);
    const event = appendEvent(tx, {
      lotId: output.id,
      kind: "transformation",
      eventTime: input.eventTime,
      payload: input.payload ?? {},
      userId,
      producerId,
      inputs: input.inputs,
    });
    return { lot: output, event };
  });
}

// ───────────────────────── serials ─────────────────────────

export function requestSerials(producerId: number, lotId: number, count: number, database: DB = appDb) {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIALS_PER_REQUEST)
    throw new TraceError({ key: "errors.serialCount", values: { max: MAX_SERIALS_PER_REQUEST } });
  return database.transaction((tx) => {
    const lot = tx
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.id, lotId), eq(lots.producerId, producerId)))
      .get();
    if (!lot) throw new TraceError({ key: "errors.notYourLot" }, 404);
    const created = [];
    for (let i = 0; i < count; i++) {
      const serial = randomCode(SERIAL_LENGTH, (n) => crypto.randomBytes(n)); // ~59 bits: unguessable
      created.push(tx.insert(serialUnits).values({ lotId: lot.id, serial }).returning().get());
    }
    return created;
  });
}

export function listSerials(lotId: number, database: DB = appDb) {
  return database.select().from(serialUnits).where(eq(serialUnits.lotId, lotId)).orderBy(asc(serialUnits.id)).all();
}

// ───────────────────────── public lookup, scans ─────────────────────────

// The public page is the hot path: its queries are prepared once per database connection
// (building drizzle SQL on every request cost ~2 ms; see docs/performance.md).
function makeStatements(database: DB) {
  const p = (name: string) => sql.placeholder(name);
  return {
    lotByCode: database
      .select()
      .from(lots)
      .where(eq(lots.traceCode, p("code")))
      .prepare(),
    lotByDl: database
      .select({ lot: lots })
      .from(lots)
      .innerJoin(products, eq(products.id, lots.productId))
      .where(and(eq(products.gtin, p("gtin")), eq(lots.lotNumber, p("lot"))))
      .prepare(),
    product: database
      .select()
      .from(products)
      .where(eq(products.id, p("id")))
      .prepare(),
    producer: database
      .select()
      .from(producers)
      .where(eq(producers.id, p("id")))
      .prepare(),
    image: database
      .select({ imageId: productImages.imageId })
      .from(productImages)
      .where(eq(productImages.productId, p("id")))
      .orderBy(asc(productImages.sort))
      .limit(1)
      .prepare(),
    plot: database
      .select()
      .from(plots)
      .where(eq(plots.id, p("id")))
      .prepare(),
    commune: database
      .select()
      .from(communes)
      .where(eq(communes.code, p("code")))
      .prepare(),
    events: database
      .select()
      .from(traceEvents)
      .where(eq(traceEvents.lotId, p("id")))
      .orderBy(asc(traceEvents.seq))
      .prepare(),
    certifications: database
      .select()
      .from(certifications)
      .where(eq(certifications.producerId, p("id")))
      .prepare(),
  };
}
const preparedByDb = new WeakMap<object, ReturnType<typeof makeStatements>>();
function statements(database: DB) {
  const real = database === appDb ? getDb() : database;
  let found = preparedByDb.get(real);
  if (!found) preparedByDb.set(real, (found = makeStatements(real)));
  return found;
}

export function findLotByCode(code: string, database: DB = appDb) {
  return statements(database).lotByCode.get({ code });
}

export function findLotByDigitalLink(gtin: string, lotNumber: string, database: DB = appDb) {
  return statements(database).lotByDl.get({ gtin, lot: lotNumber })?.lot;
}

export function findSerial(lotId: number, serial: string, database: DB = appDb) {
  return database
    .select()
    .from(serialUnits)
    .where(and(eq(serialUnits.lotId, lotId), eq(serialUnits.serial, serial)))
    .get();
}

export function deviceClass(userAgent: string | null): "mobile" | "desktop" | "bot" {
  const ua = userAgent ?? "";
  if (/bot|crawl|spider|preview|curl|wget|python|headless/i.test(ua)) return "bot";
  return /mobile|android|iphone|ipad/i.test(ua) ? "mobile" : "desktop";
}

export function recordScan(lotId: number, serialUnitId: number | null, userAgent: string | null, database: DB = appDb) {
  database
    .insert(traceScans)
    .values({ lotId, serialUnitId, deviceClass: deviceClass(userAgent) })
    .run();
}

export function serialScanStats(serialUnitId: number, database: DB = appDb) {
  const row = database
    .select({ count: sql<number>`count(*)`, first: sql<number | null>`min(${traceScans.scannedAt})` })
    .from(traceScans)
    .where(eq(traceScans.serialUnitId, serialUnitId))
    .get();
  return { count: row?.count ?? 0, firstScannedAt: row?.first ? new Date(row.first) : null };
}

/** The canonical URL a lot's QR encodes: GS1 Digital Link when the product has a GTIN, else /t/{code}. */
export function canonicalTraceUrl(publicUrl: string, lot: Pick<Lot, "traceCode" | "digitalLinkPath">, serial?: string) {
  if (lot.digitalLinkPath) return `${publicUrl}${lot.digitalLinkPath}${serial ? `/21/${serial}` : ""}`;
  return `${publicUrl}/t/${lot.traceCode}${serial ? `/${serial}` : ""}`;
}

/** Everything the public trace page shows, in one read. */
export function getPublicTrace(lot: Lot, database: DB = appDb) {
  const q = statements(database);
  const product = q.product.get({ id: lot.productId })!;
  const producer = q.producer.get({ id: lot.producerId })!;
  const image = q.image.get({ id: product.id });
  const plot = lot.plotId !== null ? q.plot.get({ id: lot.plotId }) : undefined;
  const commune = plot ? q.commune.get({ code: plot.communeCode }) : undefined;
  const events = q.events.all({ id: lot.id });
  const inputs = events.some((e) => e.eventType === "TransformationEvent")
    ? database
        .select({ eventId: traceEventInputs.eventId, quantity: traceEventInputs.quantity, code: lots.traceCode, lotNumber: lots.lotNumber, unit: lots.unit })
        .from(traceEventInputs)
        .innerJoin(lots, eq(lots.id, traceEventInputs.inputLotId))
        .where(
          inArray(
            traceEventInputs.eventId,
            events.map((e) => e.id),
          ),
        )
        .all()
    : [];
  const today = localIsoDate();
  const certs = q.certifications.all({ id: producer.id });
  return {
    lot,
    product: {
      name: product.name,
      nameEn: product.nameEn,
      slug: product.slug,
      gtin: product.gtin,
      onSale: product.status === "published" && !product.moderationHiddenReason,
      imageId: image?.imageId ?? null,
    },
    producer: { name: producer.name, slug: producer.slug, verified: producer.status === "verified" },
    plot: plot
      ? {
          name: plot.name,
          commune: commune?.name ?? plot.communeCode,
          area: plot.area,
          growingAreaCode: plot.growingAreaCode,
          crops: plot.crops,
          areaSqm: plot.areaSqm,
        }
      : null,
    events,
    inputs,
    certifications: certs.map((c) => ({
      kind: c.kind,
      name: c.name,
      number: c.number,
      issuer: c.issuer,
      validFrom: c.validFrom,
      validTo: c.validTo,
      ocopStars: c.ocopStars,
      valid: c.validFrom <= today && today <= c.validTo,
    })),
    chain: verifyChain(lot.id, database, events),
  };
}
