/**
 * Every test file gets its own fresh SQLite file, migrated, as the app's database
 * (convention 14), and fails on an unexpected console.error (convention 15).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { openDatabase, type DB } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { closeDatabase, setDatabaseForTests } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "choso-test-"));
const file = path.join(dir, "test.db");
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = file;
process.env.PUBLIC_URL = "http://localhost:3000";
resetEnvCache();

let testDb: DB;
beforeAll(() => {
  testDb = openDatabase(file);
  migrateDatabase(testDb);
  setDatabaseForTests(testDb);
});

afterAll(() => {
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

const consoleError = vi.spyOn(console, "error");
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockClear();
  if (calls.length) {
    throw new Error(`Unexpected console.error:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
  }
});

/** The test file's database handle. */
export function getTestDb(): DB {
  return testDb;
}
