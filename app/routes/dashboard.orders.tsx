import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PartActionSchema, readLotCodes } from "~/schemas/orders";
import { actOnPart, listProducerParts, producerIdsOf, type PartAction } from "~/models/order/queue.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { findMarket } from "~/data/markets";
import { getFixedT } from "~/i18n/server";
import { formatDateTime, formatVnd } from "~/utils/format";
import { formatVietnamPhone } from "~/utils/phone";
import { pageMeta } from "~/utils/meta";

/** The producer's order queue: only the parts of orders that are theirs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "producer");
  const filter = new URL(request.url).searchParams.get("show") === "done" ? "done" : "active";
  const parts = listProducerParts(producerIdsOf(user.id), filter).map((p) => ({
    id: p.id,
    status: p.status,
    deliveryMethod: p.deliveryMethod,
    marketName: findMarket(p.marketSlug)?.name ?? null,
    subtotalVnd: p.subtotalVnd,
    deliveryFeeVnd: p.deliveryFeeVnd,
    carrier: p.carrier,
    trackingNumber: p.trackingNumber,
    cancelReason: p.cancelReason,
    order: { ...p.order, customerPhone: formatVietnamPhone(p.order.customerPhone), createdAt: p.order.createdAt.toISOString() },
    lines: p.lines.map((l) => ({
      id: l.id,
      productName: l.productName,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      lotCode: l.lotCode,
      lotOptions: l.lotOptions,
    })),
  }));
  return json({ title: getFixedT(request, "orders")("queue.title"), parts, filter }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "producer");
  const formData = await readForm(request);
  const parsed = PartActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const intent = formData.get("intent");
    const known = ["confirm", "pack", "ship", "deliver", "cancel"].includes(String(intent));
    return json(
      {
        error: known ? (parsed.error.issues[0]?.message ?? "orders:errors.wrongStep") : "orders:errors.unknownIntent",
        partId: Number(formData.get("partId")) || null,
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  let act: PartAction;
  switch (input.intent) {
    case "confirm":
      act = { intent: "confirm" };
      break;
    case "pack":
      act = { intent: "pack", lots: readLotCodes(formData) };
      break;
    case "ship":
      act = { intent: "ship", carrier: input.carrier, trackingNumber: input.trackingNumber };
      break;
    case "deliver":
      act = { intent: "deliver", cashReceived: input.cashReceived === "on" };
      break;
    case "cancel":
      act = { intent: "cancel", reason: input.reason };
      break;
    default:
      return json({ error: "orders:errors.unknownIntent", partId: null }, { status: 400 });
  }
  const result = await actOnPart(input.partId, producerIdsOf(user.id), user.id, act);
  if (!result.ok)
    return json(
      { error: `orders:${result.error.replace(/^orders\./, "errors.")}`, partId: input.partId },
      { status: result.error === "orders.notYourOrder" ? 404 : 409 },
    );
  return json({ error: null, partId: input.partId });
}

export default function ProducerOrders() {
  const { t, i18n } = useTranslation("orders");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div>
      <h1 className="page-title">{t("queue.title")}</h1>
      <nav className="mb-4 flex gap-2">
        <Link to="/dashboard/orders" className={params.get("show") === "done" ? "btn-secondary btn-small" : "btn-primary btn-small"}>
          {t("queue.active")}
        </Link>
        <Link to="/dashboard/orders?show=done" className={params.get("show") === "done" ? "btn-primary btn-small" : "btn-secondary btn-small"}>
          {t("queue.done")}
        </Link>
      </nav>
      {data.parts.length === 0 ? <p className="card">{t("queue.empty")}</p> : null}
      <ul className="space-y-4">
        {data.parts.map((p) => {
          const waitingPayment = p.order.paymentMethod !== "cod" && p.order.paymentStatus !== "paid";
          return (
            <li key={p.id} className="card" data-testid="queue-part" data-order-code={p.order.code}>
              <div className="flex flex-wrap items-baseline gap-2">
                <strong>{p.order.code}</strong>
                <span className="text-sm text-stone-600">{formatDateTime(p.order.createdAt, i18n.language)}</span>
                <span className="badge bg-stone-100 text-stone-900" data-testid="part-status">
                  {t(`partStatus.${p.status}`)}
                </span>
                <span className="badge bg-stone-100 text-stone-900">
                  {t(`paymentMethod.${p.order.paymentMethod}`)} · {t(`paymentStatus.${p.order.paymentStatus}`)}
                </span>
                <strong className="ml-auto">{formatVnd(p.subtotalVnd + p.deliveryFeeVnd)}</strong>
              </div>
              <p className="text-sm">
                {p.order.customerName} · {p.order.customerPhone} · {p.order.addressLine}
              </p>
              <p className="text-sm text-stone-700">
                {t(`delivery.${p.deliveryMethod}`)}
                {p.marketName ? `: ${p.marketName}` : ""}
              </p>
              {actionData?.error && actionData.partId === p.id ? (
                <p className="field-error" role="alert">
                  {t(actionData.error.replace(/^orders:/, ""))}
                </p>
              ) : null}
              {p.status === "confirmed" ? (
                <Form method="post" className="mt-2">
                  <input type="hidden" name="partId" value={p.id} />
                  <ul className="space-y-2">
                    {p.lines.map((l) => (
                      <li key={l.id}>
                        <label className="label" htmlFor={`lot_${l.id}`}>
                          {l.productName} — {l.variantLabel} × {l.quantity}: {t("queue.lotCode")}
                        </label>
                        {l.lotOptions.length ? (
                          <select id={`lot_${l.id}`} name={`lot_${l.id}`} className="input" defaultValue={l.lotOptions[0]!.code}>
                            <option value="">{t("queue.noLot")}</option>
                            {l.lotOptions.map((o) => (
                              <option key={o.code} value={o.code}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input id={`lot_${l.id}`} name={`lot_${l.id}`} className="input" placeholder="TC26XUAN" />
                        )}
                      </li>
                    ))}
                  </ul>
                  <button type="submit" name="intent" value="pack" className="btn-primary mt-2">
                    {t("queue.pack")}
                  </button>
                </Form>
              ) : (
                <ul className="my-2">
                  {p.lines.map((l) => (
                    <li key={l.id}>
                      {l.productName} — {l.variantLabel} × {l.quantity}
                      {l.lotCode ? ` · ${t("queue.lot", { code: l.lotCode })}` : ""}
                    </li>
                  ))}
                </ul>
              )}
              {p.status === "placed" ? (
                waitingPayment ? (
                  <p className="hint">{t("queue.waitingPayment")}</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="partId" value={p.id} />
                    <button type="submit" name="intent" value="confirm" className="btn-primary">
                      {t("queue.confirm")}
                    </button>
                  </Form>
                )
              ) : null}
              {p.status === "packed" ? (
                <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-3">
                  <input type="hidden" name="partId" value={p.id} />
                  <div>
                    <label className="label" htmlFor={`carrier_${p.id}`}>
                      {t("queue.carrier")}
                    </label>
                    <input id={`carrier_${p.id}`} name="carrier" className="input" placeholder="Viettel Post" />
                  </div>
                  <div>
                    <label className="label" htmlFor={`tracking_${p.id}`}>
                      {t("queue.tracking")}
                    </label>
                    <input id={`tracking_${p.id}`} name="trackingNumber" className="input" />
                  </div>
                  <button type="submit" name="intent" value="ship" className="btn-primary self-end">
                    {t("queue.ship")}
                  </button>
                </Form>
              ) : null}
              {p.status === "shipped" ? (
                <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
                  <input type="hidden" name="partId" value={p.id} />
                  <p className="w-full text-sm">{t("tracking", { carrier: p.carrier, number: p.trackingNumber })}</p>
                  {p.order.paymentMethod === "cod" ? (
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name="cashReceived" /> {t("queue.cashReceived", { amount: formatVnd(p.subtotalVnd + p.deliveryFeeVnd) })}
                    </label>
                  ) : null}
                  <button type="submit" name="intent" value="deliver" className="btn-primary">
                    {t("queue.deliver")}
                  </button>
                </Form>
              ) : null}
              {p.status === "placed" || p.status === "confirmed" || p.status === "packed" ? (
                <details className="mt-3">
                  <summary className="cursor-pointer text-red-800">{t("queue.cancel")}</summary>
                  <Form method="post" className="mt-2 space-y-2">
                    <input type="hidden" name="partId" value={p.id} />
                    <label className="label" htmlFor={`reason_${p.id}`}>
                      {t("queue.reason")}
                    </label>
                    <input id={`reason_${p.id}`} name="reason" className="input" />
                    <button type="submit" name="intent" value="cancel" className="btn-danger">
                      {t("queue.cancelConfirm")}
                    </button>
                  </Form>
                </details>
              ) : null}
              {p.cancelReason ? <p className="text-sm text-red-800">{p.cancelReason.replace(/^producer:/, "")}</p> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
