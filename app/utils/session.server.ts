import crypto from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "#db/schema";
import { db } from "./db.server";
import { env } from "./env.server";
import { readGuestId } from "./cart-cookie.server";
import { mergeGuestCart } from "~/models/cart.server";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

// The cookie holds only a signed session id; the session itself lives in the `sessions` table,
// so signing out (or an admin) can end it for real.
let storage: ReturnType<typeof createCookieSessionStorage<{ sessionId: string }>> | undefined;
export function sessionStorage() {
  storage ??= createCookieSessionStorage<{ sessionId: string }>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().NODE_ENV === "production" && env().PUBLIC_URL.startsWith("https://"),
      secrets: env().SESSION_SECRETS,
      maxAge: SESSION_TTL_MS / 1000,
    },
  });
  return storage;
}

export function getCookieSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

/** The signed-in user, or null for a missing, forged, expired or revoked session cookie. */
export async function getSessionUser(request: Request) {
  const cookieSession = await getCookieSession(request);
  const sessionId = cookieSession.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const row = db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
    .get();
  return row?.user ?? null;
}

export async function createUserSession(request: Request, userId: number, redirectTo: string) {
  const id = crypto.randomBytes(32).toString("base64url");
  db.insert(sessions)
    .values({ id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
    .run();
  // Housekeeping: drop this user's expired sessions.
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())))
    .run();
  // A guest's cart (and the orders placed from this browser) join the account.
  const guestId = await readGuestId(request);
  if (guestId) mergeGuestCart(db, guestId, userId);
  const cookieSession = await getCookieSession(request);
  cookieSession.set("sessionId", id);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage().commitSession(cookieSession) },
  });
}

export async function destroyUserSession(request: Request, redirectTo = "/") {
  const cookieSession = await getCookieSession(request);
  const sessionId = cookieSession.get("sessionId");
  if (typeof sessionId === "string") db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage().destroySession(cookieSession) },
  });
}
