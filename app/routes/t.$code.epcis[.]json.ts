import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLotByCode } from "~/models/trace.server";
import { epcisResponse } from "~/models/trace-page.server";
import { normaliseTraceCode } from "~/utils/trace-code";

/** The lot's whole history (with the inputs of blends) as an EPCIS 2.0 JSON-LD EPCISDocument. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = normaliseTraceCode(params.code ?? "");
  const lot = code ? findLotByCode(code) : undefined;
  if (!lot) throw new Response("Not Found", { status: 404 });
  return epcisResponse(lot);
}
