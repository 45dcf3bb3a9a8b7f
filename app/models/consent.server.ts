/**
 * Consent to the privacy notice and the terms (docs/decisions/072): recorded at sign-up and at
 * checkout — what (purposes), when, in which context and which version of each document. Routes
 * call one function; the record is idempotent by its source (a retried checkout records once).
 */
import { desc, eq, inArray, or } from "drizzle-orm";
import { consents, orders, type Consent } from "#db/schema";
import type { DB } from "#db/client";
import { db as appDb, type Tx } from "~/utils/db.server";
import { currentVersion } from "~/legal/documents.server";
import { getLang } from "~/i18n/server";

/** What a person agrees to, by context. Keys are stable (stored); the page explains them. */
export const CONSENT_PURPOSES = {
  signup: ["account", "orders", "messages"],
  checkout: ["order_fulfilment", "payment", "messages"],
} as const;

export function currentDocumentVersions() {
  return { privacyVersion: currentVersion("privacy").version, termsVersion: currentVersion("terms").version };
}

type Handle = DB | Tx;

export function recordSignupConsent(userId: number, lang: "vi" | "en", handle: Handle = appDb) {
  handle
    .insert(consents)
    .values({
      sourceKey: `signup:user:${userId}`,
      userId,
      context: "signup",
      purposes: [...CONSENT_PURPOSES.signup],
      lang,
      ...currentDocumentVersions(),
    })
    .onConflictDoNothing({ target: consents.sourceKey })
    .run();
}

/** The consent ticked on the checkout form, attached to the order it was given for. */
export function recordCheckoutConsent(request: Request, order: { id: number; userId: number | null; guestId: string | null }, handle: Handle = appDb) {
  handle
    .insert(consents)
    .values({
      sourceKey: `checkout:order:${order.id}`,
      userId: order.userId,
      guestId: order.userId ? null : order.guestId,
      orderId: order.id,
      context: "checkout",
      purposes: [...CONSENT_PURPOSES.checkout],
      lang: getLang(request),
      ...currentDocumentVersions(),
    })
    .onConflictDoNothing({ target: consents.sourceKey })
    .run();
}

/** A user's consents: given while signed in, or at checkout for orders that are now theirs. */
export function consentsOfUser(userId: number, handle: Handle = appDb): Consent[] {
  const orderIds = handle.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId)).all();
  const byOrder = orderIds.length
    ? inArray(
        consents.orderId,
        orderIds.map((o) => o.id),
      )
    : undefined;
  return handle
    .select()
    .from(consents)
    .where(byOrder ? or(eq(consents.userId, userId), byOrder) : eq(consents.userId, userId))
    .orderBy(desc(consents.createdAt))
    .all();
}
