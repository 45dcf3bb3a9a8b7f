import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { legalPage } from "~/models/legal.server";
import { getLang } from "~/i18n/server";
import { publicPageHeaders } from "~/utils/cache.server";
import { pageMeta } from "~/utils/meta";
import { LegalDocument } from "~/components/legal-document";
import { ErrorBoundary as RootErrorBoundary } from "~/root";

/** /privacy (?v=1.0 for an earlier version): docs/decisions/072. */
export async function loader({ request }: LoaderFunctionArgs) {
  const doc = legalPage("privacy", getLang(request), new URL(request.url).searchParams.get("v"));
  if (!doc) throw new Response("Not Found", { status: 404 });
  return json({ doc }, { headers: publicPageHeaders(request, 300) });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.doc.text.title, data?.doc.text.summary);

export default function Page() {
  const { doc } = useLoaderData<typeof loader>();
  return <LegalDocument doc={doc} />;
}

export const ErrorBoundary = RootErrorBoundary;
