import { eq } from "drizzle-orm";
import { stripeEvents } from "#db/schema";
import type { DB } from "#db/client";
import { db as appDb, type Tx } from "~/utils/db.server";
import type { Stripe } from "~/utils/stripe.server";
import { applyOrderCheckoutEvent } from "./order.server";
import { applyTillCheckoutEvent } from "./till-card.server";

/**
 * Stripe webhook dispatch (docs/decisions/033-stripe-webhooks.md). The route has already verified the
 * signature over the raw body. Here: the event id goes in under a UNIQUE key and the change is
 * applied in the SAME transaction, so a duplicate delivery changes nothing twice and a crash leaves
 * neither half. Checkout events are routed by `metadata.kind`.
 */
export type CheckoutKindHandler = (tx: Tx, eventType: string, session: Stripe.Checkout.Session) => string;

/** One line per kind of thing paid by card. The market till (issue 6) adds `till: applyTillCheckoutEvent`. */
const checkoutHandlers: Record<string, CheckoutKindHandler> = {
  order: applyOrderCheckoutEvent,
  till: applyTillCheckoutEvent,
};

export type StripeEventResult = { duplicate: boolean; outcome: string };

export function handleStripeEvent(event: Stripe.Event, handle: DB = appDb): StripeEventResult {
  return handle.transaction(
    (tx) => {
      const object = event.data.object as { id?: string };
      const inserted = tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, objectId: object.id ?? null, outcome: "processing" })
        .onConflictDoNothing({ target: stripeEvents.id })
        .run();
      if (inserted.changes === 0) {
        const previous = tx.select({ outcome: stripeEvents.outcome }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).get();
        return { duplicate: true, outcome: previous?.outcome ?? "duplicate" };
      }
      let outcome = "ignored:type";
      if (event.type.startsWith("checkout.session.")) {
        const session = event.data.object as Stripe.Checkout.Session;
        const kind = session.metadata?.kind ?? "";
        const handler = checkoutHandlers[kind];
        outcome = handler ? handler(tx, event.type, session) : "ignored:unknown_kind";
      }
      tx.update(stripeEvents).set({ outcome }).where(eq(stripeEvents.id, event.id)).run();
      return { duplicate: false, outcome };
    },
    { behavior: "immediate" },
  );
}
