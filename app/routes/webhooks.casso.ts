import { json, type ActionFunctionArgs } from "@remix-run/node";
import { handleBankWebhook } from "~/models/payments/bank-webhooks.server";

/** Casso v2 webhook (`X-Casso-Signature`, HMAC-SHA512 over the sorted-key JSON body). */
export const action = ({ request }: ActionFunctionArgs) => handleBankWebhook("casso", request);
export const loader = () => json({ success: false, error: "POST only" }, { status: 405 });
