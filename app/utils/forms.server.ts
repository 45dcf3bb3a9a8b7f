import { json } from "@remix-run/node";
import { HONEYPOT_FIELD } from "~/utils/honeypot";

/** True when the invisible honeypot field was filled (a bot). */
export function isBotSubmission(formData: FormData) {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}

/** 400 with a form-level message key, for conform's `lastResult`. */
export function formError(message: string, fields: Record<string, string[]> = {}, initialValue?: Record<string, unknown>) {
  return json({ lastResult: { status: "error" as const, error: { "": [message], ...fields }, initialValue } }, { status: 400 });
}

/** Reads a form body; a malformed body becomes an empty form instead of a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
