import { z } from "zod";
import { parseIdentifier } from "~/schemas/auth";
import { COMPLAINT_SUBJECTS, COMPLAINT_STATUSES } from "#db/schema";

// Messages are translation keys: "validation.*" (common), "account:…" and "legal:…" (our namespaces).
const required = "validation.required";

const identifier = z
  .string({ error: required })
  .trim()
  .min(1, required)
  .max(254, "validation.identifierInvalid")
  .refine((v) => parseIdentifier(v) !== null, "validation.identifierInvalid");

const newPassword = z.string({ error: required }).min(8, "validation.passwordTooShort").max(128, "validation.tooLong");
const anyPassword = z.string({ error: required }).min(1, required).max(128, "validation.tooLong");

/** Six digits, typed with or without spaces ("123 456"). */
const code = z
  .string({ error: required })
  .transform((v) => v.replace(/[\s.-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, required)
      .regex(/^\d{6}$/, "account:errors.codeFormat"),
  );

const samePasswords = <T extends { confirmPassword: string }>(field: keyof T & string) => ({
  check: (v: T) => (v as Record<string, unknown>)[field] === v.confirmPassword,
  params: { path: ["confirmPassword"], message: "validation.passwordsDiffer" },
});

export const ForgotPasswordSchema = z.object({ identifier });

const resetWithCode = z.object({ identifier, code, password: newPassword, confirmPassword: z.string({ error: required }).min(1, required) });
const passwordsMatch = samePasswords<z.infer<typeof resetWithCode>>("password");
export const ResetWithCodeSchema = resetWithCode.refine(passwordsMatch.check, passwordsMatch.params);

export const ResetWithLinkSchema = z
  .object({
    token: z.string({ error: "account:errors.linkInvalid" }).min(1, "account:errors.linkInvalid").max(200, "account:errors.linkInvalid"),
    password: newPassword,
    confirmPassword: z.string({ error: required }).min(1, required),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" });

export const ChangePasswordSchema = z
  .object({ currentPassword: anyPassword, newPassword, confirmPassword: z.string({ error: required }).min(1, required) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" });

export const ContactStartSchema = z.object({ newContact: identifier, currentPassword: anyPassword });
export const ContactConfirmSchema = z.object({ code });

export const DeleteAccountSchema = z.object({
  password: anyPassword,
  understood: z.literal("yes", { error: "account:errors.confirmDelete" }),
});

export const ComplaintSchema = z
  .object({
    subject: z.enum(COMPLAINT_SUBJECTS, { error: "legal:complaints.errors.subject" }),
    subjectRef: z.string().trim().max(300, "validation.tooLong").optional(),
    name: z.string({ error: required }).trim().min(1, required).max(100, "validation.tooLong"),
    contact: identifier,
    body: z.string({ error: required }).trim().min(10, "legal:complaints.errors.bodyShort").max(4000, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.subject !== "other" && !v.subjectRef) ctx.addIssue({ code: "custom", path: ["subjectRef"], message: `legal:complaints.errors.ref.${v.subject}` });
  });

export const ComplaintReplySchema = z.object({
  complaintId: z.coerce.number({ error: required }).int().positive(),
  body: z.string({ error: required }).trim().min(2, required).max(2000, "validation.tooLong"),
  status: z.enum(COMPLAINT_STATUSES, { error: "legal:complaints.errors.status" }),
});
