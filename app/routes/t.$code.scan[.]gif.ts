import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLotByCode, recordScan } from "~/models/trace.server";
import { normaliseTraceCode } from "~/utils/trace-code";

// A transparent 1×1 GIF.
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * The scan beacon of a lot page (docs/decisions/022-trace-page-caching.md): the page itself may come
 * from a shared cache, this tiny image never does, so every view is counted. No IP is stored.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseTraceCode(params.code ?? "");
  const lot = code ? findLotByCode(code) : undefined;
  if (lot) recordScan(lot.id, null, request.headers.get("User-Agent"));
  return new Response(new Uint8Array(GIF), {
    status: lot ? 200 : 404,
    headers: { "Content-Type": "image/gif", "Cache-Control": "no-store", "Content-Length": String(GIF.byteLength) },
  });
}
