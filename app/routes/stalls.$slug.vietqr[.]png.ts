import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicStall, stallStaticPayload } from "~/models/market/stall.server";
import { qrPng } from "~/utils/qr.server";

/**
 * The stall's static VietQR (01 = 11, no amount): what any Vietnamese banking app pays. The URL
 * is not content-keyed (the trader may change bank), so a short public max-age plus an ETag of
 * the payload.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = getPublicStall(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const payload = stallStaticPayload(found.stall);
  const etag = `"${crypto.createHash("sha256").update(payload).digest("hex").slice(0, 32)}"`;
  const headers = { "Cache-Control": "public, max-age=3600, must-revalidate", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  const png = await qrPng(payload, { width: 600 });
  return new Response(new Uint8Array(png), {
    headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(png.byteLength) },
  });
}
