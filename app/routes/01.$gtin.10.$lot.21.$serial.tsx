import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TraceNotFound, TracePage, type TracePageData } from "~/components/trace-page";
import { findLotByDigitalLink } from "~/models/trace.server";
import { notFoundPage, tracePage } from "~/models/trace-page.server";
import { isValidGtin14, toGtin14 } from "~/utils/digital-link";
import { pageMeta } from "~/utils/meta";

/** GS1 Digital Link of one serialized unit: /01/{GTIN-14}/10/{lot}/21/{serial}. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const gtin = params.gtin ?? "";
  const lot = params.lot ?? "";
  if (!isValidGtin14(gtin)) {
    // GTIN-8/12/13 (zero-suppressed) → the canonical 14-digit form.
    const canonical = toGtin14(gtin);
    if (canonical)
      throw redirect(`/01/${canonical}/10/${encodeURIComponent(lot)}/21/${encodeURIComponent(params.serial ?? "")}${new URL(request.url).search}`, 301);
    return notFoundPage(request, "");
  }
  return tracePage(request, findLotByDigitalLink(gtin, lot), lot.slice(0, 40), params.serial ?? "");
}

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data && "title" in data ? data.title : undefined);

export default function DigitalLinkSerialPage() {
  const data = useLoaderData<typeof loader>() as TracePageData | { found: false; code: string };
  return data.found ? <TracePage data={data} /> : <TraceNotFound code={data.code} />;
}
