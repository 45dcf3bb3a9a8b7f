import { z } from "zod";
import { EVENT_KINDS, KIND_SPECS, LOT_UNITS, type PayloadField } from "~/utils/trace-kinds";

// Messages are translation keys; "trace:" keys live in app/locales/*/trace.json.
const req = "validation.required";
const text = (max: number) => z.string({ error: req }).trim().min(1, req).max(max, "validation.tooLong");
const optText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();
const isoDate = z.string({ error: req }).regex(/^\d{4}-\d{2}-\d{2}$/, "trace:validation.date");

export const PlotSchema = z.object({
  name: text(100),
  areaSqm: z.number({ error: "trace:validation.area" }).int("trace:validation.area").min(1, "trace:validation.area").max(100_000_000, "trace:validation.area"),
  communeCode: z.string({ error: req }).regex(/^\d{5}$/, "trace:validation.commune"),
  lat: z.number({ error: "trace:validation.lat" }).min(-90, "trace:validation.lat").max(90, "trace:validation.lat").optional(),
  lng: z.number({ error: "trace:validation.lng" }).min(-180, "trace:validation.lng").max(180, "trace:validation.lng").optional(),
  growingAreaCode: optText(40),
  crops: text(200),
});

export const LotSchema = z.object({
  productId: z.number({ error: req }).int(),
  plotId: z.number({ error: req }).int(),
  lotNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, "trace:validation.lotNumber")
    .optional(),
  harvestDate: isoDate,
  quantity: z.number({ error: "trace:validation.quantity" }).positive("trace:validation.quantity").max(10_000_000, "trace:validation.quantity"),
  unit: z.enum(LOT_UNITS, { error: req }),
});

export const EventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: "trace:validation.kind" }),
    date: isoDate,
    time: z.string({ error: req }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "trace:validation.time"),
    note: optText(500),
    product: optText(100),
    dose: optText(100),
    phiDays: z
      .number({ error: "trace:validation.phiDays" })
      .int("trace:validation.phiDays")
      .min(0, "trace:validation.phiDays")
      .max(365, "trace:validation.phiDays")
      .optional(),
    target: optText(100),
    organic: z.literal("on").optional(),
    step: optText(100),
    packaging: optText(100),
    units: z
      .number({ error: "trace:validation.units" })
      .int("trace:validation.units")
      .min(1, "trace:validation.units")
      .max(1_000_000, "trace:validation.units")
      .optional(),
    lab: optText(150),
    result: optText(300),
    passed: z.enum(["yes", "no"]).optional(),
    document: optText(200),
    certName: optText(150),
    certNumber: optText(100),
    issuer: optText(150),
    validTo: isoDate.optional(),
    party: optText(150),
    correctsEventId: z.number().int().optional(),
    reason: optText(300),
  })
  .superRefine((value, ctx) => {
    for (const field of KIND_SPECS[value.kind].required) {
      const v = value[field as keyof typeof value];
      if (v === undefined || v === "") ctx.addIssue({ code: "custom", path: [field], message: req });
    }
    if (value.correctsEventId !== undefined && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "trace:validation.reasonRequired" });
  });

export type EventForm = z.infer<typeof EventSchema>;

/** The payload stored with an event: only the fields that belong to its kind, plus the note. */
export function payloadOf(value: EventForm): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of KIND_SPECS[value.kind].fields as readonly PayloadField[]) {
    const v = value[field as keyof EventForm];
    if (v === undefined || v === "") continue;
    if (field === "organic") payload.organic = true;
    else if (field === "passed") payload.passed = v === "yes";
    else payload[field] = v;
  }
  if (value.note) payload.note = value.note;
  return payload;
}

/** "2026-03-28" + "07:30" in Asia/Ho_Chi_Minh (UTC+7, no DST) → the UTC instant. */
export function localToUtc(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

export const SerialsSchema = z.object({
  count: z
    .number({ error: "trace:validation.serialCount" })
    .int("trace:validation.serialCount")
    .min(1, "trace:validation.serialCount")
    .max(500, "trace:validation.serialCount"),
});
