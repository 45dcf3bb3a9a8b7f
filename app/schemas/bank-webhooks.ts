import { z } from "zod";

const money = z.coerce.number().int().nonnegative().max(1e13);

/** SePay's webhook body (fields the issue names; others are kept raw). */
export const SepayWebhookSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(64)]).transform(String),
  gateway: z.string().max(100).nullish(),
  transactionDate: z.string().min(10).max(40),
  accountNumber: z.string().max(40).nullish(),
  content: z
    .string()
    .max(1000)
    .nullish()
    .transform((v) => v ?? ""),
  transferType: z.enum(["in", "out"]),
  transferAmount: money,
  referenceCode: z.string().max(100).nullish(),
});

/** Casso v2: one transaction in `data`; outgoing transfers have a negative amount. */
export const CassoWebhookSchema = z.object({
  error: z.number().int().optional(),
  data: z.object({
    id: z.union([z.number().int(), z.string().min(1).max(64)]).transform(String),
    reference: z.string().max(100).nullish(),
    description: z
      .string()
      .max(1000)
      .nullish()
      .transform((v) => v ?? ""),
    amount: z.coerce.number().int().min(-1e13).max(1e13),
    transactionDateTime: z.string().min(10).max(40),
    accountNumber: z.string().max(40).nullish(),
    bankName: z.string().max(100).nullish(),
    bankAbbreviation: z.string().max(40).nullish(),
  }),
});
