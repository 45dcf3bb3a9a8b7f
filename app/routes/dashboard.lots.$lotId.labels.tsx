import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { products } from "#db/schema";
import { a4LabelSheet, thermalLabels } from "~/models/labels.server";
import { canonicalTraceUrl, getOwnLot, listSerials } from "~/models/trace.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { requireOwnProducer } from "~/utils/trace-guard.server";

/** Printable labels: ?format=a4 (24 per sheet), thermal (one 50 × 30 mm), serials (one per unit, A4). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const id = Number(params.lotId);
  const lot = Number.isInteger(id) ? getOwnLot(producer.id, id) : undefined;
  if (!lot) throw new Response("Not Found", { status: 404 });
  const format = new URL(request.url).searchParams.get("format") ?? "a4";
  if (!["a4", "thermal", "serials"].includes(format)) throw new Response("Unknown format", { status: 400 });
  const product = db.select({ name: products.name }).from(products).where(eq(products.id, lot.productId)).get()!;
  const publicUrl = env().PUBLIC_URL;
  const items =
    format === "serials"
      ? listSerials(lot.id).map((s) => ({ url: canonicalTraceUrl(publicUrl, lot, s.serial), code: `${lot.traceCode}-${s.serial}` }))
      : Array.from({ length: format === "a4" ? 24 : 1 }, () => ({ url: canonicalTraceUrl(publicUrl, lot), code: lot.traceCode }));
  if (!items.length) throw new Response("No unit codes yet", { status: 400 });
  const data = { productName: product.name, lotNumber: lot.lotNumber, harvestDate: lot.harvestDate, items };
  const pdf = format === "thermal" ? await thermalLabels(data) : await a4LabelSheet(data);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="tem-${lot.traceCode}-${format}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
