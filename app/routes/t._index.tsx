import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TraceCodeForm } from "~/components/trace-page";
import { getFixedT } from "~/i18n/server";
import { findLotByCode } from "~/models/trace.server";
import { pageCacheHeaders } from "~/models/trace-page.server";
import { normaliseTraceCode } from "~/utils/trace-code";
import { pageMeta } from "~/utils/meta";

/** "Enter a trace code" for phones that cannot scan: a GET form, normalises case and spaces. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request, "trace");
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null || raw.trim() === "") return json({ title: t("lookup.title"), code: "", notFound: false }, { headers: pageCacheHeaders(request) });
  const code = normaliseTraceCode(raw);
  if (code && findLotByCode(code)) throw redirect(`/t/${code}`);
  return json({ title: t("notFound.title"), code: raw.trim().slice(0, 40), notFound: true }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function TraceLookup() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("trace");
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid={data.notFound ? "trace-not-found" : "trace-lookup"}>
      <h1 className="page-title">{data.notFound ? t("notFound.title") : t("lookup.title")}</h1>
      <p>{data.notFound ? t("notFound.text", { code: data.code }) : t("lookup.intro")}</p>
      <TraceCodeForm defaultValue={data.code} />
    </div>
  );
}
