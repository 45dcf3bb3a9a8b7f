/**
 * The production HTTP server (docs/decisions/001-express-server.md): Express around the Remix
 * request handler, with compression, request logging, security headers with a per-request CSP
 * nonce, immutable caching of fingerprinted assets and a graceful shutdown.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import express from "express";
import compression from "compression";
import morgan from "morgan";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, EnvError } from "../app/utils/env.server";
import { parseOperator } from "../app/utils/operator.server";
import { cspDirectives } from "./csp";
import { microCache } from "./micro-cache";
import { createStripeStandIn } from "./stripe-standin";
import { DEV_WEBHOOK_SECRET } from "../app/utils/stripe.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let config;
try {
  config = parseEnv(process.env);
  // The operator's details every page shows: required on a live server (docs/decisions/073).
  parseOperator(process.env, config.LIVE);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\n✖ Chợ Số cannot start.\n${error.message}\nSee .env.example and README.md.\n`);
    process.exit(1);
  }
  throw error;
}
const isProduction = config.NODE_ENV === "production";

async function loadBuild(): Promise<ServerBuild> {
  const url = pathToFileURL(path.join(root, "build", "index.js")).href;
  return (await import(url + (isProduction ? "" : `?t=${Date.now()}`))) as ServerBuild;
}

const build = await loadBuild();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", 1);

// Anonymous, publicly cacheable pages (trace pages, catalogue) are answered from memory for their
// max-age (≤ 60 s), before Express runs at all (see the http server below); a hit replays the stored
// headers, CSP included, gzipped once. MICRO_CACHE=0 turns it off.
const pageCache = process.env.MICRO_CACHE === "0" ? null : microCache();
app.use(compression());
// After compression, so a miss copies the uncompressed answer.
if (pageCache) app.use(pageCache);

// Fingerprinted build assets never change: cache for a year.
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
// Other public files (favicon, manifest): an hour.
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.use(
  morgan(isProduction ? "tiny" : "dev", {
    skip: (req) => req.url === "/healthz" || process.env.LOG_REQUESTS === "0",
  }),
);

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    xPoweredBy: false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    // HSTS only makes sense behind HTTPS.
    strictTransportSecurity: config.PUBLIC_URL.startsWith("https://"),
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives({
        nonce: (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
        stripeApiBase: config.STRIPE_API_BASE,
        development: !isProduction,
      }),
    },
  }),
);

// The built-in Stripe stand-in (docs/decisions/031-stripe-standin.md): without real keys outside
// live production (development, tests, the demo), or when STRIPE_API_BASE points at this very server (the e2e suite).
const selfOrigins = [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
const standInWanted =
  (!config.LIVE && !config.STRIPE_SECRET_KEY && !config.STRIPE_API_BASE) ||
  (!!config.STRIPE_API_BASE && selfOrigins.includes(new URL(config.STRIPE_API_BASE).origin));
if (standInWanted) {
  const standIn = createStripeStandIn({
    webhookUrl: `http://127.0.0.1:${config.PORT}/webhooks/stripe`,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET,
    hostedOrigin: config.PUBLIC_URL,
  });
  app.use(standIn.router);
  console.log("Stripe stand-in mounted at /v1 and /__stripe (test mode, no real money)");
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? "unknown",
    }),
  }),
);

const server = http.createServer((req, res) => {
  if (pageCache?.serve(req, res)) return;
  app(req, res);
});
server.listen(config.PORT, () => {
  console.log(`Chợ Số listening on http://localhost:${config.PORT} (${config.NODE_ENV}${config.DEMO_MODE ? ", demo mode" : ""})`);
  if (config.DEMO_MODE) {
    console.log(
      "DEMO MODE: demo data, a development session secret unless SESSION_SECRET is set, the Stripe stand-in " +
        "(test mode, no real money) and development bank-webhook keys. For real users run `npm run serve` " +
        "with NODE_ENV=production and real secrets (README, “Going live”).",
    );
  }
});

let shuttingDown = false;
function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal} received: finishing in-flight requests…`);
  // Stop accepting connections; in-flight requests finish, idle keep-alive sockets close.
  server.close(() => {
    const entry = build.entry.module as { closeDatabase?: () => void };
    entry.closeDatabase?.();
    console.log("Database closed. Bye.");
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    console.error("Forcing shutdown after 10 s.");
    process.exit(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
