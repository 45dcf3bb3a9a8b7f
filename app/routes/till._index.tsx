import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TILL_INTENT, TillChargeSchema } from "~/schemas/market";
import { FormErrors } from "~/components/forms";
import { createTillCharge, pricedTillItems, stallToCheck, tillAmountInput } from "~/models/market/till.server";
import { getApprovedTraderStall, getTraderStall, stallProducts } from "~/models/market/stall.server";
import { localDate, localDayRange, stallTakings } from "~/models/market/till-ledger.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatVnd } from "~/utils/format";
import { cardPaymentsEnabled } from "~/models/payments/stripe-checkout.server";
import { startTillCardPayment } from "~/models/market/till-card.server";

const QUICK_AMOUNTS = [10000, 20000, 50000];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getTraderStall(user.id);
  if (!found || found.stall.status !== "approved") {
    return json(
      {
        title: getFixedT(request)("dashboard.traderTitle"),
        stall: null,
        application: found ? { status: found.stall.status, name: found.stall.name, market: found.market.name } : null,
      } as const,
      {
        headers: { "Cache-Control": "no-store" },
      },
    );
  }
  const { start, end } = localDayRange(localDate(new Date()));
  return json(
    {
      title: getFixedT(request)("dashboard.traderTitle"),
      application: null,
      stall: { name: found.stall.name, slug: found.stall.slug, number: found.stall.stallNumber, market: found.market.name },
      today: stallTakings(found.stall.id, start, end),
      toCheck: stallToCheck(found.stall).length,
      products: stallProducts(found.stall),
      idempotencyKey: crypto.randomBytes(16).toString("base64url"),
      card: cardPaymentsEnabled(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  if (!found) throw new Response("Forbidden", { status: 403 });
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (!TILL_INTENT.test(intent))
    return json({ error: "market:validation.methodInvalid", amount: String(formData.get("amount") ?? ""), quick: null }, { status: 400 });
  const [kind, value] = intent.split(":") as [string, string];
  if (kind === "amount") {
    // A quick-amount button without JavaScript: fill in the amount, take no payment yet.
    return json({ error: null, amount: value, quick: Number(value) });
  }

  // Items picked from the linked producer's products (scoped: only this stall's own list).
  const items = pricedTillItems(found.stall, formData.getAll("item"));
  const rawAmount = String(formData.get("amount") ?? "").trim();
  const amountInput = tillAmountInput(rawAmount, items);
  const parsed = TillChargeSchema.safeParse({
    amount: amountInput,
    method: value,
    idempotencyKey: formData.get("idempotencyKey") ?? undefined,
  });
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "market:validation.amountInvalid", amount: rawAmount, quick: null }, { status: 400 });
  }
  const { amount, method, idempotencyKey } = parsed.data;
  if (method === "card" && !cardPaymentsEnabled()) {
    return json({ error: "market:validation.cardUnavailable", amount: rawAmount, quick: null }, { status: 400 });
  }
  const { charge } = createTillCharge({ stallId: found.stall.id, amount, method, idempotencyKey, items });
  if (method === "card" && charge.status === "pending" && !charge.stripeCheckoutUrl && !(await startTillCardPayment(found.stall, charge))) {
    return json({ error: "market:validation.cardFailed", amount: rawAmount, quick: null }, { status: 502 });
  }
  return redirect(`/till/charges/${charge.id}`);
}

export default function Till() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("market");
  if (!data.stall) {
    return (
      <div className="mx-auto max-w-md" data-testid="role-home" data-role="trader">
        <h1 className="page-title">{data.title}</h1>
        {data.application ? (
          <p className="card" data-testid="stall-application">
            {t(`stall.status.${data.application.status}`)} — {data.application.name}, {data.application.market}
            {data.application.status === "rejected" ? (
              <>
                {" "}
                <Link to="/till/stall" className="font-semibold">
                  {t("stall.registerTitle")}
                </Link>
              </>
            ) : null}
          </p>
        ) : (
          <p className="card">
            {t("till.noStall")}{" "}
            <Link to="/till/stall" className="font-semibold">
              {t("stall.registerTitle")}
            </Link>
          </p>
        )}
      </div>
    );
  }
  return <TillForm />;
}

