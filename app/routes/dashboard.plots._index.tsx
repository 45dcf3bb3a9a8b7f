import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/server";
import { listPlots } from "~/models/trace.server";
import { requireOwnProducer } from "~/utils/trace-guard.server";
import { formatNumber } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  return json({ title: getFixedT(request, "trace")("dashboard.plotsTitle"), plots: listPlots(producer.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function Plots() {
  const { plots } = useLoaderData<typeof loader>();
  const { t } = useTranslation("trace");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t("dashboard.plotsTitle")}</h1>
      <div className="mb-4 flex flex-wrap gap-2">
        <Link to="/dashboard/plots/new" className="btn-primary">
          + {t("dashboard.newPlot")}
        </Link>
        <Link to="/dashboard/lots" className="btn-secondary">
          {t("dashboard.lotsLink")}
        </Link>
      </div>
      {plots.length === 0 ? <p>{t("dashboard.plotsEmpty")}</p> : null}
      <ul className="space-y-2">
        {plots.map((p) => (
          <li key={p.id} className="card" data-testid="plot">
            <p className="font-semibold">{p.name}</p>
            <p className="text-sm text-stone-700">
              {p.communeName} · {formatNumber(p.areaSqm)} m² · {p.crops}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
