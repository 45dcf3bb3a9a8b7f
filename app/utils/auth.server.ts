import { redirect } from "@remix-run/node";
import type { Role, User } from "#db/schema";
import { getSessionUser } from "./session.server";

/**
 * Guards: one line at the top of a protected loader or action.
 *   const user = await requireUser(request);
 *   const admin = await requireRole(request, "admin");
 * Not signed in → redirect to /login?redirectTo=…; signed in with the wrong role → 403 page.
 */
export async function requireUser(request: Request): Promise<User> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<User> {
  const user = await requireUser(request);
  // Province staff may open every role's pages (support, moderation).
  if (!roles.includes(user.role) && user.role !== "admin") {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** For sign-in / sign-up pages: a signed-in user goes home instead. */
export async function requireAnonymous(request: Request) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homeFor(user.role));
}

export function homeFor(role: Role): string {
  switch (role) {
    case "admin":
      return "/admin";
    case "producer":
      return "/dashboard";
    case "trader":
      return "/till";
    default:
      return "/account";
  }
}
