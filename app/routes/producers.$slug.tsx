import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicProducer } from "~/models/producer.server";
import { producerProducts } from "~/models/catalog.server";
import { CertificationList, ProductGrid, VerifiedBadge } from "~/components/storefront";
import { ErrorBoundary as RootErrorBoundary } from "~/root";
import { imageSrcSet, imageUrl } from "~/utils/images";
import { pageMeta } from "~/utils/meta";
import { env } from "~/utils/env.server";
import { publicPageHeaders } from "~/utils/cache.server";
import { formatVietnamPhone } from "~/utils/phone";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = getPublicProducer(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const { producer } = found;
  const products = producerProducts(producer.id);
  const origin = env().PUBLIC_URL.replace(/\/$/, "");
  return json(
    {
      producer: {
        slug: producer.slug,
        name: producer.name,
        kind: producer.kind,
        story: producer.story,
        area: producer.area,
        photoImageId: producer.photoImageId,
        photoWidth: found.photoWidth ?? 320,
      },
      // What buyers must see of a seller (Decree 52/2013 as amended; docs/decisions/074).
      seller: {
        legalName: producer.legalName ?? producer.name,
        address: producer.address,
        phone: formatVietnamPhone(producer.phone),
        phoneHref: producer.phone,
        taxCode: producer.taxCode,
      },
      communeName: found.communeName,
      areaSlug: found.areaSlug,
      teaArea: found.teaArea,
      certs: found.certs.map(({ scanImageId: _scan, ...c }) => c),
      products,
      // Product photos double as the producer's gallery (their produce, their fields).
      gallery: products
        .filter((p) => p.imageId)
        .slice(0, 6)
        .map((p) => ({ imageId: p.imageId!, width: p.imageWidth ?? 320 })),
      ogImage: producer.photoImageId ? `${origin}${imageUrl(producer.photoImageId, Math.min(1024, found.photoWidth ?? 1024))}` : null,
    },
    { headers: publicPageHeaders(request) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        ...pageMeta(data.producer.name, data.producer.story.slice(0, 200)),
        { property: "og:type", content: "profile" },
        ...(data.ogImage ? [{ property: "og:image", content: data.ogImage }] : []),
      ]
    : pageMeta(undefined);

export default function ProducerPage() {
  const { t } = useTranslation("storefront");
  const { t: tp } = useTranslation("producer");
  const { t: tl } = useTranslation("legal");
  const data = useLoaderData<typeof loader>();
  const { producer } = data;
  return (
    <article className="space-y-6" data-testid="producer-page">
      <header className="flex flex-wrap items-start gap-4">
        {producer.photoImageId ? (
          <img
            src={imageUrl(producer.photoImageId, Math.min(320, producer.photoWidth))}
            srcSet={imageSrcSet(producer.photoImageId, producer.photoWidth)}
            sizes="(min-width: 640px) 320px, 100vw"
            alt=""
            width={320}
            height={240}
            className="w-full rounded-xl object-cover sm:w-80"
          />
        ) : null}
        <div className="flex-1 space-y-2">
          <h1 className="page-title mb-0">{producer.name}</h1>
          <p className="flex flex-wrap items-center gap-2">
            <VerifiedBadge />
            <span>{tp(`kinds.${producer.kind}`)}</span>
          </p>
          <p>
            {data.communeName} · <Link to={`/products?area=${data.areaSlug}`}>{producer.area}</Link>
            {data.teaArea ? ` · ${t("producer.teaArea", { area: data.teaArea })}` : ""}
          </p>
        </div>
      </header>
      {producer.story ? (
        <section aria-labelledby="story-title">
          <h2 id="story-title" className="mb-2 text-xl font-bold">
            {t("producer.story")}
          </h2>
          <p className="whitespace-pre-line">{producer.story}</p>
        </section>
      ) : null}
      {data.gallery.length ? (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title" className="mb-2 text-xl font-bold">
            {t("producer.photos")}
          </h2>
          <ul className="flex snap-x gap-2 overflow-x-auto">
            {data.gallery.map((g) => (
              <li key={g.imageId} className="w-60 shrink-0 snap-start">
                <img
                  src={imageUrl(g.imageId, Math.min(320, g.width))}
                  srcSet={imageSrcSet(g.imageId, g.width)}
                  sizes="240px"
                  alt=""
                  width={320}
                  height={240}
                  loading="lazy"
                  className="aspect-[4/3] w-full rounded-lg object-cover"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="certs-title">
        <h2 id="certs-title" className="mb-2 text-xl font-bold">
          {t("product.certifications")}
        </h2>
        <CertificationList certs={data.certs} />
      </section>
      <section aria-labelledby="seller-title" className="card" data-testid="seller-details">
        <h2 id="seller-title" className="mb-2 text-xl font-bold">
          {tl("seller.title")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{tl("seller.legalName")}</dt>
          <dd data-testid="seller-legal-name">{data.seller.legalName}</dd>
          <dt className="font-semibold">{tl("seller.address")}</dt>
          <dd>{data.seller.address.includes(data.communeName) ? data.seller.address : `${data.seller.address}, ${data.communeName}`}</dd>
          <dt className="font-semibold">{tl("seller.phone")}</dt>
          <dd>
            <a href={`tel:${data.seller.phoneHref}`}>{data.seller.phone}</a>
          </dd>
          <dt className="font-semibold">{tl("seller.taxCode")}</dt>
          <dd data-testid="seller-tax-code">{data.seller.taxCode ?? tl("seller.taxCodeNone")}</dd>
        </dl>
      </section>
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="mb-2 text-xl font-bold">
          {t("producer.products")}
        </h2>
        {data.products.length ? <ProductGrid products={data.products} /> : <p>{t("catalogue.empty")}</p>}
      </section>
    </article>
  );
}

export const ErrorBoundary = RootErrorBoundary;
