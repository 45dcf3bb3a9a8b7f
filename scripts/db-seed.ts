import { seed } from "../db/seed";
import { openAppDatabase } from "./_db";

const { db, path } = openAppDatabase();
const summary = await seed(db);
db.$client.close();
console.log(`Seeded ${path}: ${JSON.stringify(summary)}`);
