import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicProduct } from "~/models/catalog.server";
import { CertificationList, VerifiedBadge, useLocalName } from "~/components/storefront";
import { ErrorBoundary as RootErrorBoundary } from "~/root";
import { getLang } from "~/i18n/server";
import { env } from "~/utils/env.server";
import { formatNumber, formatVnd } from "~/utils/format";
import { imageSrcSet, imageUrl } from "~/utils/images";
import { pageMeta } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { publicPageHeaders } from "~/utils/cache.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = getPublicProduct(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const lang = getLang(request);
  const { product, variants, photos } = found;
  const name = lang === "en" && product.nameEn ? product.nameEn : product.name;
  const description = (lang === "en" && product.descriptionEn ? product.descriptionEn : product.description).slice(0, 300);
  const origin = env().PUBLIC_URL.replace(/\/$/, "");
  const url = `${origin}/products/${product.slug}`;
  const imageUrls = photos.map((p) => `${origin}${imageUrl(p.imageId, Math.min(1024, p.width))}`);
  // schema.org Product with one Offer per variant, prices in VND (integer, zero-decimal).
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name,
    description,
    url,
    sku: variants[0]?.sku ?? undefined,
    gtin14: product.gtin ?? undefined,
    image: imageUrls,
    category: lang === "en" ? product.categoryEn : product.categoryVi,
    brand: { "@type": "Brand", name: product.producerName },
    manufacturer: { "@type": "Organization", name: product.producerName, url: `${origin}/producers/${product.producerSlug}` },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: "VND",
      lowPrice: Math.min(...variants.map((v) => v.priceVnd)),
      highPrice: Math.max(...variants.map((v) => v.priceVnd)),
      offerCount: variants.length,
      offers: variants.map((v) => ({
        "@type": "Offer",
        name: v.label,
        sku: v.sku ?? undefined,
        price: v.priceVnd,
        priceCurrency: "VND",
        availability: v.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
        url,
        seller: { "@type": "Organization", name: product.producerName },
      })),
    },
  };
  return json(
    {
      ...found,
      meta: { name, description, url, image: imageUrls[0] ?? null, lowPrice: jsonLd.offers.lowPrice },
      jsonLd,
    },
    { headers: publicPageHeaders(request) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return pageMeta(undefined);
  const m = data.meta;
  return [
    ...pageMeta(m.name, m.description),
    { property: "og:type", content: "product" },
    { property: "og:url", content: m.url },
    ...(m.image ? [{ property: "og:image", content: m.image }] : []),
    { property: "product:price:amount", content: String(m.lowPrice) },
    { property: "product:price:currency", content: "VND" },
    { tagName: "link", rel: "canonical", href: m.url },
  ];
};

export default function ProductPage() {
  const { t, i18n } = useTranslation("storefront");
  const data = useLoaderData<typeof loader>();
  const nonce = useNonce();
  const localName = useLocalName();
  const { product, variants, photos, certs } = data;
  const firstInStock = variants.find((v) => v.stock > 0) ?? variants[0];
  const description = i18n.language === "en" && product.descriptionEn ? product.descriptionEn : product.description;
  return (
    <article className="space-y-6" data-testid="product-page">
      {/* type=application/ld+json is data, not script: CSP does not execute it; the nonce is kept anyway. */}
      <script
        type="application/ld+json"
        nonce={nonce}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: JSON.stringify(data.jsonLd).replace(/</g, "\\u003c") }}
      />
      <nav className="text-sm" aria-label={t("product.breadcrumb")}>
        <Link to="/products">{t("catalogue.title")}</Link> ›{" "}
        <Link to={`/products?category=${product.categorySlug}`}>{i18n.language === "en" ? product.categoryEn : product.categoryVi}</Link>
      </nav>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          {photos.length ? (
            <ul className="flex snap-x snap-mandatory gap-2 overflow-x-auto" data-testid="gallery" aria-label={t("product.gallery")}>
              {photos.map((p, i) => (
                <li key={p.imageId} className="w-full shrink-0 snap-center">
                  <img
                    src={imageUrl(p.imageId, Math.min(640, p.width))}
                    srcSet={imageSrcSet(p.imageId, p.width)}
                    sizes="(min-width: 768px) 480px, 100vw"
                    width={p.width}
                    height={p.height}
                    alt={i === 0 ? localName(product.name, product.nameEn) : t("product.photoN", { n: i + 1 })}
                    loading={i === 0 ? "eager" : "lazy"}
                    className="aspect-[4/3] w-full rounded-xl bg-stone-100 object-cover"
                  />
                </li>
              ))}
            </ul>
          ) : (
            <div className="aspect-[4/3] w-full rounded-xl bg-tea-50" />
          )}
        </div>
        <div className="space-y-4">
          <h1 className="page-title mb-1">{localName(product.name, product.nameEn)}</h1>
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/producers/${product.producerSlug}`} className="font-semibold">
              {product.producerName}
            </Link>
            <VerifiedBadge />
            <span className="text-stone-600">
              · {product.communeName} · <Link to={`/products?area=${product.areaSlug}`}>{product.area}</Link>
            </span>
          </p>
          {/* The cart (another feature) receives intent=add, variantId, quantity. Radios: works without JS. */}
          <Form method="post" action="/cart" className="card space-y-3" data-testid="add-to-cart">
            <input type="hidden" name="intent" value="add" />
            <fieldset>
              <legend className="label">{t("product.chooseVariant")}</legend>
              <div className="space-y-2">
                {variants.map((v) => (
                  <label
                    key={v.id}
                    className="flex min-h-[48px] cursor-pointer items-center gap-3 rounded-lg border border-stone-300 p-3 has-[:checked]:border-tea-700 has-[:checked]:bg-tea-50"
                  >
                    <input type="radio" name="variantId" value={v.id} defaultChecked={v.id === firstInStock?.id} disabled={v.stock <= 0} className="h-5 w-5" />
                    <span className="flex-1">
                      <span className="font-semibold">{v.label}</span>
                      <span className="block text-sm text-stone-600">
                        {v.stock > 0 ? t("product.inStock", { count: v.stock, stock: formatNumber(v.stock) }) : t("product.outOfStock")}
                      </span>
                    </span>
                    <span className="font-bold text-tea-800" data-testid="variant-price">
                      {formatVnd(v.priceVnd)}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex items-end gap-3">
              <div className="w-28">
                <label htmlFor="quantity" className="label">
                  {t("product.quantity")}
                </label>
                <input id="quantity" name="quantity" type="number" min={1} max={99} defaultValue={1} inputMode="numeric" className="input" />
              </div>
              <button type="submit" className="btn-primary flex-1" disabled={!variants.some((v) => v.stock > 0)}>
                {t("product.addToCart")}
              </button>
            </div>
          </Form>
          {product.gtin ? <p className="text-sm text-stone-600">GTIN: {product.gtin}</p> : null}
        </div>
      </div>
      <section aria-labelledby="desc-title">
        <h2 id="desc-title" className="mb-2 text-xl font-bold">
          {t("product.description")}
        </h2>
        <p className="whitespace-pre-line">{description}</p>
      </section>
      <section aria-labelledby="certs-title">
        <h2 id="certs-title" className="mb-2 text-xl font-bold">
          {t("product.certifications")}
        </h2>
        <CertificationList certs={certs} />
      </section>
    </article>
  );
}

export const ErrorBoundary = RootErrorBoundary;
