import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { ImageRejectedError, MAX_UPLOAD_BYTES, storeImage } from "./images.server";
import { db } from "./db.server";

export type ParsedForm = { formData: FormData; tooLarge: boolean };

/**
 * Reads a form that may carry photos. Multipart bodies go through Remix's memory upload handler
 * with a per-part limit (10 MB), so an oversized file stops being read as soon as it passes the
 * limit; any other malformed body becomes an empty form. Never throws.
 */
export async function readUploadForm(request: Request): Promise<ParsedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const handler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
      return { formData: await unstable_parseMultipartFormData(request, handler), tooLarge: false };
    }
    return { formData: await request.formData(), tooLarge: false };
  } catch (error) {
    return { formData: new FormData(), tooLarge: error instanceof MaxPartSizeExceededError };
  }
}

/** A chosen file, or null when the file input was left empty. */
export function uploadedFile(formData: FormData, name: string): File | null {
  const value = formData.get(name);
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && !value.name) return null;
  return value;
}

/** Stores an uploaded photo; a bad file becomes a translation key for a field error. */
export async function storeUploadedImage(file: File): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  try {
    const stored = await storeImage(db, Buffer.from(await file.arrayBuffer()));
    return { ok: true, id: stored.id };
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, message: `producer:image.${error.reason}` };
    throw error;
  }
}

/** Strips File values so a form's other fields can be echoed back to the browser. */
export function textFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") out[key] = value;
  return out;
}
