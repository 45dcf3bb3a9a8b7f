import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp, updatedAt } from "./_columns";

export const ROLES = ["shopper", "producer", "trader", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // At least one of email / phone is set (checked in the model and by the CHECK below).
  email: text("email").unique(), // lower-cased
  phone: text("phone").unique(), // E.164, e.g. +84912345678
  passwordHash: text("password_hash").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull().default("shopper"),
  locale: text("locale", { enum: ["vi", "en"] })
    .notNull()
    .default("vi"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  // Set when the person deleted their account: the row stays as a tombstone with no personal data,
  // so orders, audit entries and trace records keep a valid reference (docs/decisions/071).
  deletedAt: timestamp("deleted_at"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // 32 random bytes, base64url
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Who did what, when: verification decisions, moderation, manual payment confirmations. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    action: text("action").notNull(), // e.g. "producer.verify"
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_subject_idx").on(t.subjectType, t.subjectId)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
