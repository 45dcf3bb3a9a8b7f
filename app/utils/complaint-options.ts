/** Complaint value lists for the browser (no drizzle in page bundles); equal to the database enums. */
import type { ComplaintStatus, ComplaintSubject } from "#db/schema";

export const COMPLAINT_SUBJECT_OPTIONS = ["order", "product", "trace", "other"] as const satisfies readonly ComplaintSubject[];
export const COMPLAINT_STATUS_OPTIONS = ["open", "in_progress", "resolved", "rejected"] as const satisfies readonly ComplaintStatus[];
export type ComplaintStatusOption = (typeof COMPLAINT_STATUS_OPTIONS)[number];
