import { sqliteTable, text, integer, index, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, timestamp, updatedAt } from "./_columns";
import { users } from "./users";
import { communes } from "./communes";
import { images } from "./images";

export const PRODUCER_KINDS = ["household", "cooperative", "enterprise"] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];
// "closed": the owner deleted their account; the seller record stays for accounting, hidden (docs/decisions/071).
export const PRODUCER_STATUSES = ["pending", "verified", "rejected", "closed"] as const;
export type ProducerStatus = (typeof PRODUCER_STATUSES)[number];

export const producers = sqliteTable(
  "producers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    ownerUserId: integer("owner_user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    // The registered name buyers must see (Decree 52/2013 as amended): "Hợp tác xã …", "Công ty TNHH …",
    // or a household's owner. Null on rows from before the field existed: the display name is shown.
    legalName: text("legal_name"),
    kind: text("kind", { enum: PRODUCER_KINDS }).notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    area: text("area").notNull(), // copied from the commune for filters (former district)
    address: text("address").notNull(),
    phone: text("phone").notNull(), // E.164
    story: text("story").notNull().default(""),
    photoImageId: text("photo_image_id").references(() => images.id),
    taxCode: text("tax_code"), // required for cooperatives and enterprises (docs/decisions/074)
    gs1CompanyPrefix: text("gs1_company_prefix"),
    status: text("status", { enum: PRODUCER_STATUSES }).notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    verifiedAt: timestamp("verified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("producers_owner_idx").on(t.ownerUserId), index("producers_status_idx").on(t.status), index("producers_commune_idx").on(t.communeCode)],
);

export const CERT_KINDS = ["vietgap", "globalgap", "organic", "ocop", "other"] as const;
export type CertKind = (typeof CERT_KINDS)[number];

export const certifications = sqliteTable(
  "certifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CERT_KINDS }).notNull(),
    ocopStars: integer("ocop_stars"), // 3, 4 or 5 when kind = ocop
    name: text("name"), // free name when kind = other
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    validFrom: text("valid_from").notNull(), // ISO date YYYY-MM-DD
    validTo: text("valid_to").notNull(), // ISO date; expired certificates stop showing as valid
    scanImageId: text("scan_image_id").references(() => images.id),
    createdAt: createdAt(),
  },
  (t) => [index("certifications_producer_idx").on(t.producerId), check("ocop_stars_range", sql`${t.ocopStars} is null or ${t.ocopStars} between 3 and 5`)],
);

export type Producer = typeof producers.$inferSelect;
export type Certification = typeof certifications.$inferSelect;
