import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

/** 200 {"ok":true} when the app and its database answer. */
export async function loader() {
  try {
    db.get(sql`select 1`);
    return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database did not answer", error);
    return json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
