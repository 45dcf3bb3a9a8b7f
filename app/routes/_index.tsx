import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request);
  return json({ title: t("home.title"), description: t("app.tagline") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);

export default function Home() {
  const { t } = useTranslation();
  useLoaderData<typeof loader>();
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
      <section className="grid gap-4 sm:grid-cols-2">
        <div className="card">
          <h2 className="text-lg font-bold">{t("home.forProducers")}</h2>
          <p className="mt-1 text-stone-700">{t("home.forProducersText")}</p>
        </div>
        <div className="card">
          <h2 className="text-lg font-bold">{t("home.forTraders")}</h2>
          <p className="mt-1 text-stone-700">{t("home.forTradersText")}</p>
        </div>
      </section>
    </div>
  );
}
