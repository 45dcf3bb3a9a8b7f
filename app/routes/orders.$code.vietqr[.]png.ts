import type { LoaderFunctionArgs } from "@remix-run/node";
import QRCode from "qrcode";
import { findOrderForViewer } from "~/models/order/read.server";
import { bankTransferInstructions } from "~/models/order/payment.server";
import { getViewer } from "~/utils/viewer.server";

/** The order's dynamic VietQR (exact amount and memo) as a PNG. Private: same access as the order page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await getViewer(request);
  const order = findOrderForViewer(String(params.code), viewer);
  if (!order || order.paymentMethod !== "bank" || !order.paymentMemo) throw new Response("Not found", { status: 404 });
  const { payload } = bankTransferInstructions(order);
  const png = await QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 360 });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "private, no-store" } });
}
