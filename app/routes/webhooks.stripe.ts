import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { handleStripeEvent } from "~/models/stripe-webhook.server";
import { stripeWebhooks, stripeWebhookSecret, type Stripe } from "~/utils/stripe.server";

/** Stripe → us. Raw body, signature check, then the event is stored and applied once. */
export async function action({ request }: ActionFunctionArgs) {
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

export function loader() {
  return json({ error: "POST only" }, { status: 405 });
}
