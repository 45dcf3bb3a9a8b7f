import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrdersForViewer } from "~/models/order/read.server";
import { getViewer } from "~/utils/viewer.server";
import { getFixedT } from "~/i18n/server";
import { formatDate, formatVnd } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

/** Order history: the account's orders, plus those placed as a guest from this browser. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await getViewer(request);
  const list = listOrdersForViewer(viewer).map((o) => ({
    code: o.code,
    status: o.status,
    paymentStatus: o.paymentStatus,
    paymentMethod: o.paymentMethod,
    totalVnd: o.totalVnd,
    createdAt: o.createdAt.toISOString(),
  }));
  return json(
    { title: getFixedT(request, "orders")("history.title"), orders: list, signedIn: viewer.userId != null },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function OrderHistory() {
  const { t, i18n } = useTranslation("orders");
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("history.title")}</h1>
      {data.orders.length === 0 ? (
        <p className="card">
          {t("history.empty")} {!data.signedIn ? <Link to="/login?redirectTo=/orders">{t("history.signIn")}</Link> : null}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="order-history">
          {data.orders.map((o) => (
            <li key={o.code} className="card flex flex-wrap items-center gap-3">
              <Link to={`/orders/${o.code}`} className="font-semibold">
                {o.code}
              </Link>
              <span>{formatDate(o.createdAt, i18n.language)}</span>
              <span className="badge bg-stone-100 text-stone-900">{t(`status.${o.status}`)}</span>
              <span className="badge bg-stone-100 text-stone-900">{t(`paymentStatus.${o.paymentStatus}`)}</span>
              <strong className="ml-auto">{formatVnd(o.totalVnd)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
