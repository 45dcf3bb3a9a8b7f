import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, redirectDocument } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useEffect } from "react";
import { canShopperCancel, cancelOrderByShopper } from "~/models/order/cancel.server";
import { findOrderForViewer, orderDetail } from "~/models/order/read.server";
import { startCardPayment } from "~/models/order/payment.server";
import { bankTransferInstructions } from "~/models/order/payment.server";
import { getViewer } from "~/utils/viewer.server";
import { readForm } from "~/utils/forms.server";
import { clientKey, consume, limiters } from "~/utils/rate-limit.server";
import { cardPaymentsEnabled, stripeTestMode } from "~/utils/stripe.server";
import { findMarket } from "~/data/markets";
import { getFixedT } from "~/i18n/server";
import { formatDateTime, formatVnd } from "~/utils/format";
import { formatVietnamPhone } from "~/utils/phone";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await getViewer(request);
  const order = findOrderForViewer(String(params.code), viewer);
  if (!order) throw new Response("Not found", { status: 404 });
  const { parts, events } = orderDetail(order.id);
  const awaiting = order.status === "open" && order.paymentStatus === "unpaid" && order.paymentMethod !== "cod";
  return json(
    {
      title: getFixedT(request, "orders")("detail.title", { code: order.code }),
      order: {
        code: order.code,
        status: order.status,
        paymentMethod: order.paymentMethod,
        paymentStatus: order.paymentStatus,
        subtotalVnd: order.subtotalVnd,
        deliveryVnd: order.deliveryVnd,
        totalVnd: order.totalVnd,
        refundedVnd: order.refundedVnd,
        customerName: order.customerName,
        customerPhone: formatVietnamPhone(order.customerPhone),
        addressLine: order.addressLine,
        otherProvince: order.otherProvince,
        createdAt: order.createdAt.toISOString(),
      },
      parts: parts.map((p) => ({
        id: p.id,
        status: p.status,
        producerName: p.producerName,
        deliveryMethod: p.deliveryMethod,
        marketName: findMarket(p.marketSlug)?.name ?? null,
        deliveryFeeVnd: p.deliveryFeeVnd,
        subtotalVnd: p.subtotalVnd,
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        lines: p.lines.map((l) => ({ id: l.id, productName: l.productName, variantLabel: l.variantLabel, quantity: l.quantity, lineTotalVnd: l.lineTotalVnd })),
      })),
      events: events.map((e) => ({ id: e.id, kind: e.kind, createdAt: e.createdAt.toISOString(), details: e.details ?? {} })),
      bank: awaiting && order.paymentMethod === "bank" ? bankTransferInstructions(order) : null,
      cardPending: awaiting && order.paymentMethod === "card",
      cardAvailable: cardPaymentsEnabled(),
      testMode: stripeTestMode(),
      canCancel: canShopperCancel(order, parts),
      awaiting,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, user } = await getViewer(request);
  const order = findOrderForViewer(String(params.code), viewer);
  if (!order) throw new Response("Not found", { status: 404 });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  switch (intent) {
    case "pay-card": {
      const limited = await consume(limiters.payment, clientKey(request, context));
      if (!limited.ok) return json({ error: "orders:errors.tooFast" }, { status: 429 });
      if (!cardPaymentsEnabled()) return json({ error: "orders:errors.cardUnavailable" }, { status: 400 });
      try {
        // A full document load: the hosted page is not a route of this app (same origin for the stand-in).
        return redirectDocument(await startCardPayment(order.id));
      } catch (error) {
        console.warn("Card checkout could not start", error);
        return json({ error: "orders:errors.cardFailed" }, { status: 502 });
      }
    }
    case "cancel": {
      const ok = await cancelOrderByShopper(order.id, user?.id ?? null);
      if (!ok) return json({ error: "orders:errors.cannotCancelNow" }, { status: 409 });
      return redirect(`/orders/${order.code}`);
    }
    default:
      return json({ error: "orders:errors.unknownIntent" }, { status: 400 });
  }
}

