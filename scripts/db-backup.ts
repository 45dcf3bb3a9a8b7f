/** Online backup of the SQLite file (safe while the server runs): data/backups/cho-so-<time>.db */
import path from "node:path";
import fs from "node:fs";
import { openAppDatabase } from "./_db";

const { db, path: dbPath } = openAppDatabase();
const dir = process.argv[2] ?? path.join(path.dirname(dbPath), "backups");
fs.mkdirSync(dir, { recursive: true });
const target = path.join(dir, `cho-so-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
await db.$client.backup(target);
db.$client.close();
console.log(`Backup written to ${target}`);
