import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/server";
import { listLots } from "~/models/trace.server";
import { requireOwnProducer } from "~/utils/trace-guard.server";
import { formatDate } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  return json({ title: getFixedT(request, "trace")("dashboard.lotsTitle"), lots: listLots(producer.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function Lots() {
  const { lots } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("trace");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t("dashboard.lotsTitle")}</h1>
      <div className="mb-4 flex flex-wrap gap-2">
        <Link to="/dashboard/lots/new" className="btn-primary">
          + {t("dashboard.newLot")}
        </Link>
        <Link to="/dashboard/plots" className="btn-secondary">
          {t("dashboard.plotsLink")}
        </Link>
      </div>
      {lots.length === 0 ? <p>{t("dashboard.lotsEmpty")}</p> : null}
      <ul className="space-y-2">
        {lots.map((l) => (
          <li key={l.id}>
            <Link to={`/dashboard/lots/${l.id}`} className="card block no-underline" data-testid="lot">
              <span className="block font-semibold text-stone-900">{l.productName}</span>
              <span className="block text-sm text-stone-700">
                {t("page.lot", { lot: l.lotNumber })} · {t("page.code", { code: l.traceCode })} · {formatDate(`${l.harvestDate}T12:00:00+07:00`, i18n.language)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
