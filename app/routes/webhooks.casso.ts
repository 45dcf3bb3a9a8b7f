import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { CassoWebhookSchema } from "~/schemas/bank-webhooks";
import { parseVietnamLocalTime, receiveBankTransfer, verifyCassoSignature } from "~/models/bank-transfer.server";
import { cassoChecksumKey } from "~/utils/env.server";

/** Casso v2 webhook: signature over the sorted-key JSON body, then the same pipeline as SePay. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ success: false, error: "method not allowed" }, { status: 405 });
  const key = cassoChecksumKey();
  if (!key) return json({ success: false, error: "CASSO_CHECKSUM_KEY is not configured" }, { status: 503 });
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return json({ success: false, error: "body is not JSON" }, { status: 400 });
  }
  if (!verifyCassoSignature(request.headers.get("X-Casso-Signature"), body, key)) {
    return json({ success: false, error: "invalid signature" }, { status: 401 });
  }
  const parsed = CassoWebhookSchema.safeParse(body);
  if (!parsed.success) {
    return json({ success: false, error: "invalid payload", issues: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  }
  const d = parsed.data.data;
  const transactionAt = parseVietnamLocalTime(d.transactionDateTime);
  if (!transactionAt) return json({ success: false, error: "invalid transactionDateTime" }, { status: 400 });
  const result = receiveBankTransfer({
    provider: "casso",
    providerTxnId: d.id,
    accountNumber: d.accountNumber ?? null,
    bankName: d.bankName ?? d.bankAbbreviation ?? null,
    amount: Math.abs(d.amount),
    direction: d.amount < 0 ? "out" : "in",
    content: d.description,
    reference: d.reference ?? null,
    transactionAt,
    raw: body,
  });
  return json({ success: true, duplicate: result.duplicate, status: result.notification.status });
}

export async function loader() {
  return json({ success: false, error: "POST only" }, { status: 405 });
}
