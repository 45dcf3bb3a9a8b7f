/** Helpers for the storefront integration tests: signed-in requests and route calls. */
import sharp from "sharp";
import { createUserSession } from "~/utils/session.server";
import { context, cookieFrom } from "./request";

export async function cookieFor(userId: number) {
  return cookieFrom(await createUserSession(new Request("http://localhost:3000/login"), userId, "/"));
}

type RouteFn = (args: never) => Promise<unknown>;

/** Calls a loader/action like Remix does; a thrown Response (redirect, 404) is returned instead. */
export async function callRoute(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn({ request, context, params } as never);
    if (result instanceof Response) return result;
    throw new Error("route returned a non-Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A multipart POST (FormData sets the boundary), optionally with a file. */
export function multipartRequest(url: string, fields: Record<string, string>, cookie: string, files: Record<string, File> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const [k, f] of Object.entries(files)) body.set(k, f);
  return new Request(new URL(url, "http://localhost:3000"), { method: "POST", body, headers: { Cookie: cookie } });
}

export async function pngFile(width = 1200, height = 900, name = "photo.png") {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(buffer)], name, { type: "image/png" });
}
