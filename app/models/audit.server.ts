import { auditLog } from "#db/schema";
import type { Tx } from "~/utils/db.server";

/** Writes who did what, when — inside the caller's transaction, so the decision and its record commit together. */
export function recordAudit(
  tx: Tx,
  entry: { actorUserId: number; action: string; subjectType: string; subjectId: string | number; details?: Record<string, unknown> },
) {
  tx.insert(auditLog)
    .values({ ...entry, subjectId: String(entry.subjectId), details: entry.details ?? null })
    .run();
}
