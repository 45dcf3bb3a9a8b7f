import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOwnProducts } from "~/models/product.server";
import { requireOwnProducer } from "~/models/producer.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatVnd } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  return json({ title: getFixedT(request, "producer")("products.title"), products: listOwnProducts(producer.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function OwnProducts() {
  const { t } = useTranslation("producer");
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p>
        <Link to="/dashboard">← {t("dashboard.back")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <Link to="/dashboard/products/new" className="btn-primary">
        + {t("dashboard.newProduct")}
      </Link>
      {data.products.length === 0 ? <p className="text-stone-700">{t("products.empty")}</p> : null}
      <ul className="space-y-2" data-testid="own-products">
        {data.products.map((p) => (
          <li key={p.id} className="card flex flex-wrap items-center gap-3">
            <Link to={`/dashboard/products/${p.id}`} className="text-lg font-semibold">
              {p.name}
            </Link>
            <span className="badge bg-stone-200 text-stone-800">{t(`products.status.${p.status}`)}</span>
            {p.moderationHiddenReason ? (
              <span className="badge bg-red-100 text-red-900">{t("products.moderated", { reason: p.moderationHiddenReason })}</span>
            ) : null}
            <span className="ml-auto text-sm text-stone-600">
              {t("products.variantCount", { count: p.variantCount })}
              {p.minPrice !== null ? ` · ${formatVnd(p.minPrice)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
