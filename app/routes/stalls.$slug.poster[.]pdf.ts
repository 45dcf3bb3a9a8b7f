import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicStall } from "~/models/market/stall.server";
import { stallPosterPdf } from "~/models/market/poster.server";
import { getLang } from "~/i18n/server";

/** The printable A5 poster of a stall (VietQR + bank details in text). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = getPublicStall(params.slug ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const pdf = await stallPosterPdf(found.stall, found.market, getLang(request));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="poster-${found.stall.slug}.pdf"`,
      "Cache-Control": "public, max-age=300",
      "Content-Length": String(pdf.byteLength),
    },
  });
}
