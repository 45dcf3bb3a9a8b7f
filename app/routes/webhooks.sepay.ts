import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { SepayWebhookSchema } from "~/schemas/bank-webhooks";
import { parseVietnamLocalTime, receiveBankTransfer, verifySepayAuthorization } from "~/models/bank-transfer.server";
import { sepayApiKey } from "~/utils/env.server";

/** SePay bank-transfer notification. Answers {"success":true} once stored (duplicates included). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ success: false, error: "method not allowed" }, { status: 405 });
  const key = sepayApiKey();
  if (!key) return json({ success: false, error: "SEPAY_API_KEY is not configured" }, { status: 503 });
  if (!verifySepayAuthorization(request.headers.get("Authorization"), key)) {
    return json({ success: false, error: "invalid API key" }, { status: 401 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ success: false, error: "body is not JSON" }, { status: 400 });
  }
  const parsed = SepayWebhookSchema.safeParse(body);
  if (!parsed.success) {
    return json({ success: false, error: "invalid payload", issues: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  }
  const p = parsed.data;
  const transactionAt = parseVietnamLocalTime(p.transactionDate);
  if (!transactionAt) return json({ success: false, error: "invalid transactionDate" }, { status: 400 });
  const result = receiveBankTransfer({
    provider: "sepay",
    providerTxnId: p.id,
    accountNumber: p.accountNumber ?? null,
    bankName: p.gateway ?? null,
    amount: p.transferAmount,
    direction: p.transferType,
    content: p.content,
    reference: p.referenceCode ?? null,
    transactionAt,
    raw: body,
  });
  return json({ success: true, duplicate: result.duplicate, status: result.notification.status });
}

export async function loader() {
  return json({ success: false, error: "POST only" }, { status: 405 });
}