export default function OrderPage() {
  const { t, i18n } = useTranslation("orders");
  const data = useLoaderData<typeof loader>();
  const { order } = data;
  const revalidator = useRevalidator();

  // While a payment is awaited, ask the server every 2 s whether it arrived; refresh when it did.
  useEffect(() => {
    if (!data.awaiting) return;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/orders/${order.code}/status`, { headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const s = (await res.json()) as { paymentStatus: string; status: string };
        if (s.paymentStatus !== order.paymentStatus || s.status !== order.status) revalidator.revalidate();
      } catch {
        // Offline for a moment: try again on the next tick.
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [data.awaiting, order.code, order.paymentStatus, order.status, revalidator]);

  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("detail.title", { code: order.code })}</h1>
      <div className="card flex flex-wrap items-center gap-3" data-testid="order-summary">
        <span className="badge bg-stone-100 text-stone-900" data-testid="order-status">
          {t(`status.${order.status}`)}
        </span>
        <span
          className={`badge ${order.paymentStatus === "paid" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
          data-testid="payment-status"
          data-status={order.paymentStatus}
        >
          {t(`paymentStatus.${order.paymentStatus}`)}
        </span>
        <span>{t(`paymentMethod.${order.paymentMethod}`)}</span>
        <strong className="ml-auto text-lg">{formatVnd(order.totalVnd)}</strong>
      </div>

      {data.bank ? (
        <section className="card" data-testid="bank-instructions">
          <h2 className="mb-2 text-lg font-bold">{t("bank.title")}</h2>
          <p className="mb-3">{t("bank.scan")}</p>
          <img src={`/orders/${order.code}/vietqr.png`} alt={t("bank.qrAlt")} width={240} height={240} className="mx-auto" data-testid="vietqr" />
          <dl className="mt-3 grid grid-cols-[auto,1fr] gap-x-3 gap-y-1">
            <dt>{t("bank.bank")}</dt>
            <dd className="font-semibold">{data.bank.bankName}</dd>
            <dt>{t("bank.account")}</dt>
            <dd>
              <CopyText value={data.bank.account} testId="bank-account" />
            </dd>
            <dt>{t("bank.accountName")}</dt>
            <dd className="font-semibold">{data.bank.accountName}</dd>
            <dt>{t("bank.amount")}</dt>
            <dd>
              <CopyText value={String(data.bank.amountVnd)} display={formatVnd(data.bank.amountVnd)} testId="bank-amount" />
            </dd>
            <dt>{t("bank.memo")}</dt>
            <dd>
              <CopyText value={data.bank.memo} testId="bank-memo" />
            </dd>
          </dl>
          <p className="hint mt-2">{t("bank.memoHint")}</p>
          <p className="mt-2" role="status">
            {t("bank.waiting")}
          </p>
        </section>
      ) : null}

      {data.cardPending ? (
        <section className="card" data-testid="card-instructions">
          <p className="mb-3">{t("card.pending")}</p>
          {data.cardAvailable ? (
            <Form method="post">
              <button type="submit" name="intent" value="pay-card" className="btn-primary">
                {t("card.pay")}
              </button>
              {data.testMode ? <p className="hint mt-2">{t("card.testMode")}</p> : null}
            </Form>
          ) : null}
        </section>
      ) : null}

      {order.paymentMethod === "cod" && order.paymentStatus === "unpaid" && order.status === "open" ? (
        <p className="card">{t("cod.instructions", { amount: formatVnd(order.totalVnd) })}</p>
      ) : null}

      {data.parts.map((p) => (
        <section key={p.id} className="card" data-testid="order-part">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-bold">{p.producerName}</h2>
            <span className="badge bg-stone-100 text-stone-900" data-testid="part-status">
              {t(`partStatus.${p.status}`)}
            </span>
          </div>
          <ul className="my-2">
            {p.lines.map((l) => (
              <li key={l.id}>
                {l.productName} — {l.variantLabel} × {l.quantity}: {formatVnd(l.lineTotalVnd)}
              </li>
            ))}
          </ul>
          <p className="text-sm text-stone-700">
            {t(`delivery.${p.deliveryMethod}`)}
            {p.marketName ? `: ${p.marketName}` : ""}
            {p.deliveryFeeVnd ? ` (${formatVnd(p.deliveryFeeVnd)})` : ""}
            {p.trackingNumber ? ` — ${t("tracking", { carrier: p.carrier, number: p.trackingNumber })}` : ""}
          </p>
        </section>
      ))}

      <section className="card">
        <h2 className="mb-2 text-lg font-bold">{t("detail.timeline")}</h2>
        <ol className="space-y-1" data-testid="timeline">
          {data.events.map((e) => (
            <li key={e.id}>
              <span className="text-stone-600">{formatDateTime(e.createdAt, i18n.language)}</span> — {t(`event.${e.kind}`, { defaultValue: e.kind })}
            </li>
          ))}
        </ol>
      </section>

      <section className="card text-sm text-stone-700">
        <p>
          {order.customerName} · {order.customerPhone}
        </p>
        <p>
          {order.addressLine}
          {order.otherProvince ? `, ${order.otherProvince}` : ""}
        </p>
        <p>
          {t("detail.subtotal")}: {formatVnd(order.subtotalVnd)} · {t("detail.delivery")}: {formatVnd(order.deliveryVnd)}
          {order.refundedVnd ? ` · ${t("detail.refunded")}: ${formatVnd(order.refundedVnd)}` : ""}
        </p>
      </section>

      <div className="flex flex-wrap gap-2">
        {data.canCancel ? (
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="btn-danger">
              {t("detail.cancel")}
            </button>
          </Form>
        ) : null}
        <Link to="/orders" className="btn-secondary">
          {t("history.title")}
        </Link>
      </div>
    </div>
  );
}

function CopyText({ value, display, testId }: { value: string; display?: string; testId: string }) {
  const { t } = useTranslation("orders");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code className="rounded bg-stone-100 px-2 py-1 text-base font-semibold" data-testid={testId}>
        {display ?? value}
      </code>
      <button
        type="button"
        className="btn-secondary btn-small"
        onClick={() => {
          void navigator.clipboard?.writeText(value).catch(() => undefined);
        }}
      >
        {t("bank.copy")}
      </button>
    </span>
  );
}
