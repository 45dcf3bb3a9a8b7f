import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  type UploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { ImageRejectedError, MAX_UPLOAD_BYTES, storeImage } from "./images.server";
import { db } from "./db.server";

export type ParsedForm = { formData: FormData; tooLarge: Set<string> };

// Past this, an oversized file is no longer drained (so its form fields are kept): the read stops.
const DRAIN_LIMIT = 4 * MAX_UPLOAD_BYTES;

/**
 * File parts: kept in memory up to 10 MB. A bigger file is read to its end without being kept and
 * reported in `tooLarge`, so the rest of the form survives and comes back with a field error.
 */
function fileHandler(tooLarge: Set<string>): UploadHandler {
  return async ({ name, filename, contentType, data }) => {
    if (typeof filename !== "string") return undefined;
    const chunks: BlobPart[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > DRAIN_LIMIT) throw new MaxPartSizeExceededError(name, MAX_UPLOAD_BYTES);
      if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk as BlobPart);
    }
    if (size > MAX_UPLOAD_BYTES) {
      tooLarge.add(name);
      return undefined;
    }
    return new File(chunks, filename, { type: contentType });
  };
}

/**
 * Reads a form that may carry photos, with Remix's multipart parser: files through the handler
 * above, text fields through the memory upload handler limited to 64 KB each. A urlencoded body is
 * read normally; any malformed body becomes an empty form. Never throws.
 */
export async function readUploadForm(request: Request): Promise<ParsedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const tooLarge = new Set<string>();
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const handler = unstable_composeUploadHandlers(fileHandler(tooLarge), unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }));
      return { formData: await unstable_parseMultipartFormData(request, handler), tooLarge };
    }
    return { formData: await request.formData(), tooLarge };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) tooLarge.add(error.field);
    return { formData: new FormData(), tooLarge };
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
