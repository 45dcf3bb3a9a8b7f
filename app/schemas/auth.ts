import { z } from "zod";
import { normalizeVietnamPhone } from "~/utils/phone";
import { consentField } from "./consent";

// Messages are translation keys (namespace "common"); forms render them with t().
export { HONEYPOT_FIELD } from "~/utils/honeypot";

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Phone or e-mail, as typed → normalised. */
export function parseIdentifier(raw: string): Identifier | null {
  const value = raw.trim();
  if (value.includes("@")) return EMAIL.test(value) && value.length <= 254 ? { kind: "email", value: value.toLowerCase() } : null;
  const phone = normalizeVietnamPhone(value);
  return phone ? { kind: "phone", value: phone } : null;
}

const identifierField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.identifierInvalid")
  .refine((v) => parseIdentifier(v) !== null, "validation.identifierInvalid");

const passwordField = z.string({ error: "validation.required" }).min(1, "validation.required").max(128, "validation.tooLong");

export const LoginSchema = z.object({
  identifier: identifierField,
  password: passwordField,
  redirectTo: z.string().optional(),
});

export const SignupSchema = z
  .object({
    name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
    identifier: identifierField,
    password: z.string({ error: "validation.required" }).min(8, "validation.passwordTooShort").max(128, "validation.tooLong"),
    confirmPassword: z.string({ error: "validation.required" }).min(1, "validation.required"),
    // Consent to the terms and the privacy notice, recorded with their versions (docs/decisions/072).
    privacyConsent: consentField,
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordsDiffer",
  });
