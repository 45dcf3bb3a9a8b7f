import path from "node:path";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { sql } from "drizzle-orm";
import type { DB } from "./client";
import { communes } from "./schema";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.join(here, "migrations");

type CommuneRow = typeof communes.$inferInsert;

/** Applies pending migrations, then (re)loads reference data that every environment needs. */
export function migrateDatabase(db: DB) {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  loadReferenceData(db);
}

export function loadReferenceData(db: DB) {
  const file = path.join(here, "data", "communes.json");
  const { units } = JSON.parse(fs.readFileSync(file, "utf8")) as { units: CommuneRow[] };
  db.transaction((tx) => {
    for (const u of units) {
      tx.insert(communes)
        .values(u)
        .onConflictDoUpdate({
          target: communes.code,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            area: sql`excluded.area`,
            areaSlug: sql`excluded.area_slug`,
            formerProvince: sql`excluded.former_province`,
            teaArea: sql`excluded.tea_area`,
          },
        })
        .run();
    }
  });
}
