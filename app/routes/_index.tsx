import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { homePageData } from "~/models/catalog.server";
import { verifiedProducersByArea } from "~/models/producer.server";
import { ProductGrid } from "~/components/storefront";
import { publicPageHeaders } from "~/utils/cache.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request);
  return json(
    { title: t("home.title"), description: t("app.tagline"), ...homePageData(), areas: verifiedProducersByArea() },
    { headers: publicPageHeaders(request) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);

export default function Home() {
  const { t } = useTranslation();
  const { t: ts, i18n } = useTranslation("storefront");
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-tea-800 p-6 text-white sm:p-10">
        <h1 className="text-2xl font-bold sm:text-4xl">{t("home.heroTitle")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-tea-50">{t("home.heroText")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to="/products" className="btn bg-white text-tea-800 hover:bg-tea-50">
            {t("home.browse")}
          </Link>
          <Link to="/t" className="btn border border-white text-white hover:bg-tea-700">
            {t("home.traceCta")}
          </Link>
        </div>
      </section>

      {data.featured.length ? (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title" className="mb-3 text-xl font-bold">
            {ts("home.featuredTea")}
          </h2>
          <ProductGrid products={data.featured} />
        </section>
      ) : null}

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="mb-3 text-xl font-bold">
          {ts("home.categories")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {data.categories.map((c) => (
            <li key={c.slug}>
              <Link to={`/products?category=${c.slug}`} className="btn-secondary">
                {i18n.language === "en" ? c.nameEn : c.nameVi} <span className="text-stone-500">({c.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="newest-title">
        <h2 id="newest-title" className="mb-3 text-xl font-bold">
          {ts("home.newest")}
        </h2>
        <ProductGrid products={data.newest} />
        <p className="mt-3">
          <Link to="/products?sort=newest">{ts("home.seeAll")}</Link>
        </p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title" className="mb-3 text-xl font-bold">
          {ts("home.producersByArea")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {data.areas.map((a) => (
            <div key={a.areaSlug} className="card">
              <h3 className="font-bold">
                <Link to={`/products?area=${a.areaSlug}`}>{a.area}</Link>
              </h3>
              <ul className="mt-1 text-sm">
                {a.producers.map((p) => (
                  <li key={p.slug}>
                    <Link to={`/producers/${p.slug}`}>{p.name}</Link> <span className="text-stone-600">· {p.communeName}</span>
                  </li>
                ))}
              </ul>
              {a.total > a.producers.length ? (
                <p className="mt-1 text-sm">
                  <Link to={`/products?area=${a.areaSlug}`}>{ts("home.moreInArea", { count: a.total - a.producers.length })}</Link>
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <div className="card">
          <h2 className="text-lg font-bold">{t("home.forProducers")}</h2>
          <p className="mt-1 text-stone-700">{t("home.forProducersText")}</p>
          <Link to="/sell" className="btn-primary mt-3">
            {ts("home.applyToSell")}
          </Link>
        </div>
        <div className="card">
          <h2 className="text-lg font-bold">{t("home.forTraders")}</h2>
          <p className="mt-1 text-stone-700">{t("home.forTradersText")}</p>
        </div>
      </section>
    </div>
  );
}
