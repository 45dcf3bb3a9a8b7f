/** Run by `npm start` before the server: migrate, then fill demo data on first start. */
import { migrateDatabase } from "../db/migrate";
import { seed } from "../db/seed";
import { users } from "../db/schema";
import { openAppDatabase } from "./_db";

const { db, path } = openAppDatabase();
migrateDatabase(db);
const hasUsers = db.select({ id: users.id }).from(users).limit(1).get();
if (!hasUsers || process.env.SEED === "always") {
  const summary = await seed(db);
  console.log(`Demo data loaded into ${path}: ${JSON.stringify(summary)}`);
} else {
  console.log(`Database ${path} is migrated and already has data.`);
}
db.$client.close();
