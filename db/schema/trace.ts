import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, timestamp } from "./_columns";
import { producers } from "./producers";
import { communes } from "./communes";
import { products } from "./catalog";
import { users } from "./users";

/** A growing area (vùng trồng) of a producer. */
export const plots = sqliteTable(
  "plots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    name: text("name").notNull(),
    areaSqm: integer("area_sqm").notNull(), // size in m² (1 ha = 10 000 m²)
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    area: text("area").notNull(), // copied from the commune (former district)
    lat: real("lat"),
    lng: real("lng"),
    growingAreaCode: text("growing_area_code"), // mã số vùng trồng, when the plot has one
    crops: text("crops").notNull().default(""), // comma-separated, e.g. "Chè Trung du, Chè LDP1"
    createdAt: createdAt(),
  },
  (t) => [index("plots_producer_idx").on(t.producerId), check("plot_area_positive", sql`${t.areaSqm} > 0`)],
);

import { LOT_UNITS } from "../../app/utils/trace-kinds";
export { LOT_UNITS };
export type LotUnit = (typeof LOT_UNITS)[number];

/** A lot of one product, usually from one plot (blended lots come from a transformation). */
export const lots = sqliteTable(
  "lots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    plotId: integer("plot_id").references(() => plots.id),
    lotNumber: text("lot_number").notNull(), // GS1 AI (10): up to 20 characters
    harvestDate: text("harvest_date").notNull(), // YYYY-MM-DD (Asia/Ho_Chi_Minh)
    quantity: real("quantity").notNull(),
    unit: text("unit", { enum: LOT_UNITS }).notNull(),
    traceCode: text("trace_code").notNull().unique(), // A–Z and 2–9 without I, L, O
    // Path of the GS1 Digital Link URI ("/01/{gtin}/10/{lot}") when the product has a GTIN. Fixed at
    // creation (lots are never edited) so the QR of a lot never changes.
    digitalLinkPath: text("digital_link_path"),
    createdAt: createdAt(),
  },
  (t) => [
    index("lots_producer_idx").on(t.producerId),
    index("lots_plot_idx").on(t.plotId),
    uniqueIndex("lots_product_lot_number_idx").on(t.productId, t.lotNumber),
    check("lot_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const EVENT_TYPES = ["ObjectEvent", "TransformationEvent"] as const;
export const EVENT_ACTIONS = ["ADD", "OBSERVE", "DELETE"] as const;

/**
 * Append-only, hash-chained history of a lot (docs/decisions/020-trace-hash-chain.md). Triggers in
 * the `trace_append_only` migration refuse UPDATE and DELETE at the database level.
 */
export const traceEvents = sqliteTable(
  "trace_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id),
    seq: integer("seq").notNull(), // 1, 2, 3… within the lot
    kind: text("kind").notNull(), // our event kind (fertilising, harvest, withering, …)
    eventType: text("event_type", { enum: EVENT_TYPES }).notNull(),
    bizStep: text("biz_step").notNull(), // CBV 2.0 short name, or our own term (expanded to a URI on export)
    disposition: text("disposition"),
    action: text("action", { enum: EVENT_ACTIONS }),
    eventTime: timestamp("event_time").notNull(), // UTC
    eventTimeZoneOffset: text("event_time_zone_offset").notNull().default("+07:00"),
    readPoint: text("read_point"), // e.g. "plot/12" or "geo:21.59,105.77"
    bizLocation: text("biz_location"),
    recordedByUserId: integer("recorded_by_user_id")
      .notNull()
      .references(() => users.id),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    ilmd: text("ilmd", { mode: "json" }).$type<Record<string, unknown>>(),
    errorDeclarationOf: integer("error_declaration_of"), // an earlier event of the same lot
    errorReason: text("error_reason"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [uniqueIndex("trace_events_lot_seq_idx").on(t.lotId, t.seq), index("trace_events_kind_idx").on(t.kind)],
);

/** Input lots of a transformation event (several lots blended into the event's lot). */
export const traceEventInputs = sqliteTable(
  "trace_event_inputs",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => traceEvents.id),
    inputLotId: integer("input_lot_id")
      .notNull()
      .references(() => lots.id),
    quantity: real("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.inputLotId] }), index("trace_event_inputs_lot_idx").on(t.inputLotId)],
);

/** Serialized units of a lot: each packet gets its own unguessable serial (GS1 AI 21). */
export const serialUnits = sqliteTable(
  "serial_units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id),
    serial: text("serial").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("serial_units_lot_idx").on(t.lotId)],
);

/** One row per scan of a trace page. No IP address is stored, only a coarse device class. */
export const traceScans = sqliteTable(
  "trace_scans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id),
    serialUnitId: integer("serial_unit_id").references(() => serialUnits.id),
    scannedAt: timestamp("scanned_at")
      .notNull()
      .$defaultFn(() => new Date()),
    deviceClass: text("device_class"), // "mobile" | "desktop" | "bot"
  },
  (t) => [index("trace_scans_lot_idx").on(t.lotId), index("trace_scans_serial_idx").on(t.serialUnitId)],
);

export type Plot = typeof plots.$inferSelect;
export type Lot = typeof lots.$inferSelect;
export type TraceEvent = typeof traceEvents.$inferSelect;
export type SerialUnit = typeof serialUnits.$inferSelect;
