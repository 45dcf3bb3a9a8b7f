import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { findOrderForViewer } from "~/models/order/read.server";
import { getViewer } from "~/utils/viewer.server";

/** A tiny JSON the order page polls while it waits for a payment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await getViewer(request);
  const order = findOrderForViewer(String(params.code), viewer);
  if (!order) return json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return json(
    { code: order.code, status: order.status, paymentStatus: order.paymentStatus, updatedAt: order.updatedAt.getTime() },
    { headers: { "Cache-Control": "no-store" } },
  );
}
