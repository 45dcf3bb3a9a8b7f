/**
 * Loader logic shared by every URL of the public trace page (/t/:code, /t/:code/:serial,
 * /01/:gtin/10/:lot[/21/:serial]). Caching and scan counting: docs/decisions/022-trace-page-caching.md.
 */
import { json, redirect } from "@remix-run/node";
import type { Lot } from "#db/schema";
import { getLang } from "~/i18n/server";
import { getFixedT } from "~/i18n/server";
import { env } from "~/utils/env.server";
import { imageUrl } from "~/utils/images.server";
import { normaliseTraceCode } from "~/utils/trace-code";
import { exportEpcisDocument } from "./epcis.server";
import { canonicalTraceUrl, findSerial, getPublicTrace, recordScan, SCAN_WARNING_THRESHOLD, serialScanStats } from "./trace.server";

export const PUBLIC_PAGE_CACHE = "public, max-age=60, s-maxage=300";

function hasSession(request: Request) {
  return /(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "");
}

/** Shared caches may keep an anonymous lot page for 5 minutes; anything personal is never stored. */
export function pageCacheHeaders(request: Request, personal = false): HeadersInit {
  return personal || hasSession(request) ? { "Cache-Control": "private, no-store" } : { "Cache-Control": PUBLIC_PAGE_CACHE, Vary: "Cookie" };
}

export function notFoundPage(request: Request, code: string) {
  const t = getFixedT(request, "trace");
  return json({ found: false as const, code, title: t("notFound.title") }, { status: 404, headers: pageCacheHeaders(request) });
}

const EPCIS_LINK_TYPES = new Set(["gs1:epcis", "https://gs1.org/voc/epcis", "https://ref.gs1.org/voc/epcis"]);
const PIP_LINK_TYPES = new Set(["gs1:pip", "https://gs1.org/voc/pip", "https://ref.gs1.org/voc/pip"]);

export function epcisResponse(lot: Lot) {
  return new Response(JSON.stringify(exportEpcisDocument(lot)), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
  });
}

/** The page data, or a Response for linkType requests, unknown serials, scan counting. */
export function tracePage(request: Request, lot: Lot | undefined, code: string, serialParam?: string) {
  if (!lot) return notFoundPage(request, code);
  const url = new URL(request.url);
  const linkType = url.searchParams.get("linkType");
  // Like a GS1 resolver: redirect to the link target (docs/decisions/022-trace-page-caching.md).
  if (linkType && EPCIS_LINK_TYPES.has(linkType)) throw redirect(`/t/${lot.traceCode}/epcis.json`, 307);
  const data = getPublicTrace(lot);
  if (linkType && PIP_LINK_TYPES.has(linkType)) throw redirect(`/products/${data.product.slug}`, 303);

  let serial: { serial: string; count: number; firstScannedAt: string | null; warning: boolean } | null = null;
  if (serialParam !== undefined) {
    const serialCode = normaliseTraceCode(serialParam);
    const unit = serialCode ? findSerial(lot.id, serialCode) : undefined;
    if (!unit) return notFoundPage(request, `${lot.traceCode}/${serialParam}`);
    // Serialized units are counted here (the page is private, never shared-cached).
    recordScan(lot.id, unit.id, request.headers.get("User-Agent"));
    const stats = serialScanStats(unit.id);
    serial = {
      serial: unit.serial,
      count: stats.count,
      firstScannedAt: stats.firstScannedAt?.toISOString() ?? null,
      warning: stats.count > SCAN_WARNING_THRESHOLD,
    };
  }

  const lang = getLang(request);
  const t = getFixedT(request, "trace");
  const productName = lang === "en" && data.product.nameEn ? data.product.nameEn : data.product.name;
  const correctedBy = new Map<number, { id: number; reason: string | null }>();
  for (const e of data.events) if (e.errorDeclarationOf != null) correctedBy.set(e.errorDeclarationOf, { id: e.id, reason: e.errorReason });

  return json(
    {
      found: true as const,
      title: t("page.title", { product: productName }),
      code: lot.traceCode,
      lotNumber: lot.lotNumber,
      harvestDate: lot.harvestDate,
      quantity: lot.quantity,
      unit: lot.unit,
      canonicalUrl: canonicalTraceUrl(env().PUBLIC_URL, lot, serial?.serial),
      beacon: serial ? null : `/t/${lot.traceCode}/scan.gif`,
      product: {
        name: productName,
        slug: data.product.slug,
        onSale: data.product.onSale,
        image: data.product.imageId ? imageUrl(data.product.imageId, 320) : null,
      },
      producer: data.producer,
      plot: data.plot,
      events: data.events.map((e) => ({
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        time: e.eventTime.toISOString(),
        payload: e.payload as Record<string, string | number | boolean>,
        correctionOf: e.errorDeclarationOf,
        reason: e.errorReason,
        correctedBy: correctedBy.get(e.id)?.id ?? null,
      })),
      inputs: data.inputs.map((i) => ({ eventId: i.eventId, code: i.code, lotNumber: i.lotNumber, quantity: i.quantity, unit: i.unit })),
      certifications: data.certifications,
      chainOk: data.chain.ok,
      serial,
    },
    { headers: pageCacheHeaders(request, serial !== null) },
  );
}
