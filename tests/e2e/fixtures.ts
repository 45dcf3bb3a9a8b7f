/**
 * E2E fixtures. `loginAs(email)` signs in through the database and a signed cookie, not the form
 * (convention 15); only the sign-in test itself uses the form.
 */
import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createCookieSessionStorage } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { openDatabase, type DB } from "../../db/client";
import { sessions, users } from "../../db/schema";
import config, { E2E_DB, E2E_PORT } from "../../playwright.config";

export const DEMO_PASSWORD = "choso-demo-2026";
export const DEMO = {
  admin: "admin@choso.test",
  producer: "tancuong@choso.test",
  trader: "trader@choso.test",
  shopper: "shopper@choso.test",
} as const;

let db: DB | undefined;
export function e2eDb(): DB {
  db ??= openDatabase(E2E_DB);
  return db;
}

const secret = (config.webServer as { env: Record<string, string> }).env.SESSION_SECRET!;
const storage = createCookieSessionStorage<{ sessionId: string }>({
  cookie: { name: "__session", httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] },
});

export async function loginAs(page: Page, email: string) {
  const user = e2eDb().select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`No user ${email} in the e2e database`);
  const id = crypto.randomBytes(32).toString("base64url");
  e2eDb()
    .insert(sessions)
    .values({ id, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) })
    .run();
  const session = await storage.getSession();
  session.set("sessionId", id);
  const setCookie = await storage.commitSession(session);
  const value = setCookie.split(";")[0]!.split("=").slice(1).join("=");
  await page.context().addCookies([{ name: "__session", value, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
  return user;
}

/** Fails the test on any console error or uncaught page error. */
export const test = base.extend<{ failOnConsoleError: void }>({
  failOnConsoleError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" && !/Failed to load resource: the server responded with a status of (400|403|404|409|422|429)/.test(msg.text())) {
          errors.push(msg.text());
        }
      });
      page.on("pageerror", (err) => errors.push(String(err)));
      await use();
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, E2E_PORT };
