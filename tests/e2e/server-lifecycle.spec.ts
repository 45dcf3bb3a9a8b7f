/**
 * The production server as an operator meets it: a clear refusal to start with a bad production
 * environment, and a graceful shutdown that lets an in-flight request finish and closes the database.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { test, expect } from "./fixtures";
import { E2E_OPERATOR } from "../../playwright.config";

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, LOG_REQUESTS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A port nobody listens on right now. */
function freePort(): Promise<string> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(String(port)));
    });
  });
}

/** Waits for THIS child's own "listening" line (not just any server on the port). */
async function waitForListening(output: () => string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (output().includes("listening on")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${output()}`);
}

test("refuses to start in production without SESSION_SECRET, naming it", async () => {
  const server = startServer({ NODE_ENV: "production", PORT: await freePort(), SESSION_SECRET: "" });
  const code = await server.exited;
  expect(code).toBe(1);
  expect(server.output()).toContain("SESSION_SECRET: is required in production");
});

test("refuses to start live without the operator's details, naming them", async () => {
  const server = startServer({ NODE_ENV: "production", PORT: await freePort(), SESSION_SECRET: "l".repeat(40), OPERATOR_TAX_CODE: "12" });
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain("OPERATOR_TAX_CODE: must be a Vietnamese tax code");
  expect(server.output()).toContain("OPERATOR_NAME: is required in production");
});

test("npm start's demo mode serves the production build without secrets, and says so", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "choso-demo-"));
  const dbPath = path.join(dir, "demo.db");
  fs.copyFileSync("tests/.tmp/e2e.db", dbPath);
  const port = await freePort();
  const server = startServer({
    NODE_ENV: "production",
    DEMO_MODE: "1",
    PORT: port,
    DATABASE_PATH: dbPath,
    SESSION_SECRET: "",
    STRIPE_API_BASE: "",
    STRIPE_SECRET_KEY: "",
    STRIPE_WEBHOOK_SECRET: "",
  });
  await waitForListening(server.output);
  expect(server.output()).toContain("demo mode");
  const home = await (await fetch(`http://localhost:${port}/`)).text();
  expect(home).toContain("Bản trình diễn: dữ liệu mẫu, không có tiền thật.");
  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("SIGTERM lets in-flight requests finish, then closes the database and exits 0", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "choso-lifecycle-"));
  const dbPath = path.join(dir, "life.db");
  fs.copyFileSync("tests/.tmp/e2e.db", dbPath);
  const port = await freePort();
  const server = startServer({ NODE_ENV: "production", PORT: port, DATABASE_PATH: dbPath, SESSION_SECRET: "l".repeat(40), ...E2E_OPERATOR });
  await waitForListening(server.output);
  // Start a request, then signal while it is still being served.
  const inflight = fetch(`http://localhost:${port}/`).then(async (r) => ({ status: r.status, body: await r.text() }));
  await new Promise((r) => setTimeout(r, 5));
  server.child.kill("SIGTERM");
  const result = await inflight;
  expect(result.status).toBe(200);
  expect(result.body).toContain("Chợ Số");
  const code = await server.exited;
  expect(code, server.output()).toBe(0);
  expect(server.output()).toContain("Database closed.");
  // A cleanly closed WAL database leaves no -wal file behind.
  expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
