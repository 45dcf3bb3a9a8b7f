/**
 * Event kinds a producer records, and how each maps to EPCIS 2.0 / CBV 2.0
 * (docs/decisions/021-trace-events-epcis.md). Shared by the form (browser) and the model (server).
 * `bizStep` is a CBV 2.0 short name, or one of our own terms, exported as a URI under PUBLIC_URL/voc/bizstep/.
 * CBV 2.0 has no "harvesting": a harvest is the `commissioning` of the lot, farm details in `ilmd`.
 */
export const LOT_UNITS = ["kg", "g", "t", "box", "bag"] as const;

export const EVENT_KINDS = [
  "fertilising",
  "pest_control",
  "harvest",
  "withering",
  "rolling",
  "drying",
  "sorting",
  "processing",
  "packing",
  "lab_test",
  "certification",
  "shipping",
  "receiving",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number] | "transformation";

export type KindSpec = {
  eventType: "ObjectEvent" | "TransformationEvent";
  action: "ADD" | "OBSERVE" | null;
  bizStep: string;
  disposition: string | null;
  /** Payload fields the form offers for this kind (besides time and note). */
  fields: readonly PayloadField[];
  required: readonly PayloadField[];
};

export const PAYLOAD_FIELDS = [
  "product",
  "dose",
  "phiDays",
  "target",
  "organic",
  "step",
  "packaging",
  "units",
  "lab",
  "result",
  "passed",
  "document",
  "certName",
  "certNumber",
  "issuer",
  "validTo",
  "party",
] as const;
export type PayloadField = (typeof PAYLOAD_FIELDS)[number];

const processing = (bizStep: string): KindSpec => ({
  eventType: "ObjectEvent",
  action: "OBSERVE",
  bizStep,
  disposition: "in_progress",
  fields: [],
  required: [],
});

export const KIND_SPECS: Record<EventKind, KindSpec> = {
  fertilising: {
    eventType: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "fertilising",
    disposition: null,
    fields: ["product", "dose", "organic"],
    required: ["product"],
  },
  pest_control: {
    eventType: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "pest_control",
    disposition: null,
    fields: ["product", "dose", "phiDays", "target"],
    required: ["product", "phiDays"],
  },
  harvest: { eventType: "ObjectEvent", action: "ADD", bizStep: "commissioning", disposition: "active", fields: [], required: [] },
  withering: processing("withering"),
  rolling: processing("rolling"),
  drying: processing("drying"),
  sorting: processing("sorting"),
  processing: { ...processing("processing"), fields: ["step"], required: ["step"] },
  packing: { eventType: "ObjectEvent", action: "OBSERVE", bizStep: "packing", disposition: "container_closed", fields: ["packaging", "units"], required: [] },
  lab_test: {
    eventType: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "inspecting",
    disposition: null,
    fields: ["lab", "result", "passed", "document"],
    required: ["lab", "result"],
  },
  certification: {
    eventType: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "inspecting",
    disposition: null,
    fields: ["certName", "certNumber", "issuer", "validTo"],
    required: ["certName"],
  },
  shipping: { eventType: "ObjectEvent", action: "OBSERVE", bizStep: "shipping", disposition: "in_transit", fields: ["party"], required: ["party"] },
  receiving: { eventType: "ObjectEvent", action: "OBSERVE", bizStep: "receiving", disposition: "in_progress", fields: ["party"], required: ["party"] },
  transformation: { eventType: "TransformationEvent", action: null, bizStep: "commissioning", disposition: "active", fields: [], required: [] },
};

/** Cultivation diary kinds happen on the plot; the rest at the producer's premises. */
export const FARM_KINDS: readonly EventKind[] = ["fertilising", "pest_control", "harvest"];
