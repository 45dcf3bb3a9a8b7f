import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmBankTransferByHand } from "~/models/order/payment.server";
import { ordersContainingLot } from "~/models/order/read.server";
import { FeeSchema } from "~/schemas/orders";
import { deleteDeliveryFee, listDeliveryFees, upsertDeliveryFee } from "~/models/delivery-fee.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { db } from "~/utils/db.server";
import { auditLog } from "#db/schema";
import { getFixedT } from "~/i18n/server";
import { formatDate, formatVnd } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

/** Admin: "orders containing lot X" (recall) and the delivery fee table. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const lot = (new URL(request.url).searchParams.get("lot") ?? "").slice(0, 40);
  const hits = lot ? ordersContainingLot(lot).map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) : [];
  return json({
    title: getFixedT(request, "orders")("admin.title"),
    lot,
    hits,
    fees: listDeliveryFees().map((f) => ({ key: f.key, label: f.label, feeVnd: f.feeVnd })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  switch (intent) {
    case "save-fee": {
      const parsed = FeeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "orders:errors.feeKey" }, { status: 400 });
      db.transaction((tx) => {
        upsertDeliveryFee(tx as never, parsed.data);
        tx.insert(auditLog)
          .values({ actorUserId: admin.id, action: "delivery_fee.save", subjectType: "delivery_fee", subjectId: parsed.data.key, details: parsed.data })
          .run();
      });
      return redirect("/admin/orders");
    }
    case "delete-fee": {
      const key = String(formData.get("key") ?? "");
      db.transaction((tx) => {
        deleteDeliveryFee(tx as never, key);
        tx.insert(auditLog).values({ actorUserId: admin.id, action: "delivery_fee.delete", subjectType: "delivery_fee", subjectId: key }).run();
      });
      return redirect("/admin/orders");
    }
    case "confirm-transfer": {
      const code = String(formData.get("orderCode") ?? "").slice(0, 20);
      const note = String(formData.get("note") ?? "")
        .trim()
        .slice(0, 300);
      if (!note) return json({ error: "orders:errors.reasonRequired" }, { status: 400 });
      if (!confirmBankTransferByHand(code, admin.id, note)) return json({ error: "orders:errors.cannotConfirm" }, { status: 409 });
      return redirect("/admin/orders");
    }
    default:
      return json({ error: "orders:errors.unknownIntent" }, { status: 400 });
  }
}

export default function AdminOrders() {
  const { t, i18n } = useTranslation("orders");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <h1 className="page-title">{t("admin.title")}</h1>
      <section className="card">
        <h2 className="mb-2 text-lg font-bold">{t("admin.recall")}</h2>
        <Form method="get" className="flex gap-2">
          <label htmlFor="lot" className="sr-only">
            {t("admin.lotCode")}
          </label>
          <input id="lot" name="lot" className="input" defaultValue={data.lot} placeholder="TC26XUAN" />
          <button type="submit" className="btn-primary">
            {t("admin.find")}
          </button>
        </Form>
        {data.lot ? (
          data.hits.length ? (
            <table className="mt-3 w-full text-left text-sm" data-testid="recall-hits">
              <thead>
                <tr>
                  <th>{t("admin.order")}</th>
                  <th>{t("admin.date")}</th>
                  <th>{t("admin.customer")}</th>
                  <th>{t("admin.product")}</th>
                  <th>{t("admin.quantity")}</th>
                </tr>
              </thead>
              <tbody>
                {data.hits.map((h, i) => (
                  <tr key={i}>
                    <td>{h.orderCode}</td>
                    <td>{formatDate(h.createdAt, i18n.language)}</td>
                    <td>
                      {h.customerName} {h.customerPhone}
                    </td>
                    <td>
                      {h.productName} — {h.variantLabel}
                    </td>
                    <td>{h.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3">{t("admin.noHits", { lot: data.lot })}</p>
          )
        ) : null}
      </section>
      <section className="card">
        <h2 className="mb-2 text-lg font-bold">{t("admin.confirmTransfer")}</h2>
        <p className="hint mb-2">{t("admin.confirmTransferHint")}</p>
        <Form method="post" className="grid gap-2 sm:grid-cols-3">
          <input name="orderCode" className="input" placeholder="CS…" aria-label={t("admin.order")} />
          <input name="note" className="input" placeholder={t("admin.notePlaceholder")} aria-label={t("admin.note")} />
          <button type="submit" name="intent" value="confirm-transfer" className="btn-primary">
            {t("admin.confirm")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2 className="mb-2 text-lg font-bold">{t("admin.fees")}</h2>
        <p className="hint mb-2">{t("admin.feesHint")}</p>
        {actionData?.error ? (
          <p className="field-error" role="alert">
            {t(actionData.error.replace(/^orders:/, ""))}
          </p>
        ) : null}
        <table className="w-full text-left text-sm">
          <tbody>
            {data.fees.map((f) => (
              <tr key={f.key}>
                <td className="font-mono">{f.key}</td>
                <td>{f.label}</td>
                <td>{formatVnd(f.feeVnd)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="key" value={f.key} />
                    <button type="submit" name="intent" value="delete-fee" className="btn-secondary btn-small">
                      {t("admin.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" className="mt-3 grid gap-2 sm:grid-cols-4">
          <input name="key" className="input" placeholder="area:dai-tu" aria-label={t("admin.feeKey")} />
          <input name="label" className="input" placeholder="Đại Từ" aria-label={t("admin.feeLabel")} />
          <input name="feeVnd" className="input" inputMode="numeric" placeholder="25000" aria-label={t("admin.feeAmount")} />
          <button type="submit" name="intent" value="save-fee" className="btn-primary">
            {t("admin.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}
