import { getSessionUser } from "./session.server";
import { readGuestId } from "./cart-cookie.server";
import type { CartIdentity } from "~/models/cart.server";
import type { Viewer } from "~/models/order/read.server";

/** Who is looking: the signed-in user (if any) and the guest cart cookie id (if any). */
export async function getViewer(request: Request) {
  const [user, guestId] = await Promise.all([getSessionUser(request), readGuestId(request)]);
  const identity: CartIdentity = { userId: user?.id ?? null, guestId: user ? null : guestId };
  const viewer: Viewer = { userId: user?.id ?? null, role: user?.role ?? null, guestId };
  return { user, guestId, identity, viewer };
}
