import type { Lang } from "~/i18n/config";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getOwnLot, getProducerForUser, type TraceRefusal } from "~/models/trace.server";
import type { TFunction } from "i18next";

/** Guard for the producer's trace pages: the signed-in producer and their producer record (403 otherwise). */
export async function requireOwnProducer(request: Request) {
  const user = await requireRole(request, "producer");
  const producer = getProducerForUser(user.id, getDb());
  if (!producer) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { user, producer };
}

/** One of the producer's own lots by the `:lotId` URL segment, or a 404 (another producer's lot too). */
export function requireOwnLot(producerId: number, rawLotId: string | undefined) {
  const id = Number(rawLotId);
  const lot = Number.isInteger(id) ? getOwnLot(producerId, id) : undefined;
  if (!lot) throw new Response("Not Found", { status: 404 });
  return lot;
}

/** A model refusal as a sentence; ISO instants in its values are shown as local date and time. */
export function refusalText(t: TFunction, refusal: TraceRefusal, lang: Lang): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(refusal.values ?? {})) {
    values[k] = typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v, lang) : v;
  }
  return t(refusal.key, values) as string;
}
