import { openDatabase } from "../db/client";
import { parseEnv } from "../app/utils/env.server";

/** The app's database, as the environment names it (scripts share the server's parsing). */
export function openAppDatabase() {
  const config = parseEnv(process.env);
  return { db: openDatabase(config.DATABASE_PATH), path: config.DATABASE_PATH };
}
