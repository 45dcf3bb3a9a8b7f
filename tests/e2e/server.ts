/**
 * Playwright's web server: the production build, on its own fresh database with the demo data.
 * Builds first when there is no build (e.g. `npx playwright test` on its own).
 */
import fs from "node:fs";
import { execSync, spawn } from "node:child_process";

const dbPath = process.env.DATABASE_PATH!;
if (!fs.existsSync("build/index.js") || process.env.E2E_BUILD === "1") execSync("npx remix build", { stdio: "inherit" });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
execSync("npx tsx scripts/db-setup.ts", { stdio: "inherit", env: process.env });
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
