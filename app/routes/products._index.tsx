import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseCatalogueQuery } from "~/schemas/storefront.server";
import { CATALOGUE_SORTS, CERT_FILTERS } from "~/utils/domain";
import { catalogueFilterOptions, searchCatalogue } from "~/models/catalog.server";
import { ProductGrid } from "~/components/storefront";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { publicPageHeaders } from "~/utils/cache.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseCatalogueQuery(url.searchParams);
  const t = getFixedT(request, "storefront");
  return json(
    {
      title: query.q ? t("catalogue.titleSearch", { q: query.q }) : t("catalogue.title"),
      query,
      result: searchCatalogue(query),
      options: catalogueFilterOptions(),
    },
    { headers: publicPageHeaders(request) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

type Query = ReturnType<typeof useLoaderData<typeof loader>>["query"];

/** The current filters as URL parameters (empty values dropped), with overrides. */
function hrefWith(query: Query, overrides: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  const all: Record<string, unknown> = { ...query, instock: query.instock ? "1" : undefined, ...overrides };
  for (const [key, value] of Object.entries(all)) {
    if (value === undefined || value === "" || value === false) continue;
    if (key === "sort" && value === "newest") continue;
    if (key === "page" && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/products?${qs}` : "/products";
}

export default function Catalogue() {
  const { t, i18n } = useTranslation("storefront");
  const { t: tp } = useTranslation("producer");
  const { query, result, options } = useLoaderData<typeof loader>();
  const areaName = options.areas.find((a) => a.areaSlug === query.area)?.area;
  const activeFilters = [
    query.category,
    query.area,
    query.commune,
    query.cert,
    query.min,
    query.max,
    query.instock || undefined,
    query.sort !== "newest" ? query.sort : undefined,
  ].filter((v) => v !== undefined).length;
  return (
    <div className="space-y-4">
      <h1 className="page-title">{query.q ? t("catalogue.titleSearch", { q: query.q }) : t("catalogue.title")}</h1>
      {/* Plain GET form: filters live in the URL, work without JavaScript and can be shared. */}
      <Form method="get" action="/products" className="card space-y-3" data-testid="catalogue-filters">
        <div>
          <label htmlFor="f-q" className="label">
            {t("catalogue.search")}
          </label>
          <div className="flex gap-2">
            <input id="f-q" name="q" type="search" defaultValue={query.q} className="input" placeholder={t("catalogue.searchPlaceholder")} />
            <button type="submit" className="btn-primary">
              {t("catalogue.apply")}
            </button>
          </div>
        </div>
        {/* <details> folds the filters on a phone without any JavaScript; open when one is in use. */}
        <details open={activeFilters > 0} className="group">
          <summary className="btn-secondary btn-small cursor-pointer list-none" data-testid="filters-toggle">
            {t("catalogue.filters")}
            {activeFilters ? ` (${activeFilters})` : ""}
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <label htmlFor="f-category" className="label">
                {t("catalogue.category")}
              </label>
              <select id="f-category" name="category" defaultValue={query.category ?? ""} className="input">
                <option value="">{t("catalogue.all")}</option>
                {options.categories.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {i18n.language === "en" ? c.nameEn : c.nameVi}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-area" className="label">
                {t("catalogue.area")}
              </label>
              <select id="f-area" name="area" defaultValue={query.area ?? ""} className="input">
                <option value="">{t("catalogue.all")}</option>
                {options.areas.map((a) => (
                  <option key={a.areaSlug} value={a.areaSlug}>
                    {a.area}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-commune" className="label">
                {t("catalogue.commune")}
              </label>
              <select id="f-commune" name="commune" defaultValue={query.commune ?? ""} className="input">
                <option value="">{t("catalogue.all")}</option>
                {options.areas.map((a) => (
                  <optgroup key={a.areaSlug} label={a.area}>
                    {options.communes
                      .filter((c) => c.areaSlug === a.areaSlug && (!query.area || c.areaSlug === query.area))
                      .map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-cert" className="label">
                {t("catalogue.cert")}
              </label>
              <select id="f-cert" name="cert" defaultValue={query.cert ?? ""} className="input">
                <option value="">{t("catalogue.all")}</option>
                {CERT_FILTERS.map((c) => (
                  <option key={c} value={c}>
                    {c.startsWith("ocop") && c !== "ocop" ? t("catalogue.ocopAtLeast", { stars: c.slice(4) }) : tp(`certKinds.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-min" className="label">
                {t("catalogue.min")}
              </label>
              <input id="f-min" name="min" type="number" min={0} step={1000} inputMode="numeric" defaultValue={query.min ?? ""} className="input" />
            </div>
            <div>
              <label htmlFor="f-max" className="label">
                {t("catalogue.max")}
              </label>
              <input id="f-max" name="max" type="number" min={0} step={1000} inputMode="numeric" defaultValue={query.max ?? ""} className="input" />
            </div>
            <div>
              <label htmlFor="f-sort" className="label">
                {t("catalogue.sort")}
              </label>
              <select id="f-sort" name="sort" defaultValue={query.sort} className="input">
                {CATALOGUE_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`catalogue.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex items-center gap-2 pt-6">
              <input id="f-instock" name="instock" type="checkbox" value="1" defaultChecked={query.instock} className="h-6 w-6" />
              <label htmlFor="f-instock">{t("catalogue.instock")}</label>
            </div>
            <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
              <button type="submit" className="btn-primary">
                {t("catalogue.apply")}
              </button>
              <Link to="/products" className="btn-secondary">
                {t("catalogue.clear")}
              </Link>
            </div>
          </div>
        </details>
      </Form>

      <p className="text-stone-700" data-testid="result-count" role="status">
        {result.capped ? t("catalogue.countCapped", { count: result.total }) : t("catalogue.count", { count: result.total })}
        {areaName ? ` · ${areaName}` : ""}
      </p>
      {result.items.length ? <ProductGrid products={result.items} /> : <p className="card">{t("catalogue.empty")}</p>}

      {result.pageCount > 1 ? (
        <nav className="flex flex-wrap items-center justify-center gap-2" aria-label={t("catalogue.pages")}>
          {result.page > 1 ? (
            <Link to={hrefWith(query, { page: result.page - 1 })} className="btn-secondary" rel="prev">
              ← {t("catalogue.prev")}
            </Link>
          ) : null}
          <span>{t("catalogue.pageOf", { page: result.page, count: result.pageCount })}</span>
          {result.page < result.pageCount ? (
            <Link to={hrefWith(query, { page: result.page + 1 })} className="btn-secondary" rel="next">
              {t("catalogue.next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
