import { sqliteTable, text, index } from "drizzle-orm/sqlite-core";

/**
 * Thái Nguyên's commune-level units in force since 2025-07-01 (two-tier system).
 * `area` is the former district (huyện / thành phố), kept only as a grouping label.
 * Reference data, loaded from db/data/communes.json by the migrate script.
 */
export const communes = sqliteTable(
  "communes",
  {
    code: text("code").primaryKey(), // official 5-digit code
    name: text("name").notNull(), // e.g. "Xã Tân Cương"
    type: text("type", { enum: ["xa", "phuong"] }).notNull(),
    area: text("area").notNull(), // former district, e.g. "Đại Từ"
    areaSlug: text("area_slug").notNull(), // e.g. "dai-tu"
    formerProvince: text("former_province").notNull(),
    teaArea: text("tea_area"), // e.g. "Tân Cương" when the unit holds a famous tea area
  },
  (t) => [index("communes_area_slug_idx").on(t.areaSlug)],
);

export type Commune = typeof communes.$inferSelect;
