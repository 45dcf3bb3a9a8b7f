/**
 * Stripe webhook (docs/decisions/033-stripe-webhooks.md): the raw body's signature is verified,
 * then the event id goes in under a UNIQUE key and the change is applied in the SAME transaction,
 * so a duplicate delivery changes nothing twice and a crash leaves neither half. Checkout events
 * are routed by `metadata.kind` to the payable that created the session.
 */
import { eq } from "drizzle-orm";
import { json } from "@remix-run/node";
import { stripeEvents } from "#db/schema";
import type { DB } from "#db/client";
import { db as appDb } from "~/utils/db.server";
import { stripeWebhooks, stripeWebhookSecret, type Stripe } from "~/utils/stripe.server";
import { applyOrderCheckoutEvent } from "~/models/order/payment.server";
import { applyTillCheckoutEvent } from "~/models/market/till-card.server";
import type { CheckoutKindHandler } from "./types";

/** One line per kind of thing paid by card (`metadata.kind` set by ./stripe-checkout.server.ts). */
const checkoutHandlers: Record<string, CheckoutKindHandler> = {
  order: applyOrderCheckoutEvent,
  till: applyTillCheckoutEvent,
};

export type StripeEventResult = { duplicate: boolean; outcome: string };

/** Raw body, signature check, then the event is stored and applied once. */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return json({ error: "method not allowed" }, { status: 405 });
  const payload = await request.text();
  const signature = request.headers.get("stripe-signature");
  if (!signature) return json({ error: "missing Stripe-Signature header" }, { status: 400 });
  let event: Stripe.Event;
  try {
    event = stripeWebhooks.constructEvent(payload, signature, stripeWebhookSecret());
  } catch {
    return json({ error: "invalid signature" }, { status: 400 });
  }
  if (!event?.id || !event.type || !event.data?.object) return json({ error: "malformed event" }, { status: 400 });
  const result = handleStripeEvent(event);
  return json({ received: true, duplicate: result.duplicate, outcome: result.outcome });
}

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
