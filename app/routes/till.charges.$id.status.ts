import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { effectiveStatus, getStallCharge } from "~/models/market/till.server";
import { getApprovedTraderStall } from "~/models/market/stall.server";
import { requireRole } from "~/utils/auth.server";

/** The till polls this small JSON while a charge is open (and again as soon as it is back online). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  const id = Number(params.id);
  const charge = found && Number.isInteger(id) ? getStallCharge(found.stall.id, id) : null;
  if (!charge) return json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return json(
    { id: charge.id, status: effectiveStatus(charge), amount: charge.amount, method: charge.method, paidAt: charge.paidAt?.toISOString() ?? null },
    { headers: { "Cache-Control": "no-store" } },
  );
}
