import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { marketOverview, marketsVisibleTo } from "~/models/market/overview.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatVnd } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const visible = marketsVisibleTo(user);
  if (user.role !== "admin" && visible.length === 0) throw new Response("Forbidden", { status: 403 });
  return json(
    {
      title: getFixedT(request, "market")("overview.title"),
      markets: visible.map(({ market, communeName }) => {
        const o = marketOverview(market.id);
        return {
          slug: market.slug,
          name: market.name,
          commune: communeName,
          area: market.area,
          stalls: o.stallCount,
          pending: o.pendingCount,
          total: o.totals.total,
          cashlessShare: o.cashlessShare,
          quiet: o.quiet.length,
        };
      }),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function MarketsOverview() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("market");
  return (
    <div>
      <h1 className="page-title">{t("overview.title")}</h1>
      <p className="mb-4">
        <Link to="/admin/stalls">{t("review.title")}</Link>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="markets">
          <thead>
            <tr className="text-left text-stone-600">
              <th className="py-1">{t("overview.market")}</th>
              <th>{t("overview.stalls")}</th>
              <th className="text-right">{t("overview.takings30")}</th>
              <th className="text-right">{t("overview.cashless")}</th>
              <th className="text-right">{t("overview.quiet")}</th>
            </tr>
          </thead>
          <tbody>
            {data.markets.map((m) => (
              <tr key={m.slug} className="border-t border-stone-200">
                <td className="py-2">
                  <Link to={`/admin/markets/${m.slug}`}>{m.name}</Link>
                  <br />
                  <span className="text-xs text-stone-600">
                    {m.commune} ({m.area})
                  </span>
                </td>
                <td>
                  {m.stalls}
                  {m.pending ? <span className="badge ml-1 bg-amber-100 text-amber-900">+{m.pending}</span> : null}
                </td>
                <td className="text-right">{formatVnd(m.total)}</td>
                <td className="text-right">{Math.round(m.cashlessShare * 100)}%</td>
                <td className="text-right">{m.quiet}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
