import { z } from "zod";
import { toGtin14 } from "~/utils/gtin";

const required = "validation.required";
const text = (min: number, max: number) =>
  z
    .string({ error: required })
    .trim()
    .min(min, min <= 1 ? required : "producer:validation.tooShort")
    .max(max, "producer:validation.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "producer:validation.tooLong").optional();
const int = (min: number, max: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(max, message);

export const ProductSchema = z.object({
  name: text(2, 120),
  nameEn: optionalText(120),
  categoryId: z.number({ error: "producer:validation.category" }).int().positive("producer:validation.category"),
  description: optionalText(4000),
  descriptionEn: optionalText(4000),
  gtin: z
    .string()
    .trim()
    .max(20, "producer:validation.gtin")
    .refine((v) => toGtin14(v) !== null, "producer:validation.gtin")
    .transform((v) => toGtin14(v)!)
    .optional(),
});
export type ProductInput = z.infer<typeof ProductSchema>;

export const VariantSchema = z.object({
  label: text(1, 60),
  netWeightGrams: int(1, 1_000_000, "producer:validation.weight").optional(),
  priceVnd: int(1_000, 100_000_000, "producer:validation.price"),
  stock: int(0, 1_000_000, "producer:validation.stock"),
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,40}$/, "producer:validation.sku")
    .optional(),
});
export type VariantInput = z.infer<typeof VariantSchema>;

/** The variant form inside the product editor: the same fields plus which variant (for edits). */
export const VariantEditSchema = VariantSchema.extend({ variantId: z.number().int().positive() });
export const VariantRemoveSchema = z.object({ variantId: z.number({ error: required }).int().positive() });
export const PhotoRemoveSchema = z.object({ imageRowId: z.number({ error: required }).int().positive() });
