import crypto from "node:crypto";
import sharp from "sharp";
import { imageFiles, images } from "#db/schema";
import type { DB } from "#db/client";

export const IMAGE_WIDTHS = [320, 640, 1024] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export class ImageRejectedError extends Error {
  constructor(public readonly reason: "tooLarge" | "unsupported" | "corrupt" | "tooManyPixels") {
    super(reason);
  }
}

/**
 * Accepts a JPEG, PNG or WebP recognised by its content (never its name), re-encodes it to WebP at
 * a few widths, and drops every piece of metadata (EXIF, GPS, ICC) on the way: sharp writes none
 * unless asked. Returns the content-keyed id.
 */
export async function storeImage(db: DB, input: Buffer): Promise<{ id: string; width: number; height: number }> {
  if (input.byteLength === 0) throw new ImageRejectedError("corrupt");
  if (input.byteLength > MAX_UPLOAD_BYTES) throw new ImageRejectedError("tooLarge");
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // limitInputPixels guards against decompression bombs (default 268 MP is too generous).
    meta = await sharp(input, { limitInputPixels: 40_000_000 }).metadata();
  } catch {
    throw new ImageRejectedError("corrupt");
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw new ImageRejectedError("unsupported");
  if (!meta.width || !meta.height) throw new ImageRejectedError("corrupt");

  const variants: { width: number; data: Buffer; height: number }[] = [];
  try {
    for (const target of IMAGE_WIDTHS) {
      const width = Math.min(target, meta.width);
      if (variants.some((v) => v.width === width)) continue;
      const { data, info } = await sharp(input, { limitInputPixels: 40_000_000 })
        .rotate() // honour EXIF orientation before the metadata is dropped
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width, data, height: info.height });
    }
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new ImageRejectedError("tooManyPixels");
    throw new ImageRejectedError("corrupt");
  }
  const largest = variants[variants.length - 1]!;
  const id = crypto.createHash("sha256").update(largest.data).digest("hex").slice(0, 32);
  db.transaction((tx) => {
    tx.insert(images).values({ id, width: largest.width, height: largest.height }).onConflictDoNothing().run();
    for (const v of variants) {
      tx.insert(imageFiles).values({ imageId: id, width: v.width, contentType: "image/webp", data: v.data }).onConflictDoNothing().run();
    }
  });
  return { id, width: largest.width, height: largest.height };
}

/** `/images/{id}/{width}.webp` — served with immutable caching by routes/images.$id.$file.ts */
export function imageUrl(id: string, width: number = 640) {
  return `/images/${id}/${width}.webp`;
}

export function imageSrcSet(id: string, originalWidth: number) {
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, originalWidth)))];
  return widths.map((w) => `${imageUrl(id, w)} ${w}w`).join(", ");
}
