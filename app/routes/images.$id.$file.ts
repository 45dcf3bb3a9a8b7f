import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { imageFiles } from "#db/schema";
import { db } from "~/utils/db.server";

/** Content-keyed image bytes: the URL changes when the picture does, so cache forever. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const match = /^(\d{2,4})\.webp$/.exec(params.file ?? "");
  if (!/^[a-f0-9]{32}$/.test(id) || !match) throw new Response("Not Found", { status: 404 });
  const width = Number(match[1]);
  const row = db
    .select({ data: imageFiles.data, contentType: imageFiles.contentType })
    .from(imageFiles)
    .where(and(eq(imageFiles.imageId, id), eq(imageFiles.width, width)))
    .get();
  if (!row) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(row.data), {
    headers: {
      "Content-Type": row.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Length": String(row.data.byteLength),
    },
  });
}