function TillForm() {
  const data = useLoaderData<typeof loader>() as Extract<ReturnType<typeof useLoaderData<typeof loader>>, { application: null }>;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("market");
  const [amount, setAmount] = useState(actionData?.amount ?? "");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (actionData) setAmount(actionData.amount ?? "");
  }, [actionData]);
  const digits = amount.replace(/\D/g, "");
  const preview = digits ? formatVnd(Number(digits)) : formatVnd(0);
  const press = (key: string) =>
    setAmount((current) => {
      const d = current.replace(/\D/g, "");
      if (key === "back") return d.slice(0, -1);
      if (key === "clear") return "";
      const next = (d + key).replace(/^0+/, "");
      return next.length > 9 ? d : next;
    });
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto max-w-md" data-testid="role-home" data-role="trader">
      <h1 className="text-xl font-bold">{data.title}</h1>
      <p className="mb-2 text-stone-700">
        <strong>{data.stall.name}</strong> · {data.stall.number} · {data.stall.market}
      </p>
      <p className="mb-3 flex flex-wrap gap-3 text-sm">
        <span data-testid="today-total">
          {t("till.today")}: <strong>{formatVnd(data.today.total)}</strong>
        </span>
        <Link to="/till/ledger">{t("ledger.title")}</Link>
        {data.toCheck ? (
          <Link to="/till/ledger#to-check" className="badge bg-amber-100 text-amber-900">
            {t("ledger.toCheckCount", { count: data.toCheck })}
          </Link>
        ) : null}
      </p>
      <Form method="post" className="card" noValidate>
        <FormErrors errors={actionData?.error ? [actionData.error] : null} />
        <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
        <label htmlFor="till-amount" className="label">
          {t("till.amount")}
        </label>
        <input
          id="till-amount"
          name="amount"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          className="input text-right text-3xl font-bold"
          value={digits}
          onChange={(e) => setAmount(e.target.value)}
          aria-describedby="till-amount-preview"
          aria-invalid={actionData?.error?.includes("amount") ? true : undefined}
        />
        <p id="till-amount-preview" className="mt-1 text-right text-lg text-stone-700" data-testid="amount-preview">
          {preview}
        </p>
        <div className="mt-3 grid grid-cols-3 gap-2">
          {QUICK_AMOUNTS.map((q) => (
            <button
              key={q}
              type="submit"
              name="intent"
              value={`amount:${q}`}
              className="btn-secondary"
              onClick={(e) => {
                e.preventDefault();
                setAmount(String(q));
              }}
            >
              {formatVnd(q)}
            </button>
          ))}
        </div>
        {hydrated ? (
          <div className="mt-3 grid grid-cols-3 gap-2" data-testid="keypad">
            {["1", "2", "3", "4", "5", "6", "7", "8", "9", "000", "0", "back"].map((k) => (
              <button key={k} type="button" className="btn-secondary text-2xl" onClick={() => press(k)} aria-label={k === "back" ? t("till.backspace") : k}>
                {k === "back" ? "⌫" : k}
              </button>
            ))}
          </div>
        ) : null}
        {data.products.length ? (
          <fieldset className="mt-4">
            <legend className="label">{t("till.items")}</legend>
            <div className="max-h-48 overflow-y-auto">
              {data.products.map((p) => (
                <label key={p.variantId} className="flex items-center gap-2 py-1">
                  <input type="checkbox" name="item" value={p.variantId} className="h-5 w-5" />
                  <span className="flex-1">
                    {p.productName} – {p.label}
                  </span>
                  <span className="text-sm text-stone-600">{formatVnd(p.priceVnd)}</span>
                </label>
              ))}
            </div>
            <p className="hint">{t("till.itemsHint")}</p>
          </fieldset>
        ) : null}
        <div className="mt-4 grid gap-2">
          <button type="submit" name="intent" value="charge:vietqr" className="btn-primary text-lg" disabled={busy}>
            {t("till.payVietqr")}
          </button>
          <div className="grid grid-cols-2 gap-2">
            <button type="submit" name="intent" value="charge:cash" className="btn-secondary" disabled={busy}>
              {t("till.payCash")}
            </button>
            {data.card ? (
              <button type="submit" name="intent" value="charge:card" className="btn-secondary" disabled={busy}>
                {t("till.payCard")}
              </button>
            ) : null}
          </div>
        </div>
      </Form>
      <p className="mt-4 text-center text-sm">
        <Link to={`/stalls/${data.stall.slug}`}>{t("stall.publicPage")}</Link> · <a href={`/stalls/${data.stall.slug}/poster.pdf`}>{t("stall.poster")}</a>
      </p>
    </div>
  );
}
