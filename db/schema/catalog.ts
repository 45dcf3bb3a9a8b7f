import { sqliteTable, text, integer, index, check, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt } from "./_columns";
import { producers } from "./producers";
import { images } from "./images";

export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  sort: integer("sort").notNull().default(0),
});

export const PRODUCT_STATUSES = ["draft", "published", "hidden"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    description: text("description").notNull().default(""),
    descriptionEn: text("description_en"),
    gtin: text("gtin").unique(), // stored as GTIN-14
    status: text("status", { enum: PRODUCT_STATUSES }).notNull().default("draft"),
    // Set by province staff; a moderated listing stays hidden until they lift it.
    moderationHiddenReason: text("moderation_hidden_reason"),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("products_producer_idx").on(t.producerId), index("products_category_idx").on(t.categoryId), index("products_status_idx").on(t.status)],
);

export const productVariants = sqliteTable(
  "product_variants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    label: text("label").notNull(), // e.g. "Hộp 200g"
    netWeightGrams: integer("net_weight_grams"),
    priceVnd: integer("price_vnd").notNull(),
    stock: integer("stock").notNull().default(0),
    sku: text("sku"),
    sort: integer("sort").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("variants_product_idx").on(t.productId),
    uniqueIndex("variants_sku_idx").on(t.productId, t.sku),
    check("variant_price_positive", sql`${t.priceVnd} > 0`),
    check("variant_stock_non_negative", sql`${t.stock} >= 0`),
  ],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    imageId: text("image_id")
      .notNull()
      .references(() => images.id),
    alt: text("alt").notNull().default(""),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.sort)],
);

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type ProductVariant = typeof productVariants.$inferSelect;
