/**
 * An in-process micro-cache for anonymous, publicly cacheable pages (docs/decisions/050-micro-cache.md).
 * It behaves like the shared cache the pages already invite (`Cache-Control: public, max-age=…`):
 * - only GET/HEAD from visitors without cookies other than the language choice;
 * - only 200 responses that say `public` with a max-age and set no cookie;
 * - kept for min(max-age, maxTtlMs), keyed by URL and language, least-recently-used out first.
 * The cached response's own CSP header is replayed with its body, so the script nonces match.
 */
import zlib from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";

type Entry = { status: number; headers: Record<string, string | string[]>; body: Buffer; gzipped?: Buffer; expires: number };

const SKIP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-cache"]);

export function microCache(opts: { maxEntries?: number; maxTtlMs?: number; maxBodyBytes?: number } = {}) {
  const maxEntries = opts.maxEntries ?? 2000;
  const maxTtlMs = opts.maxTtlMs ?? 60_000;
  const maxBodyBytes = opts.maxBodyBytes ?? 256 * 1024;
  const entries = new Map<string, Entry>();

  function keyOf(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "/";
    if (url.startsWith("/build/")) return null; // fingerprinted files: the browser caches those
    let lang = "vi";
    const cookie = req.headers.cookie;
    if (cookie) {
      for (const part of cookie.split(";")) {
        const [name, value] = part.trim().split("=");
        if (name !== "lng") return null; // a session, a cart…: personal, never shared
        lang = value === "en" ? "en" : "vi";
      }
    }
    return `${lang} ${url}`;
  }

  /**
   * Answers from memory if it can, at the bare node:http level (before Express and its
   * middleware). Returns false when the request must go on to the app.
   */
  function serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = keyOf(req);
    if (!key) return false;
    const hit = entries.get(key);
    if (!hit) return false;
    if (hit.expires <= Date.now()) {
      entries.delete(key);
      return false;
    }
    entries.delete(key); // refresh its LRU position
    entries.set(key, hit);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    let body = hit.body;
    if (gzip) {
      hit.gzipped ??= zlib.gzipSync(hit.body);
      body = hit.gzipped;
    }
    res.statusCode = hit.status;
    for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value);
    res.setHeader("X-Cache", "HIT");
    res.setHeader("Vary", appendVary(hit.headers["vary"], "Accept-Encoding"));
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", String(body.length));
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  /** Express middleware: on a miss, keeps a copy of a cacheable answer. */
  const handler = (req: Request, res: Response, next: NextFunction) => {
    if (serve(req, res)) return;
    const key = keyOf(req);
    if (!key || req.method === "HEAD") return next();

    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk == null || tooBig || typeof chunk === "function") return;
      const buf = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      size += buf.length;
      if (size > maxBodyBytes) tooBig = true;
      else chunks.push(buf);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response["end"];
    res.setHeader("X-Cache", "MISS");
    res.on("finish", () => {
      if (tooBig || res.statusCode !== 200 || res.getHeader("set-cookie")) return;
      const cc = String(res.getHeader("cache-control") ?? "");
      const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(cc);
      if (!/\bpublic\b/.test(cc) || /no-store|private/.test(cc) || !maxAge || Number(maxAge[1]) <= 0) return;
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined || SKIP_HEADERS.has(name)) continue;
        headers[name] = Array.isArray(value) ? value : String(value);
      }
      // Compression (registered before us) sets these per response; the body we keep is uncompressed.
      delete headers["content-encoding"];
      entries.set(key, { status: 200, headers, body: Buffer.concat(chunks), expires: Date.now() + Math.min(maxTtlMs, Number(maxAge[1]) * 1000) });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    });
    next();
  };
  return Object.assign(handler, { entries, serve });
}

function appendVary(existing: string | string[] | undefined, field: string) {
  const list = String(existing ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === field.toLowerCase())) list.push(field);
  return list.join(", ");
}
