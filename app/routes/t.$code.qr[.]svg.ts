import type { LoaderFunctionArgs } from "@remix-run/node";
import { canonicalTraceUrl, findLotByCode } from "~/models/trace.server";
import { env } from "~/utils/env.server";
import { qrSvg } from "~/utils/qr.server";
import { normaliseTraceCode } from "~/utils/trace-code";

/** The lot's QR (SVG). Lots never change after creation, so the image is immutable. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = normaliseTraceCode(params.code ?? "");
  const lot = code ? findLotByCode(code) : undefined;
  if (!lot) throw new Response("Not Found", { status: 404 });
  return new Response(await qrSvg(canonicalTraceUrl(env().PUBLIC_URL, lot)), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
