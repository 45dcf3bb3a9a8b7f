import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatVnd } from "~/utils/format";
import { imageSrcSet, imageUrl } from "~/utils/images";

export type CardData = {
  slug: string;
  name: string;
  nameEn: string | null;
  producerName: string;
  area: string;
  minPrice: number | null;
  stock: number;
  imageId: string | null;
  imageWidth: number | null;
};

/** Product name in the page's language (English falls back to the Vietnamese name). */
export function useLocalName() {
  const { i18n } = useTranslation();
  return (vi: string, en: string | null | undefined) => (i18n.language === "en" && en ? en : vi);
}

export function ProductCard({ product }: { product: CardData }) {
  const { t } = useTranslation("storefront");
  const localName = useLocalName();
  return (
    <li className="card flex flex-col p-0" data-testid="product-card">
      <Link to={`/products/${product.slug}`} className="block text-stone-900 no-underline hover:no-underline">
        {product.imageId ? (
          <img
            src={imageUrl(product.imageId, Math.min(320, product.imageWidth ?? 320))}
            srcSet={imageSrcSet(product.imageId, product.imageWidth ?? 320)}
            sizes="(min-width: 640px) 240px, 50vw"
            alt=""
            width={320}
            height={240}
            loading="lazy"
            className="aspect-[4/3] w-full rounded-t-xl bg-stone-100 object-cover"
          />
        ) : (
          <div className="aspect-[4/3] w-full rounded-t-xl bg-tea-50" aria-hidden="true" />
        )}
        <div className="p-3">
          <h3 className="font-semibold leading-snug">{localName(product.name, product.nameEn)}</h3>
          <p className="mt-1 text-sm text-stone-600">
            {product.producerName} · {product.area}
          </p>
          <p className="mt-2 font-bold text-tea-800">
            {product.minPrice !== null ? t("card.from", { price: formatVnd(product.minPrice) }) : t("card.noPrice")}
          </p>
          {product.stock <= 0 ? <p className="text-sm text-red-800">{t("card.outOfStock")}</p> : null}
        </div>
      </Link>
    </li>
  );
}

export function ProductGrid({ products }: { products: CardData[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p) => (
        <ProductCard key={p.slug} product={p} />
      ))}
    </ul>
  );
}

export type CertView = {
  id: number;
  kind: string;
  ocopStars: number | null;
  name: string | null;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  validity: "valid" | "expired" | "notYetValid";
};

export function certLabel(t: (k: string, o?: Record<string, unknown>) => string, cert: { kind: string; ocopStars: number | null; name: string | null }) {
  if (cert.kind === "ocop") return t("producer:cert.ocopStars", { stars: cert.ocopStars });
  if (cert.kind === "other") return cert.name ?? t("producer:certKinds.other");
  return t(`producer:certKinds.${cert.kind}`);
}

export function CertificationList({ certs }: { certs: CertView[] }) {
  const { t, i18n } = useTranslation("producer");
  if (!certs.length) return <p className="text-stone-600">{t("cert.none")}</p>;
  return (
    <ul className="space-y-2" data-testid="certifications">
      {certs.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2" data-testid="certification" data-validity={c.validity}>
          <span className="font-semibold">{certLabel(t, c)}</span>
          <span className={`badge ${c.validity === "valid" ? "bg-tea-100 text-tea-900" : "bg-stone-200 text-stone-700"}`}>
            {t(`cert.validity.${c.validity}`)}
          </span>
          <span className="text-sm text-stone-600">
            {c.number} · {c.issuer} · {t("cert.validRange", { from: formatIsoDate(c.validFrom, i18n.language), to: formatIsoDate(c.validTo, i18n.language) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "2027-06-14" → "14/06/2027" (a calendar date: no time zone shift). */
export function formatIsoDate(iso: string, _lng?: string) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function VerifiedBadge() {
  const { t } = useTranslation("storefront");
  return (
    <span className="badge bg-tea-700 text-white" data-testid="verified-badge">
      ✓ {t("producer.verified")}
    </span>
  );
}
