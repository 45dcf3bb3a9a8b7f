import { migrateDatabase } from "../db/migrate";
import { openAppDatabase } from "./_db";

const { db, path } = openAppDatabase();
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${path}`);
