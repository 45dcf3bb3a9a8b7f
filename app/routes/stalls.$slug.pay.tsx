import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirectDocument } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TillChargeSchema } from "~/schemas/market";
import { FormErrors, Honeypot } from "~/components/forms";
import { createTillCharge } from "~/models/market/till.server";
import { getPublicStall } from "~/models/market/stall.server";
import { cardPaymentsEnabled, cardTestMode } from "~/models/payments/stripe-checkout.server";
import { startTillCardPayment } from "~/models/market/till-card.server";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { clientKey, consume, limiters } from "~/utils/rate-limit.server";
import { pageMeta } from "~/utils/meta";

/**
 * The poster's card QR opens this page: the shopper types the amount and pays through Stripe
 * Checkout. The charge lands on the stall's till and ledger once Stripe's webhook confirms it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = getPublicStall(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  return json(
    {
      title: `${found.stall.name} — ${found.market.name}`,
      stall: { name: found.stall.name, number: found.stall.stallNumber, market: found.market.name },
      card: cardPaymentsEnabled(),
      testMode: cardPaymentsEnabled() && cardTestMode(),
      paid: new URL(request.url).searchParams.get("paid") === "1",
      idempotencyKey: crypto.randomBytes(16).toString("base64url"),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = getPublicStall(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const formData = await readForm(request);
  const amount = String(formData.get("amount") ?? "");
  if (isBotSubmission(formData)) return json({ error: "validation.bot", amount }, { status: 400 });
  if (!cardPaymentsEnabled()) return json({ error: "market:validation.cardUnavailable", amount }, { status: 400 });
  const limited = await consume(limiters.payment, `stall-pay:${clientKey(request, context as { clientIp?: string })}`);
  if (!limited.ok) return json({ error: "market:validation.tooMany", amount }, { status: 429 });
  const parsed = TillChargeSchema.safeParse({ amount, method: "card", idempotencyKey: formData.get("idempotencyKey") ?? undefined });
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "market:validation.amountInvalid", amount }, { status: 400 });
  const { charge } = createTillCharge({
    stallId: found.stall.id,
    amount: parsed.data.amount,
    method: "card",
    idempotencyKey: `pay-${parsed.data.idempotencyKey}`,
  });
  if (charge.status !== "pending") return json({ error: "market:validation.formExpired", amount }, { status: 409 });
  const url = await startTillCardPayment(found.stall, charge);
  if (!url) return json({ error: "market:validation.cardFailed", amount }, { status: 502 });
  // A full-page redirect: Checkout is not a route of this app (even when the stand-in shares our origin).
  return redirectDocument(url, 303);
}

export default function StallPay() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("market");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("pay.title")}</h1>
      <p className="mb-4 text-stone-700">
        {data.stall.name} · {data.stall.number} · {data.stall.market}
      </p>
      {data.paid ? (
        <p className="rounded-xl bg-green-700 p-6 text-center text-xl font-bold text-white" role="status" data-testid="pay-done">
          {t("pay.done")}
        </p>
      ) : !data.card ? (
        <p className="card">{t("validation.cardUnavailable")}</p>
      ) : (
        <Form method="post" className="card" noValidate>
          <FormErrors errors={actionData?.error ? [actionData.error] : null} />
          <Honeypot />
          <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
          <label htmlFor="pay-amount" className="label">
            {t("till.amount")}
          </label>
          <input
            id="pay-amount"
            name="amount"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            className="input text-2xl"
            defaultValue={actionData?.amount ?? ""}
          />
          <p className="hint">{t("pay.hint")}</p>
          <button type="submit" className="btn-primary mt-4 w-full" disabled={navigation.state !== "idle"}>
            {t("pay.submit")}
          </button>
          {data.testMode ? <p className="mt-3 text-sm font-semibold text-amber-800">{t("charge.cardTestMode")}</p> : null}
        </Form>
      )}
    </div>
  );
}
