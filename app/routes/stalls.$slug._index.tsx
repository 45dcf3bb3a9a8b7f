import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicStall, stallProducts } from "~/models/market/stall.server";
import { pageMeta } from "~/utils/meta";
import { findBank } from "~/data/banks";
import { formatVnd } from "~/utils/format";
import { db } from "~/utils/db.server";
import { producers } from "#db/schema";
import { eq } from "drizzle-orm";
import { cardPaymentsEnabled } from "~/models/payments/stripe-checkout.server";

/** Public page of a stall: its VietQR and, when linked, the producer's products sold there. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = getPublicStall(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const { stall, market } = found;
  const producer = stall.producerId
    ? db.select({ name: producers.name, slug: producers.slug }).from(producers).where(eq(producers.id, stall.producerId)).get()
    : null;
  return json(
    {
      title: `${stall.name} — ${market.name}`,
      stall: {
        slug: stall.slug,
        name: stall.name,
        number: stall.stallNumber,
        goods: stall.goods,
        holder: stall.accountHolder,
        account: stall.accountNumber,
        bank: findBank(stall.bankBin)?.shortName ?? stall.bankBin,
      },
      market: { name: market.name, address: market.address, openingHours: market.openingHours },
      producer,
      products: stallProducts(stall),
      card: cardPaymentsEnabled(),
    },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function StallPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("market");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{data.stall.name}</h1>
      <p className="mb-2 text-stone-700">
        {t("stall.number")} {data.stall.number} · {data.market.name}
      </p>
      <p className="mb-4 text-sm text-stone-600">
        {data.market.address} · {data.market.openingHours}
      </p>
      {data.stall.goods ? <p className="mb-4">{data.stall.goods}</p> : null}
      <div className="card text-center">
        <img src={`/stalls/${data.stall.slug}/vietqr.png`} alt={t("stall.vietqrAlt")} width={300} height={300} className="mx-auto" />
        <p className="mt-2 font-semibold">{t("poster.scanAnyBank")}</p>
        <p>
          {data.stall.bank} · {data.stall.account}
        </p>
        <p className="font-semibold">{data.stall.holder}</p>
        <p className="mt-3 flex justify-center gap-2">
          {data.card ? (
            <Link to={`/stalls/${data.stall.slug}/pay`} className="btn-primary btn-small">
              {t("stall.payByCard")}
            </Link>
          ) : null}
          <a href={`/stalls/${data.stall.slug}/poster.pdf`} className="btn-secondary btn-small">
            {t("stall.poster")}
          </a>
        </p>
      </div>
      {data.producer ? (
        <section className="mt-6">
          <h2 className="mb-2 font-semibold">{t("stall.productsOf", { name: data.producer.name })}</h2>
          <ul className="space-y-1">
            {data.products.map((p) => (
              <li key={p.variantId} className="flex justify-between gap-2">
                <Link to={`/products/${p.productSlug}`}>
                  {p.productName} – {p.label}
                </Link>
                <span>{formatVnd(p.priceVnd)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
