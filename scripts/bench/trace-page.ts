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

function run(url: string, randomPath: boolean): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: randomPath
          ? [
              {
                setupRequest: (req: Record<string, unknown>) => {
                  const i = Math.floor(Math.random() * LOTS);
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

const env = { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_PATH: DB_FILE, PUBLIC_URL: `http://localhost:${PORT}`, SESSION_SECRET: "bench-session-secret-bench-session-secret-01", LOG_REQUESTS: "0" } as NodeJS.ProcessEnv;
await assertPortFree(PORT);
await assertPortFree(BARE_PORT);
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
let sample: string;
let trace: Result;
try {
  await waitFor(`http://localhost:${PORT}/healthz`);
  sample = await (await fetch(`http://localhost:${PORT}/t/${benchCode(Math.floor(LOTS / 2))}`)).text();
  if (!sample.includes('data-ok="true"')) throw new Error("The generated trace page does not verify");
  // Warm-up, then measure.
  const warm = await run(`http://localhost:${PORT}`, true);
  console.log(`warm-up: ${Math.round(warm.rps)} req/s, p99 ${warm.p99} ms, ${warm.errors + warm.non2xx} errors`);
  trace = await run(`http://localhost:${PORT}`, true);
} finally {
  await stop(server);
}

// The machine's ceiling: node:http answering a fixed page of the same size, in its own process.
const bareScript = `const http=require("node:http");const body=Buffer.alloc(${Buffer.byteLength(sample)},120);http.createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Content-Length":body.length});s.end(body)}).listen(${BARE_PORT})`;
const bare = spawn(process.execPath, ["-e", bareScript], { stdio: "inherit" });
await waitFor(`http://localhost:${BARE_PORT}/`);
await run(`http://localhost:${BARE_PORT}`, false).catch(() => undefined);
const ceiling = await run(`http://localhost:${BARE_PORT}`, false);
await stop(bare);

const ratio = trace.rps / ceiling.rps;
const line = (name: string, r: Result) => `| ${name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors + r.non2xx} |`;
const table = [
  "| server | requests/s | p50 ms | p99 ms | requests | errors + non-2xx |",
  "|---|---:|---:|---:|---:|---:|",
  line("trace page (production server, random lots)", trace),
  line(`bare node:http, fixed ${Buffer.byteLength(sample)}-byte page`, ceiling),
].join("\n");
console.log(`\n${table}\n\nratio trace/bare: ${(ratio * 100).toFixed(1)} % (target ≥ 33 %); p99 ${trace.p99} ms (target < 50 ms)`);

if (!args.includes("--no-write")) {
  const doc = path.resolve("docs/performance.md");
  const existing = fs.existsSync(doc) ? fs.readFileSync(doc, "utf8") : "# Performance\n";
  const section = `## Trace page

Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx scripts/bench/trace-page.ts\` on ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}:
${LOTS.toLocaleString("en")} lots, ${(LOTS * 10).toLocaleString("en")} events, ${CONNECTIONS} connections, ${DURATION} s per run after a warm-up,
each request a random lot (half \`/t/{code}\`, half \`/01/{gtin}/10/{lot}\`), no \`Accept-Encoding\` (both servers send the same bytes).
The trace page request includes the whole chain verification (10 SHA-256) and the full React render.

${table}

Ratio trace / bare: **${(ratio * 100).toFixed(1)} %** (target ≥ 33 %); trace page p99 **${trace.p99} ms** (target < 50 ms).
Load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (the machine is shared with other jobs).

**Targets not met at the origin.** A CPU profile of the production server under load (\`node --cpu-prof\`)
put the cost of one uncached trace page at roughly 10–15 ms of CPU: React server rendering ≈ 5 ms,
the loader ≈ 3 ms (drizzle query building ≈ 2 ms of it; the chain check ≈ 0.1 ms), Remix routing and
serialisation and i18next instances ≈ 2–3 ms, Express middleware the rest; the database itself
(indexed lookups in the 365 MB file, in the OS page cache) is well under 1 ms. Since then the page's
queries are prepared once per connection and the timeline uses one \`useTranslation\`. A bare
\`node:http\` answer costs ~0.1 ms, so no server-rendered page gets near a third of it, and with 50
connections on a CPU-starved machine the queue makes p99 explode (the errors are autocannon's 10 s
timeouts). What the design relies on instead: the page is \`public, max-age=60, s-maxage=300\`
(docs/decisions/022), so a CDN or caching proxy in front serves repeated scans of a lot without
touching the origin, while scans are still counted by the no-store beacon. Next step if the origin
itself must meet the target: an in-process micro-cache of anonymous trace pages honouring \`s-maxage\`
(helps hot lots only; random lots over 100 000 would still be rendered), and measuring on an idle machine.
`;
  const re = /## Trace page\n[\s\S]*?(?=\n## |\s*$)/;
  const next = re.test(existing) ? existing.replace(re, section.trimEnd()) : `${existing.trimEnd()}\n\n${section}`;
  fs.writeFileSync(doc, next.endsWith("\n") ? next : next + "\n");
  console.log(`Wrote ${path.relative(process.cwd(), doc)}`);
}
process.exit(0);
