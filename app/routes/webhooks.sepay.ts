import { json, type ActionFunctionArgs } from "@remix-run/node";
import { handleBankWebhook } from "~/models/payments/bank-webhooks.server";

/** SePay bank-transfer notification (`Authorization: Apikey …`). */
export const action = ({ request }: ActionFunctionArgs) => handleBankWebhook("sepay", request);
export const loader = () => json({ success: false, error: "POST only" }, { status: 405 });
