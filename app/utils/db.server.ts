import { openDatabase, type DB } from "#db/client";
import { env } from "./env.server";

/**
 * One connection per process (convention 12). Migrations are NOT run here: scripts/db-setup.ts
 * runs them before the server starts.
 */
const globalForDb = globalThis as unknown as { __chosoDb?: DB };

export function getDb(): DB {
  globalForDb.__chosoDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.__chosoDb;
}

/** A lazily-opened handle: `db.select()…` opens the file on first use. */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function closeDatabase() {
  const current = globalForDb.__chosoDb;
  if (current) {
    current.$client.close();
    globalForDb.__chosoDb = undefined;
  }
}

/** For tests: point the app at a given database handle. */
export function setDatabaseForTests(handle: DB) {
  globalForDb.__chosoDb = handle;
}

export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
