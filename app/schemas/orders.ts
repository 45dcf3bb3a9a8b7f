import { z } from "zod";

// Producer actions on one order part. Messages are translation keys ("orders:" namespace).
const partId = z.coerce
  .number({ error: "orders:errors.notYourOrder" })
  .int()
  .positive()
  .max(2 ** 31);

export const PartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), partId }),
  z.object({ intent: z.literal("pack"), partId }),
  z.object({
    intent: z.literal("ship"),
    partId,
    carrier: z.string({ error: "orders:errors.carrierRequired" }).trim().min(1, "orders:errors.carrierRequired").max(60, "validation.tooLong"),
    trackingNumber: z.string({ error: "orders:errors.trackingRequired" }).trim().min(1, "orders:errors.trackingRequired").max(60, "validation.tooLong"),
  }),
  z.object({ intent: z.literal("deliver"), partId, cashReceived: z.literal("on").optional() }),
  z.object({
    intent: z.literal("cancel"),
    partId,
    reason: z.string({ error: "orders:errors.reasonRequired" }).trim().min(3, "orders:errors.reasonRequired").max(300, "validation.tooLong"),
  }),
]);

/** Lot codes per order line, posted as `lot_<lineId>` with the pack action. */
export function readLotCodes(formData: FormData): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [key, value] of formData.entries()) {
    const m = /^lot_(\d{1,10})$/.exec(key);
    if (m && typeof value === "string" && /^[A-Za-z0-9-]{0,40}$/.test(value.trim())) out[Number(m[1])] = value.trim();
  }
  return out;
}

/** A row of the delivery-fee table (admin). */
export const FeeSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^(default|province:other|commune:\d{5}|area:[a-z0-9-]{2,40})$/, "orders:errors.feeKey"),
  label: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  feeVnd: z.coerce
    .number({ error: "orders:errors.feeAmount" })
    .int("orders:errors.feeAmount")
    .min(0, "orders:errors.feeAmount")
    .max(5_000_000, "orders:errors.feeAmount"),
});
