import { z } from "zod";

// Messages are translation keys ("cart:" namespace).
export const CART_INTENTS = ["add", "update", "remove"] as const;

export const CartActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    variantId: z.coerce
      .number({ error: "cart:errors.unknownVariant" })
      .int("cart:errors.unknownVariant")
      .positive("cart:errors.unknownVariant")
      .max(2 ** 31, "cart:errors.unknownVariant"),
    quantity: z.coerce
      .number({ error: "cart:errors.quantityInvalid" })
      .int("cart:errors.quantityInvalid")
      .min(1, "cart:errors.quantityInvalid")
      .max(99, "cart:errors.tooMany")
      .default(1),
  }),
  z.object({
    intent: z.literal("update"),
    variantId: z.coerce
      .number({ error: "cart:errors.unknownVariant" })
      .int("cart:errors.unknownVariant")
      .positive("cart:errors.unknownVariant")
      .max(2 ** 31, "cart:errors.unknownVariant"),
    quantity: z.coerce
      .number({ error: "cart:errors.quantityInvalid" })
      .int("cart:errors.quantityInvalid")
      .min(0, "cart:errors.quantityInvalid")
      .max(99, "cart:errors.tooMany"),
  }),
  z.object({
    intent: z.literal("remove"),
    variantId: z.coerce
      .number({ error: "cart:errors.unknownVariant" })
      .int("cart:errors.unknownVariant")
      .positive("cart:errors.unknownVariant")
      .max(2 ** 31, "cart:errors.unknownVariant"),
  }),
]);
export type CartAction = z.infer<typeof CartActionSchema>;
