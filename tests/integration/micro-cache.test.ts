import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { microCache } from "../../server/micro-cache";

let server: http.Server;
let base = "";
let renders = 0;
const cache = microCache({ maxEntries: 3, maxTtlMs: 300 });

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${Math.random()}'`);
    next();
  });
  app.use(cache);
  app.get("/public/:id", (req, res) => {
    renders++;
    res.setHeader("Cache-Control", "public, max-age=60");
    res.write(`<p>page ${req.params.id} render ${renders} `);
    res.end(`lang-cookie=${req.headers.cookie ?? ""}</p>`);
  });
  app.get("/private", (_req, res) => {
    renders++;
    res.setHeader("Cache-Control", "private, no-store");
    res.end(`render ${renders}`);
  });
  app.get("/cookie", (_req, res) => {
    renders++;
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("Set-Cookie", "a=b");
    res.end(`render ${renders}`);
  });
  app.get("/missing", (_req, res) => {
    renders++;
    res.status(404).setHeader("Cache-Control", "public, max-age=60");
    res.end(`render ${renders}`);
  });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = async (path: string, cookie?: string) => {
  const res = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: await res.text(), cache: res.headers.get("x-cache"), csp: res.headers.get("content-security-policy") };
};

describe("micro-cache", () => {
  it("serves a public page again from memory, with the CSP header it was rendered with", async () => {
    const first = await get("/public/1");
    const second = await get("/public/1");
    expect(first.cache).toBe("MISS");
    expect(second.cache).toBe("HIT");
    expect(second.body).toBe(first.body);
    expect(second.csp).toBe(first.csp); // nonces in the body and the header still agree
  });

  it("keys by language, and never shares a page with a session or cart cookie", async () => {
    const vi = await get("/public/2");
    const en = await get("/public/2", "lng=en");
    expect(en.cache).toBe("MISS");
    expect(en.body).not.toBe(vi.body);
    expect((await get("/public/2", "lng=en")).cache).toBe("HIT");
    const withSession = await get("/public/2", "lng=vi; __session=abc");
    expect(withSession.cache).toBeNull();
    expect(withSession.body).toContain("__session=abc");
    expect((await get("/public/2", "__cart=xyz")).cache).toBeNull();
  });

  it("never keeps private, cookie-setting or non-200 responses", async () => {
    for (const path of ["/private", "/cookie", "/missing"]) {
      const a = await get(path);
      const b = await get(path);
      expect(b.body, path).not.toBe(a.body);
      expect(b.cache, path).toBe("MISS");
    }
  });

  it("expires entries after the TTL and evicts the least recently used", async () => {
    const a = await get("/public/ttl");
    await new Promise((r) => setTimeout(r, 350));
    const b = await get("/public/ttl");
    expect(b.cache).toBe("MISS");
    expect(b.body).not.toBe(a.body);
    for (const id of ["x", "y", "z", "w"]) await get(`/public/${id}`);
    expect(cache.entries.size).toBe(3);
    expect((await get("/public/x")).cache).toBe("MISS"); // the oldest went first
  });
});

describe("micro-cache at the bare http level", () => {
  it("answers a hit before the app runs, gzipped for clients that accept it", async () => {
    const c = microCache();
    const app = express();
    let appRuns = 0;
    app.use((_q, _s, next) => {
      appRuns++;
      next();
    });
    app.use(c);
    app.get("/page", (_req, res) => {
      res.setHeader("Cache-Control", "public, max-age=60");
      res.setHeader("Vary", "Cookie");
      res.end("<p>" + "Chè Tân Cương ".repeat(200) + "</p>");
    });
    const srv = http.createServer((req, res) => {
      if (c.serve(req, res)) return;
      app(req, res);
    });
    await new Promise<void>((r) => srv.listen(0, () => r()));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/page`;
    const first = await fetch(url);
    const firstBody = await first.text();
    expect(first.headers.get("x-cache")).toBe("MISS");
    const gz = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("x-cache")).toBe("HIT");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    expect(await gz.text()).toBe(firstBody); // fetch decodes gzip transparently
    expect(appRuns).toBe(1);
    await new Promise<void>((r) => srv.close(() => r()));
  });
});
