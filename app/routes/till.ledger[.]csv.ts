import type { LoaderFunctionArgs } from "@remix-run/node";
import { chargesCsv, localDate, localDayRange, stallChargesBetween } from "~/models/market/till-ledger.server";
import { getApprovedTraderStall } from "~/models/market/stall.server";
import { requireRole } from "~/utils/auth.server";

/** The stall's charges of the last 30 days (today included) as CSV, UTF-8 with BOM for Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  if (!found) throw new Response("Not Found", { status: 404 });
  const today = localDate(new Date());
  const { end } = localDayRange(today);
  const start = new Date(end.getTime() - 30 * 24 * 3600 * 1000);
  const csv = chargesCsv(stallChargesBetween(found.stall.id, start, end));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="so-cai-${found.stall.slug}-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
