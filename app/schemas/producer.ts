import { z } from "zod";
import { CERT_KINDS, PRODUCER_KINDS } from "#db/schema";
import { normalizeVietnamPhone } from "~/utils/phone";
import { normalizeTaxCode, taxCodeRequired } from "~/utils/tax-code";

// Messages are translation keys: "validation.*" in common, "producer:validation.*" in ours.
const required = "validation.required";
const text = (min: number, max: number) =>
  z
    .string({ error: required })
    .trim()
    .min(min, min <= 1 ? required : "producer:validation.tooShort")
    .max(max, "producer:validation.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "producer:validation.tooLong").optional();

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = z
  .string({ error: required })
  .regex(ISO_DATE, "producer:validation.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "producer:validation.date");

export const ProducerApplicationSchema = z
  .object({
    name: text(2, 120),
    // The registered name buyers must see (docs/decisions/074).
    legalName: text(2, 200),
    kind: z.enum(PRODUCER_KINDS, { error: "producer:validation.kind" }),
    communeCode: z.string({ error: "producer:validation.commune" }).regex(/^\d{5}$/, "producer:validation.commune"),
    address: text(3, 200),
    phone: z
      .string({ error: required })
      .trim()
      .max(30, "validation.phoneInvalid")
      .refine((v) => normalizeVietnamPhone(v) !== null, "validation.phoneInvalid")
      .transform((v) => normalizeVietnamPhone(v)!),
    story: optionalText(2000),
    // Mã số thuế: 10 digits, or 10 + "-" + 3 for a branch (typed with spaces or without the dash too).
    taxCode: z
      .string()
      .trim()
      .max(20, "producer:validation.taxCode")
      .refine((v) => normalizeTaxCode(v) !== null, "producer:validation.taxCode")
      .transform((v) => normalizeTaxCode(v)!)
      .optional(),
    gs1CompanyPrefix: z
      .string()
      .trim()
      .regex(/^\d{6,12}$/, "producer:validation.gs1Prefix")
      .optional(),
  })
  .superRefine((v, ctx) => {
    // A household producer may sell without a tax code; a cooperative or enterprise may not.
    if (taxCodeRequired(v.kind) && !v.taxCode) ctx.addIssue({ code: "custom", path: ["taxCode"], message: "legal:seller.taxCodeRequired" });
  });
export type ProducerApplication = z.infer<typeof ProducerApplicationSchema>;

export const CertificationSchema = z
  .object({
    kind: z.enum(CERT_KINDS, { error: "producer:validation.certKind" }),
    ocopStars: z
      .number({ error: "producer:validation.ocopStars" })
      .int()
      .min(3, "producer:validation.ocopStars")
      .max(5, "producer:validation.ocopStars")
      .optional(),
    name: optionalText(120),
    number: text(1, 60),
    issuer: text(2, 160),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "ocop" && v.ocopStars === undefined) ctx.addIssue({ code: "custom", path: ["ocopStars"], message: "producer:validation.ocopStars" });
    if (v.kind === "other" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: required });
    if (v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "producer:validation.dateOrder" });
  })
  .transform((v) => ({ ...v, ocopStars: v.kind === "ocop" ? v.ocopStars! : null, name: v.kind === "other" ? v.name! : null }));

const id = z.number({ error: "validation.required" }).int().positive();

export const VerifyProducerSchema = z.object({ producerId: id });
export const RejectProducerSchema = z.object({ producerId: id, reason: text(5, 500) });
export const HideListingSchema = z.object({ productId: id, reason: text(5, 500) });
export const UnhideListingSchema = z.object({ productId: id });
