import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { RoleHome } from "~/components/role-home";
import { OrderLinks } from "~/components/order-links";
import { getProducerOfUser } from "~/models/producer.server";
import { listOwnProducts } from "~/models/product.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "producer");
  const producer = getProducerOfUser(user.id);
  const products = producer ? listOwnProducts(producer.id) : [];
  return json({
    title: getFixedT(request)("dashboard.producerTitle"),
    name: user.name,
    role: user.role,
    producer: producer
      ? { name: producer.name, slug: producer.slug, status: producer.status, rejectionReason: producer.rejectionReason, area: producer.area }
      : null,
    counts: {
      products: products.length,
      published: products.filter((p) => p.status === "published" && !p.moderationHiddenReason).length,
      drafts: products.filter((p) => p.status === "draft").length,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

/** The producer's hub: big buttons, plain words. Other features add their buttons to the grid. */
export default function Page() {
  const { t } = useTranslation("producer");
  const { t: tTrace } = useTranslation("trace");
  const data = useLoaderData<typeof loader>();
  const producer = data.producer;
  return (
    <RoleHome title={data.title} name={data.name} role={data.role}>
      {!producer ? (
        <section className="card">
          <h2 className="text-lg font-bold">{t("dashboard.noProducerTitle")}</h2>
          <p className="mb-4 text-stone-700">{t("dashboard.noProducerText")}</p>
          <Link to="/sell" className="btn-primary">
            {t("dashboard.applyButton")}
          </Link>
        </section>
      ) : (
        <>
          <section className="card mb-4" data-testid="producer-status" data-status={producer.status}>
            <h2 className="text-lg font-bold">
              {producer.name} · {producer.area}
            </h2>
            {producer.status === "verified" ? (
              <p className="text-tea-800">✓ {t("status.verified")}</p>
            ) : producer.status === "pending" ? (
              <p className="text-amber-800">{t("status.pending")}</p>
            ) : (
              <div className="text-red-900">
                <p className="font-semibold">{t("status.rejected")}</p>
                <p data-testid="rejection-reason">{t("status.reason", { reason: producer.rejectionReason })}</p>
              </div>
            )}
            <p className="mt-2 text-sm text-stone-600">
              {t("dashboard.counts", { products: data.counts.products, published: data.counts.published, drafts: data.counts.drafts })}
            </p>
          </section>
          <nav aria-label={t("dashboard.menu")} className="grid gap-3 sm:grid-cols-2" data-testid="dashboard-links">
            <Link to="/dashboard/products" className="btn-primary min-h-[64px] text-lg">
              {t("dashboard.products")}
            </Link>
            <Link to="/dashboard/products/new" className="btn-secondary min-h-[64px] text-lg">
              {t("dashboard.newProduct")}
            </Link>
            <Link to="/dashboard/certifications" className="btn-secondary min-h-[64px] text-lg">
              {t("dashboard.certifications")}
            </Link>
            <Link to="/sell" className="btn-secondary min-h-[64px] text-lg">
              {t("dashboard.profile")}
            </Link>
            {producer.status === "verified" ? (
              <Link to={`/producers/${producer.slug}`} className="btn-secondary min-h-[64px] text-lg">
                {t("dashboard.publicPage")}
              </Link>
            ) : null}
            <Link to="/dashboard/lots" className="btn-secondary min-h-[64px] text-lg" data-testid="trace-card">
              {tTrace("dashboard.card")}
            </Link>
          </nav>
          <div className="mt-4">
            <OrderLinks role={data.role} />
          </div>
        </>
      )}
    </RoleHome>
  );
}
