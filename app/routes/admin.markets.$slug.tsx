import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canViewMarket, marketOverview } from "~/models/market/overview.server";
import { getMarketBySlug } from "~/models/market/stall.server";
import { requireUser } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";
import { formatVnd } from "~/utils/format";
import { TakingsChart } from "~/components/bar-chart";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const market = getMarketBySlug(params.slug ?? "");
  if (!market) throw new Response("Not Found", { status: 404 });
  if (!canViewMarket(user, market.id)) throw new Response("Forbidden", { status: 403 });
  const o = marketOverview(market.id);
  return json(
    {
      title: market.name,
      market: { name: market.name, address: market.address, openingHours: market.openingHours },
      stallCount: o.stallCount,
      totals: o.totals,
      cashlessShare: o.cashlessShare,
      series: o.series,
      quiet: o.quiet.map((s) => ({ slug: s.slug, name: s.name, number: s.stallNumber })),
      stalls: o.stalls.map((s) => ({ slug: s.slug, name: s.name, number: s.stallNumber, status: s.status })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function MarketDetail() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("market");
  const labels = { vietqr: t("method.vietqr"), card: t("method.card"), cash: t("method.cash") };
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2">
        <Link to="/admin/markets">← {t("overview.title")}</Link>
      </p>
      <h1 className="page-title">{data.market.name}</h1>
      <p className="mb-4 text-stone-700">
        {data.market.address} · {data.market.openingHours}
      </p>
      <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="card">
          <dt className="text-sm text-stone-600">{t("overview.stalls")}</dt>
          <dd className="text-2xl font-bold" data-testid="stall-count">
            {data.stallCount}
          </dd>
        </div>
        <div className="card">
          <dt className="text-sm text-stone-600">{t("overview.takings30")}</dt>
          <dd className="text-xl font-bold">{formatVnd(data.totals.total)}</dd>
        </div>
        <div className="card">
          <dt className="text-sm text-stone-600">{t("overview.cashless")}</dt>
          <dd className="text-2xl font-bold" data-testid="cashless-share">
            {Math.round(data.cashlessShare * 100)}%
          </dd>
        </div>
        <div className="card">
          <dt className="text-sm text-stone-600">{t("overview.quiet")}</dt>
          <dd className="text-2xl font-bold">{data.quiet.length}</dd>
        </div>
      </dl>
      <TakingsChart days={data.series} title={t("overview.chartTitle")} labels={labels} />
      <section className="mt-4">
        <h2 className="mb-2 font-semibold">{t("overview.quietTitle")}</h2>
        {data.quiet.length ? (
          <ul className="list-disc pl-5" data-testid="quiet-stalls">
            {data.quiet.map((s) => (
              <li key={s.slug}>
                {s.number} · {s.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600">{t("overview.noneQuiet")}</p>
        )}
      </section>
      <section className="mt-4">
        <h2 className="mb-2 font-semibold">{t("overview.allStalls")}</h2>
        <ul className="space-y-1">
          {data.stalls.map((s) => (
            <li key={s.slug}>
              {s.status === "approved" ? (
                <Link to={`/stalls/${s.slug}`}>
                  {s.number} · {s.name}
                </Link>
              ) : (
                `${s.number} · ${s.name}`
              )}{" "}
              <span className="text-xs text-stone-600">({t(`stall.status.${s.status}`)})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
