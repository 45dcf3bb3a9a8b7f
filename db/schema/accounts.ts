import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp, updatedAt } from "./_columns";
import { users } from "./users";
import { orders } from "./orders";

/**
 * One-time secrets sent to a person: a password-reset code (phone) or link (e-mail), or the code
 * confirming a new phone/e-mail (docs/decisions/070). Only an HMAC of the secret is stored; a row
 * is good once, for a few minutes, and dies after a few wrong tries.
 */
export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "contact_change"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    // "code": 6 digits typed by the person (SMS/Zalo); "link": a long random token in an e-mailed URL.
    kind: text("kind", { enum: ["code", "link"] }).notNull(),
    secretHash: text("secret_hash").notNull(), // HMAC-SHA256, hex
    target: text("target"), // contact_change: the new phone (E.164) or e-mail
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Consent given to the privacy notice and terms: who (user or guest cart), when, in which context,
 * for which purposes, and which version of each document (docs/decisions/072).
 */
export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The same event is recorded once: "signup:user:12", "checkout:order:34".
    sourceKey: text("source_key").notNull(),
    userId: integer("user_id").references(() => users.id),
    guestId: text("guest_id"),
    orderId: integer("order_id").references(() => orders.id),
    context: text("context", { enum: ["signup", "checkout"] }).notNull(),
    purposes: text("purposes", { mode: "json" }).$type<string[]>().notNull(),
    privacyVersion: text("privacy_version").notNull(),
    termsVersion: text("terms_version").notNull(),
    lang: text("lang", { enum: ["vi", "en"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("consents_source_idx").on(t.sourceKey), index("consents_user_idx").on(t.userId), index("consents_order_idx").on(t.orderId)],
);

/** Complaints from buyers and visitors (Decree 52/2013 as amended, art. 36–37; docs/decisions/073). */
export const COMPLAINT_SUBJECTS = ["order", "product", "trace", "other"] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
export const COMPLAINT_STATUSES = ["open", "in_progress", "resolved", "rejected"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const complaints = sqliteTable(
  "complaints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(), // shown to the complainant, e.g. "KN7K2M9Q"
    userId: integer("user_id").references(() => users.id),
    name: text("name").notNull(),
    phone: text("phone"), // E.164
    email: text("email"),
    lang: text("lang", { enum: ["vi", "en"] }).notNull(),
    subject: text("subject", { enum: COMPLAINT_SUBJECTS }).notNull(),
    subjectRef: text("subject_ref"), // order code, product slug or trace code
    orderId: integer("order_id").references(() => orders.id),
    producerId: integer("producer_id"), // the seller concerned, when known
    body: text("body").notNull(),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [index("complaints_status_idx").on(t.status, t.createdAt), index("complaints_user_idx").on(t.userId)],
);

/** Replies from province staff; each is also sent to the complainant as a message (outbox). */
export const complaintReplies = sqliteTable(
  "complaint_replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: integer("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    authorUserId: integer("author_user_id").references(() => users.id),
    body: text("body").notNull(),
    statusAfter: text("status_after", { enum: COMPLAINT_STATUSES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("complaint_replies_complaint_idx").on(t.complaintId)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type Complaint = typeof complaints.$inferSelect;
export type ComplaintReply = typeof complaintReplies.$inferSelect;
