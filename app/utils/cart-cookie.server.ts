import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

/**
 * The guest's cart id, in a signed cookie (docs/decisions/030-cart-and-checkout.md). The same id lets a
 * guest see the orders they placed from this browser; it is merged into the account at sign-in.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
export function cartCookie() {
  cookie ??= createCookie("__cart", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().NODE_ENV === "production" && env().PUBLIC_URL.startsWith("https://"),
    secrets: env().SESSION_SECRETS,
    maxAge: 60 * 24 * 60 * 60,
  });
  return cookie;
}

export async function readGuestId(request: Request): Promise<string | null> {
  const value = (await cartCookie().parse(request.headers.get("Cookie"))) as unknown;
  return typeof value === "string" && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : null;
}

export function newGuestId() {
  return crypto.randomBytes(24).toString("base64url");
}

export function serializeGuestId(id: string) {
  return cartCookie().serialize(id);
}
