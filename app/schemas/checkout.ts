import { z } from "zod";
import { normalizeVietnamPhone } from "~/utils/phone";
import { consentField } from "./consent";
// Same values as db/schema/orders.ts (kept here so the browser bundle does not pull in drizzle).
export const PAYMENT_METHODS = ["card", "bank", "cod"] as const;
export const DELIVERY_METHODS = ["pickup_producer", "pickup_market", "delivery"] as const;

// Messages are translation keys ("cart:" namespace). Delivery choices per producer group are
// posted as `delivery_<producerId>` / `market_<producerId>` and read by `readDeliveries`.
export const CheckoutSchema = z
  .object({
    idempotencyKey: z.string({ error: "cart:errors.retry" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "cart:errors.retry"),
    expectedSubtotalVnd: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
    customerName: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
    customerPhone: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(30, "cart:errors.phoneInvalid")
      .refine((v) => normalizeVietnamPhone(v) !== null, "cart:errors.phoneInvalid"),
    place: z.enum(["tn", "other"], { error: "validation.required" }),
    communeCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "cart:errors.communeRequired")
      .optional(),
    otherProvince: z.string().trim().max(100, "validation.tooLong").optional(),
    addressLine: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong"),
    note: z.string().trim().max(500, "validation.tooLong").optional(),
    paymentMethod: z.enum(PAYMENT_METHODS, { error: "cart:errors.paymentRequired" }),
    privacyConsent: consentField, // recorded by recordCheckoutConsent (docs/decisions/072)
  })
  .superRefine((v, ctx) => {
    if (v.place === "tn" && !v.communeCode) ctx.addIssue({ code: "custom", path: ["communeCode"], message: "cart:errors.communeRequired" });
    if (v.place === "other" && !v.otherProvince) ctx.addIssue({ code: "custom", path: ["otherProvince"], message: "cart:errors.provinceRequired" });
  });

export type CheckoutFields = z.infer<typeof CheckoutSchema>;

export const DeliveryChoiceSchema = z.object({
  method: z.enum(DELIVERY_METHODS),
  marketSlug: z.string().max(60).optional().nullable(),
});

/** Reads `delivery_<producerId>` and `market_<producerId>` fields for the given producers. */
export function readDeliveries(formData: FormData, producerIds: number[]) {
  const out: Record<number, z.infer<typeof DeliveryChoiceSchema> | undefined> = {};
  for (const id of producerIds) {
    const parsed = DeliveryChoiceSchema.safeParse({
      method: formData.get(`delivery_${id}`) ?? undefined,
      marketSlug: (formData.get(`market_${id}`) as string | null) || null,
    });
    out[id] = parsed.success ? parsed.data : undefined;
  }
  return out;
}
