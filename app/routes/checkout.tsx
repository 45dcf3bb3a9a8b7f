import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, redirectDocument } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { useRef } from "react";
import { asc } from "drizzle-orm";
import { communes } from "#db/schema";
import { CheckoutSchema, readDeliveries, type CheckoutFields } from "~/schemas/checkout";
import { Field, FormErrors, Honeypot } from "~/components/forms";
import { getCart } from "~/models/cart.server";
import { CheckoutError, placeOrder, quoteCart, type DeliveryChoice } from "~/models/order/place.server";
import { expireStaleBankOrders } from "~/models/order/cancel.server";
import { startCardPayment } from "~/models/order/payment.server";
import { getViewer } from "~/utils/viewer.server";
import { db } from "~/utils/db.server";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { normalizeVietnamPhone } from "~/utils/phone";
import { cardPaymentsEnabled, stripeTestMode } from "~/utils/stripe.server";
import { clientKey, consume, limiters } from "~/utils/rate-limit.server";
import { PICKUP_MARKETS } from "~/data/markets";
import { getFixedT } from "~/i18n/server";
import { formatVnd } from "~/utils/format";
import { pageMeta } from "~/utils/meta";
import { recordCheckoutConsent } from "~/models/consent.server";
import { ConsentCheckbox } from "~/components/consent-checkbox";

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity, user } = await getViewer(request);
  // Stock held by long-unpaid bank transfers goes back on sale (cheap; also a cron script).
  expireStaleBankOrders();
  const cart = getCart(identity);
  if (cart.groups.length === 0) throw redirect("/cart");
  const quote = quoteCart(db, cart, { communeCode: null, otherProvince: null }, {});
  const communeList = db
    .select({ code: communes.code, name: communes.name, area: communes.area })
    .from(communes)
    .orderBy(asc(communes.area), asc(communes.name))
    .all();
  return json(
    {
      title: getFixedT(request, "cart")("checkout.title"),
      quote,
      communes: communeList,
      markets: PICKUP_MARKETS,
      card: { enabled: cardPaymentsEnabled(), testMode: stripeTestMode() },
      defaults: { customerName: user?.name ?? "", customerPhone: user?.phone ?? "" },
      // A fresh key per visit: a double tap or a retry of the same submission makes one order.
      idempotencyKey: crypto.randomBytes(18).toString("base64url"),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: CheckoutSchema });
  const { identity } = await getViewer(request);
  const cart = getCart(identity);
  const deliveries = readDeliveries(
    formData,
    cart.groups.map((g) => g.producerId),
  );
  const intent = formData.get("intent") ?? "place";

  if (intent === "quote") {
    const communeCode = formData.get("place") === "tn" ? String(formData.get("communeCode") ?? "") || null : null;
    const safe: Record<number, DeliveryChoice | undefined> = {};
    for (const [k, v] of Object.entries(deliveries)) safe[Number(k)] = v ?? { method: "delivery" };
    const validCommune = communeCode && /^\d{5}$/.test(communeCode) ? communeCode : null;
    const quote = quoteCart(db, cart, { communeCode: validCommune, otherProvince: validCommune ? null : "other" }, safe);
    // Keep what was typed (a no-JavaScript "recalculate" re-renders the page), without error messages.
    return json({ kind: "quote" as const, quote, lastResult: { initialValue: submission.payload } as SubmissionResult<string[]> });
  }
  if (intent !== "place") return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: ["cart:errors.unknownIntent"] }) }, { status: 400 });
  if (isBotSubmission(formData)) return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: ["validation.bot"] }) }, { status: 400 });
  const limited = await consume(limiters.payment, clientKey(request, context));
  if (!limited.ok) return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: ["cart:errors.tooFast"] }) }, { status: 429 });
  if (submission.status !== "success") return json({ kind: "error" as const, lastResult: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (v.paymentMethod === "card" && !cardPaymentsEnabled()) {
    return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: ["cart:errors.cardUnavailable"] }) }, { status: 400 });
  }
  if (cart.groups.some((g) => !deliveries[g.producerId])) {
    return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: ["cart:errors.deliveryInvalid"] }) }, { status: 400 });
  }
  let placed;
  try {
    placed = placeOrder({
      identity,
      idempotencyKey: v.idempotencyKey,
      customerName: v.customerName,
      customerPhone: normalizeVietnamPhone(v.customerPhone)!,
      communeCode: v.place === "tn" ? (v.communeCode ?? null) : null,
      otherProvince: v.place === "other" ? (v.otherProvince ?? null) : null,
      addressLine: v.addressLine,
      note: v.note ?? null,
      paymentMethod: v.paymentMethod,
      deliveries,
      expectedSubtotalVnd: v.expectedSubtotalVnd ?? null,
    });
  } catch (error) {
    if (error instanceof CheckoutError) {
      const status = error.code === "checkout.emptyCart" ? 400 : 409;
      const names = Array.isArray(error.details.names) ? (error.details.names as string[]).join(", ") : "";
      return json({ kind: "error" as const, lastResult: submission.reply({ formErrors: [`cart:errors.${error.code.split(".")[1]}`] }), names }, { status });
    }
    throw error;
  }
  const { order } = placed;
  recordCheckoutConsent(request, order);
  if (order.paymentMethod === "card" && order.status === "open" && order.paymentStatus === "unpaid") {
    try {
      // A full document load: the hosted page is not a route of this app (same origin for the stand-in).
      return redirectDocument(await startCardPayment(order.id));
    } catch (error) {
      console.warn("Card checkout could not start", error);
      return redirect(`/orders/${order.code}?payment=retry`);
    }
  }
  return redirect(`/orders/${order.code}`);
}

