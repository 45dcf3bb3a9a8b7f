/**
 * Trace page benchmark (issue 4): a generated database of 100 000 lots / 1 000 000 events, the
 * production server on it, autocannon with 50 connections on random lots' trace pages; then, in
 * the same run, a bare node:http server answering a fixed page of the same size. Prints both and
 * their ratio and writes them into docs/performance.md ("Trace page").
 *   npx tsx scripts/bench/trace-page.ts [--lots 100000] [--duration 15] [--no-write]
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { benchCode, BENCH_GTIN, generateTraceBench } from "./trace-data";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LOTS = arg("lots", 100_000);
const DURATION = arg("duration", 15);
// The "hot" workload: scans concentrated on HOT lots spread over the database (packets on shelves
// are scanned again and again), which the in-process micro-cache serves after the first render.
const HOT = arg("hot", 1000);
const CONNECTIONS = 50;
const PORT = 3391;
const BARE_PORT = 3392;
const DB_FILE = path.resolve("data/bench/trace.db");

// autocannon ships no types; the slice used here:
type AutocannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };
type Autocannon = (opts: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => unknown;
const autocannonModule = "autocannon";
const autocannon = ((await import(autocannonModule)) as { default: Autocannon }).default;

type Result = { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number };

type Pick = (() => number) | null;
const randomLot: Pick = () => Math.floor(Math.random() * LOTS);
const hotLot: Pick = () => Math.floor(Math.random() * HOT) * Math.floor(LOTS / HOT);

function run(url: string, pick: Pick): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: pick
          ? [
              {
                setupRequest: (req: Record<string, unknown>) => {
                  const i = pick();
                  // Half by short code, half by GS1 Digital Link, as phones would arrive.
                  req.path = i % 2 ? `/t/${benchCode(i)}` : `/01/${BENCH_GTIN}/10/${benchCode(i)}`;
                  return req;
                },
              },
            ]
          : undefined,
      },
      (error: Error | null, r: AutocannonResult) => {
        if (error) return reject(error);
        resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, requests: r.requests.total });
      },
    );
    void instance;
  });
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 12_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function assertPortFree(port: number) {
  const inUse = await fetch(`http://localhost:${port}/`).then(
    () => true,
    () => false,
  );
  if (inUse) throw new Error(`Port ${port} is already in use: stop whatever listens there first.`);
}

const dbReady = fs.existsSync(DB_FILE) && process.env.BENCH_REUSE_DB === "1";
if (!dbReady) {
  console.log(`Generating ${LOTS} lots and ${LOTS * 10} events…`);
  const gen = await generateTraceBench(DB_FILE, LOTS);
  console.log(`  done in ${gen.seconds.toFixed(1)} s`);
}
if (!fs.existsSync("build/index.js")) execSync("npx remix build", { stdio: "inherit" });

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(PORT),
  DATABASE_PATH: DB_FILE,
  PUBLIC_URL: `http://localhost:${PORT}`,
  SESSION_SECRET: "bench-session-secret-bench-session-secret-01",
  LOG_REQUESTS: "0",
} as NodeJS.ProcessEnv;
await assertPortFree(PORT);
await assertPortFree(BARE_PORT);
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
let sample: string;
let trace: Result;
let hot: Result;
try {
  await waitFor(`http://localhost:${PORT}/healthz`);
  sample = await (await fetch(`http://localhost:${PORT}/t/${benchCode(Math.floor(LOTS / 2))}`)).text();
  if (!sample.includes('data-ok="true"')) throw new Error("The generated trace page does not verify");
  // Warm-up, then measure.
  const warm = await run(`http://localhost:${PORT}`, randomLot);
  console.log(`warm-up: ${Math.round(warm.rps)} req/s, p99 ${warm.p99} ms, ${warm.errors + warm.non2xx} errors`);
  trace = await run(`http://localhost:${PORT}`, randomLot);
  await run(`http://localhost:${PORT}`, hotLot); // fills the micro-cache with the hot lots
  hot = await run(`http://localhost:${PORT}`, hotLot);
} finally {
  await stop(server);
}

// The machine's ceiling: node:http answering a fixed page of the same size, in its own process.
const bareScript = `const http=require("node:http");const body=Buffer.alloc(${Buffer.byteLength(sample)},120);http.createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Content-Length":body.length});s.end(body)}).listen(${BARE_PORT})`;
const bare = spawn(process.execPath, ["-e", bareScript], { stdio: "inherit" });
await waitFor(`http://localhost:${BARE_PORT}/`);
await run(`http://localhost:${BARE_PORT}`, null).catch(() => undefined);
const ceiling = await run(`http://localhost:${BARE_PORT}`, null);
await stop(bare);

const ratio = trace.rps / ceiling.rps;
const hotRatio = hot.rps / ceiling.rps;
const line = (name: string, r: Result) => `| ${name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors + r.non2xx} |`;
const table = [
  "| server | requests/s | p50 ms | p99 ms | requests | errors + non-2xx |",
  "|---|---:|---:|---:|---:|---:|",
  line(`trace page, random lots of ${LOTS.toLocaleString("en")} (mostly rendered)`, trace),
  line(`trace page, ${HOT.toLocaleString("en")} hot lots (micro-cache after first render)`, hot),
  line(`bare node:http, fixed ${Buffer.byteLength(sample)}-byte page`, ceiling),
].join("\n");
const verdict = `random lots: ratio ${(ratio * 100).toFixed(1)} %, p99 ${trace.p99} ms; hot lots: ratio ${(hotRatio * 100).toFixed(1)} %, p99 ${hot.p99} ms (targets: ratio ≥ 33 %, p99 < 50 ms)`;
console.log(`\n${table}\n\n${verdict}`);

if (!args.includes("--no-write")) {
  const doc = path.resolve("docs/performance.md");
  const existing = fs.existsSync(doc) ? fs.readFileSync(doc, "utf8") : "# Performance\n";
  const section = `## Trace page

Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx scripts/bench/trace-page.ts\` on ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}:
${LOTS.toLocaleString("en")} lots, ${(LOTS * 10).toLocaleString("en")} events, ${CONNECTIONS} connections, ${DURATION} s per run after a warm-up,
requests half \`/t/{code}\`, half \`/01/{gtin}/10/{lot}\`, no \`Accept-Encoding\` (both servers send the same bytes).
The trace page request includes the whole chain verification (10 SHA-256) and the full React render.

${table}

${verdict}.
Load average at the end of the run: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}.

**What this says.** Rendering a trace page at the origin costs ≈ 5–7 ms of CPU (React render,
Remix routing, the loader with its chain check; the database lookups are well under 1 ms), so a
random lot out of 100 000 — nearly every request a fresh render — cannot approach a third of a bare
\`node:http\` answer (~0.05 ms), and with 50 connections queued on one core its p99 is long: **the
targets are not met for random lots**. Real scans concentrate on the lots on shelves; the page is
\`public, max-age=60, s-maxage=300\` (docs/decisions/022) and the server keeps anonymous copies in
its micro-cache (docs/decisions/050), so repeated scans of a lot are answered from memory — the
"hot lots" row, which is the figure that matters for a shop full of packets. Scans are still
counted by the no-store beacon. A CDN in front would carry the same caching to the edge.
`;
  const re = /## Trace page\n[\s\S]*?(?=\n## |\s*$)/;
  const next = re.test(existing) ? existing.replace(re, section.trimEnd()) : `${existing.trimEnd()}\n\n${section}`;
  fs.writeFileSync(doc, next.endsWith("\n") ? next : next + "\n");
  console.log(`Wrote ${path.relative(process.cwd(), doc)}`);
}
process.exit(0);
