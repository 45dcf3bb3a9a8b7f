import { sqliteTable, text, integer, blob, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt } from "./_columns";

/**
 * Uploaded and generated pictures live in the database (see docs/decisions/004-images-in-sqlite.md):
 * `images.id` is the SHA-256 of the re-encoded original, so URLs are content-keyed and immutable.
 */
export const images = sqliteTable("images", {
  id: text("id").primaryKey(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  createdAt: createdAt(),
});

export const imageFiles = sqliteTable(
  "image_files",
  {
    imageId: text("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    width: integer("width").notNull(), // one of IMAGE_WIDTHS, or the original width when smaller
    contentType: text("content_type").notNull(), // image/webp
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] })],
);

export type Image = typeof images.$inferSelect;