type ActionData = {
  kind: "error" | "quote";
  lastResult?: SubmissionResult<string[]>;
  names?: string;
  quote?: ReturnType<typeof useLoaderData<typeof loader>>["quote"];
};

export default function Checkout() {
  const { t } = useTranslation("cart");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const quoter = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, fields] = useForm<CheckoutFields>({
    lastResult: actionData?.lastResult,
    // Validation runs on the server only (docs/decisions/009): zod stays out of the browser.
    defaultValue: { ...data.defaults, place: "tn", paymentMethod: data.card.enabled ? "card" : "bank" },
  });
  const liveQuote = (quoter.data as ActionData | undefined)?.quote ?? (actionData?.kind === "quote" ? actionData.quote : undefined) ?? data.quote;
  const requote = () => {
    if (!formRef.current) return;
    const fd = new FormData(formRef.current);
    fd.set("intent", "quote");
    quoter.submit(fd, { method: "post" });
  };
  const err = (errors?: string[] | null) =>
    errors?.length ? t(errors[0]!.replace(/^cart:/, ""), { ns: errors[0]!.startsWith("cart:") ? "cart" : "common" }) : undefined;
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "place";

  return (
    <div>
      <h1 className="page-title">{t("checkout.title")}</h1>
      {/* A full document POST: placing an order ends on another page (or Stripe's), never mid-way in the SPA. */}
      <Form
        method="post"
        reloadDocument
        {...getFormProps(form)}
        ref={formRef}
        noValidate
        className="space-y-4"
        onChange={(e) => {
          // Only delivery choices change the total; the server recomputes it.
          const name = (e.target as HTMLInputElement).name ?? "";
          if (name === "communeCode" || name === "place" || name.startsWith("delivery_") || name.startsWith("market_")) requote();
        }}
      >
        <FormErrors errors={form.errors} />
        {actionData?.names ? <p className="text-red-900">{actionData.names}</p> : null}
        <Honeypot />
        <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
        <input type="hidden" name="expectedSubtotalVnd" value={data.quote.subtotalVnd} />

        <section className="card">
          <h2 className="mb-3 text-lg font-bold">{t("checkout.contact")}</h2>
          <Field id="customerName" label={t("checkout.name")} errors={fields.customerName.errors}>
            <input
              id="customerName"
              name="customerName"
              className="input"
              autoComplete="name"
              defaultValue={fields.customerName.initialValue as string}
              aria-invalid={!!fields.customerName.errors || undefined}
            />
          </Field>
          <Field id="customerPhone" label={t("checkout.phone")} hint={t("checkout.phoneHint")} errors={fields.customerPhone.errors}>
            <input
              id="customerPhone"
              name="customerPhone"
              className="input"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              defaultValue={fields.customerPhone.initialValue as string}
              aria-invalid={!!fields.customerPhone.errors || undefined}
            />
          </Field>
          <fieldset className="mb-4">
            <legend className="label">{t("checkout.where")}</legend>
            <label className="mr-4 inline-flex items-center gap-2">
              <input type="radio" name="place" value="tn" defaultChecked /> {t("checkout.inThaiNguyen")}
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="place" value="other" /> {t("checkout.otherProvince")}
            </label>
          </fieldset>
          <div>
            <Field id="communeCode" label={t("checkout.commune")} errors={fields.communeCode.errors}>
              <select id="communeCode" name="communeCode" className="input" defaultValue={(fields.communeCode.initialValue as string) ?? ""}>
                <option value="">{t("checkout.chooseCommune")}</option>
                {groupByArea(data.communes).map(([area, list]) => (
                  <optgroup key={area} label={area}>
                    {list.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </Field>
          </div>
          <div>
            <Field id="otherProvince" label={t("checkout.provinceName")} errors={fields.otherProvince.errors}>
              <input id="otherProvince" name="otherProvince" className="input" defaultValue={(fields.otherProvince.initialValue as string) ?? ""} />
            </Field>
          </div>
          <Field id="addressLine" label={t("checkout.address")} hint={t("checkout.addressHint")} errors={fields.addressLine.errors}>
            <input
              id="addressLine"
              name="addressLine"
              className="input"
              autoComplete="street-address"
              defaultValue={(fields.addressLine.initialValue as string) ?? ""}
              aria-invalid={!!fields.addressLine.errors || undefined}
            />
          </Field>
          <Field id="note" label={t("checkout.note")} errors={fields.note.errors}>
            <textarea id="note" name="note" className="input" rows={2} defaultValue={(fields.note.initialValue as string) ?? ""} />
          </Field>
        </section>

        {liveQuote.groups.map((g) => (
          <section key={g.producerId} className="card" data-testid="checkout-group">
            <h2 className="mb-2 text-lg font-bold">{t("from", { producer: g.producerName })}</h2>
            <ul className="mb-3 text-stone-800">
              {g.lines.map((l) => (
                <li key={l.variantId}>
                  {l.productName} — {l.label} × {l.quantity}: {formatVnd(l.lineTotalVnd)}
                </li>
              ))}
            </ul>
            <fieldset>
              <legend className="label">{t("checkout.deliveryFor", { producer: g.producerName })}</legend>
              {(["delivery", "pickup_producer", "pickup_market"] as const).map((m) => (
                <label key={m} className="flex items-center gap-2 py-1">
                  <input type="radio" name={`delivery_${g.producerId}`} value={m} defaultChecked={m === "delivery"} />
                  {t(`delivery.${m}`)}
                  {m === "delivery" ? ` (${formatVnd(liveQuote.deliveryFeeVnd)})` : ""}
                </label>
              ))}
              <label className="label mt-2" htmlFor={`market_${g.producerId}`}>
                {t("checkout.market")}
              </label>
              <select id={`market_${g.producerId}`} name={`market_${g.producerId}`} className="input" defaultValue={data.markets[0]!.slug}>
                {data.markets.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {m.name}
                  </option>
                ))}
              </select>
            </fieldset>
          </section>
        ))}

        <section className="card">
          <fieldset>
            <legend className="mb-2 text-lg font-bold">{t("checkout.payment")}</legend>
            {data.card.enabled ? (
              <label className="flex items-start gap-2 py-2">
                <input type="radio" name="paymentMethod" value="card" defaultChecked className="mt-1" />
                <span>
                  {t("payment.card")}
                  {data.card.testMode ? <span className="badge ml-2 bg-amber-100 text-amber-900">{t("payment.testMode")}</span> : null}
                </span>
              </label>
            ) : null}
            <label className="flex items-start gap-2 py-2">
              <input type="radio" name="paymentMethod" value="bank" defaultChecked={!data.card.enabled} className="mt-1" />
              <span>{t("payment.bank")}</span>
            </label>
            <label className="flex items-start gap-2 py-2">
              <input type="radio" name="paymentMethod" value="cod" className="mt-1" />
              <span>{t("payment.cod")}</span>
            </label>
          </fieldset>
          {fields.paymentMethod.errors ? <p className="field-error">{err(fields.paymentMethod.errors)}</p> : null}
        </section>

        <section className="card space-y-1" aria-live="polite">
          <p>
            {t("subtotal")}: {formatVnd(liveQuote.subtotalVnd)}
          </p>
          <p>
            {t("checkout.deliveryTotal")}: {formatVnd(liveQuote.deliveryVnd)}
          </p>
          <p className="text-xl font-bold">
            {t("checkout.total")}: <span data-testid="checkout-total">{formatVnd(liveQuote.totalVnd)}</span>
          </p>
          <p className="hint">{t("checkout.totalHint")}</p>
          <ConsentCheckbox
            id="privacyConsent"
            name="privacyConsent"
            errors={fields.privacyConsent.errors}
            hint="checkoutHint"
            defaultChecked={fields.privacyConsent.initialValue === "yes"}
          />
          <div className="flex flex-wrap gap-2 pt-2">
            <button type="submit" name="intent" value="place" className="btn-primary" disabled={submitting}>
              {t("checkout.place")}
            </button>
            <button type="submit" name="intent" value="quote" className="btn-secondary" formNoValidate>
              {t("checkout.recalculate")}
            </button>
          </div>
        </section>
      </Form>
    </div>
  );
}

function groupByArea<T extends { area: string }>(list: T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const c of list) map.set(c.area, [...(map.get(c.area) ?? []), c]);
  return [...map.entries()];
}
