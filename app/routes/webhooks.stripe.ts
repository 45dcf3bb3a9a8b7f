import { json, type ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/models/payments/stripe-events.server";

/** Stripe → us: raw body, signature check, then the event is stored and applied once. */
export const action = ({ request }: ActionFunctionArgs) => handleStripeWebhook(request);
export const loader = () => json({ error: "POST only" }, { status: 405 });
