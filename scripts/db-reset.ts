/** Deletes the database file (development only), then migrates and seeds it afresh. */
import fs from "node:fs";
import { parseEnv } from "../app/utils/env.server";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seed } from "../db/seed";

const config = parseEnv(process.env);
if (config.LIVE) {
  console.error("db:reset refuses to run in live production (NODE_ENV=production without DEMO_MODE=1).");
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(config.DATABASE_PATH + suffix, { force: true });
const db = openDatabase(config.DATABASE_PATH);
migrateDatabase(db);
console.log(`Reset ${config.DATABASE_PATH}: ${JSON.stringify(await seed(db))}`);
db.$client.close();
