import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TraceNotFound, TracePage, type TracePageData } from "~/components/trace-page";
import { findLotByCode } from "~/models/trace.server";
import { notFoundPage, tracePage } from "~/models/trace-page.server";
import { normaliseTraceCode } from "~/utils/trace-code";
import { pageMeta } from "~/utils/meta";

/** One serialized unit: counted on every view; the page is private (never shared-cached). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  const code = normaliseTraceCode(raw);
  if (!code) return notFoundPage(request, raw.slice(0, 40));
  return tracePage(request, findLotByCode(code), code, params.serial ?? "");
}

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data && "title" in data ? data.title : undefined);

export default function TraceSerialPage() {
  const data = useLoaderData<typeof loader>() as TracePageData | { found: false; code: string };
  return data.found ? <TracePage data={data} /> : <TraceNotFound code={data.code} />;
}
