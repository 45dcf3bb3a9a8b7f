import { z } from "zod";
import { foldVietnamese } from "~/utils/slug";
import { MAX_TILL_AMOUNT_VND } from "#db/schema/market";

// Messages are translation keys ("market:" namespace); forms render them with t().

/** "45.000", "45 000 ₫", "45000" → 45000; anything else → NaN (never a 500). */
export function parseVndAmount(raw: unknown): number {
  if (typeof raw !== "string") return Number.NaN;
  const cleaned = raw.replace(/[\s.,₫đ]|VND/gi, "");
  if (!/^-?\d{1,15}$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** Bank account holder as banks show it: upper-case ASCII letters and spaces. */
export function normalizeAccountHolder(raw: string): string {
  return foldVietnamese(raw)
    .toUpperCase()
    .replace(/[^A-Z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const amountField = z
  .string({ error: "market:validation.amountRequired" })
  .trim()
  .min(1, "market:validation.amountRequired")
  .transform((v, ctx) => {
    const n = parseVndAmount(v);
    if (Number.isNaN(n)) ctx.addIssue({ code: "custom", message: "market:validation.amountInvalid" });
    else if (n <= 0) ctx.addIssue({ code: "custom", message: "market:validation.amountPositive" });
    else if (n > MAX_TILL_AMOUNT_VND) ctx.addIssue({ code: "custom", message: "market:validation.amountTooLarge" });
    return n;
  });

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** intent = "charge:vietqr" | "charge:card" | "charge:cash" | "amount:<quick amount>" */
export const TILL_INTENT = /^(charge:(vietqr|card|cash)|amount:\d{1,9})$/;

export const TillChargeSchema = z.object({
  amount: amountField,
  method: z.enum(["vietqr", "card", "cash"], { error: "market:validation.methodInvalid" }),
  idempotencyKey: z.string({ error: "market:validation.formExpired" }).regex(IDEMPOTENCY_KEY, "market:validation.formExpired"),
  items: z.array(z.coerce.number().int().positive()).max(20).optional(),
});

export const StallSchema = z.object({
  marketId: z.coerce.number({ error: "market:validation.marketUnknown" }).int().positive("market:validation.marketUnknown"),
  stallNumber: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .min(1, "validation.required")
    .max(10, "validation.tooLong")
    .regex(/^[A-Z0-9-]+$/, "market:validation.stallNumberInvalid"),
  name: z.string({ error: "validation.required" }).trim().min(2, "validation.tooShort").max(80, "validation.tooLong"),
  goods: z.string().trim().max(200, "validation.tooLong").default(""),
  bankBin: z.string({ error: "market:validation.bankUnknown" }).regex(/^\d{6}$/, "market:validation.bankUnknown"),
  accountNumber: z
    .string({ error: "validation.required" })
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, "validation.required")
        .regex(/^\d+$/, "market:validation.accountDigits")
        .min(6, "market:validation.accountLength")
        .max(19, "market:validation.accountLength"),
    ),
  accountHolder: z
    .string({ error: "validation.required" })
    .transform(normalizeAccountHolder)
    .pipe(z.string().min(3, "market:validation.holderInvalid").max(50, "validation.tooLong")),
  linkProducer: z.string().optional(),
});

export const StallReviewSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  stallId: z.coerce.number().int().positive(),
});
