import type { LoaderFunctionArgs } from "@remix-run/node";
import { canonicalTraceUrl, findLotByCode } from "~/models/trace.server";
import { env } from "~/utils/env.server";
import { qrPng } from "~/utils/qr.server";
import { normaliseTraceCode } from "~/utils/trace-code";

/** The lot's QR (PNG, 8 px per module). Lots never change after creation, so the image is immutable. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = normaliseTraceCode(params.code ?? "");
  const lot = code ? findLotByCode(code) : undefined;
  if (!lot) throw new Response("Not Found", { status: 404 });
  const png = await qrPng(canonicalTraceUrl(env().PUBLIC_URL, lot));
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Content-Length": String(png.byteLength), "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
