/**
 * `npm test`: the whole suite — typecheck, vitest (unit + integration), production build,
 * Playwright end-to-end in Chromium — then one plain line of totals, `N passed, N failed`,
 * which is what CI reads. Exits non-zero on any failure.
 */
import fs from "node:fs";
import { spawnSync } from "node:child_process";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv[2]; // optional: "unit" or "e2e"

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${title}: ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return res.status ?? 1;
}

fs.mkdirSync("test-results", { recursive: true });

if (!only) {
  const status = run("typecheck", "npx", ["tsc", "--noEmit"]);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
}

if (!only || only === "unit") {
  const out = "test-results/vitest.json";
  fs.rmSync(out, { force: true });
  const status = run("unit + integration (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numFailedTests === 0 && status !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else {
    totals.failed += 1;
  }
}

if (!only || only === "e2e") {
  const build = run("production build", "npx", ["remix", "build"]);
  if (build !== 0) totals.failed += 1;
  else {
    // JS budget: no page needs more than ~150 KB (gzip) of JavaScript to become interactive.
    if (run("JS budget per route (gzip)", "npx", ["tsx", "scripts/bundle-size.ts", "--max-kb", "150"]) === 0) totals.passed += 1;
    else totals.failed += 1;
    const out = "test-results/e2e.json";
    fs.rmSync(out, { force: true });
    const status = run("end-to-end (Playwright, Chromium)", "npx", ["playwright", "test"], { PW_REPORTER: "quiet" });
    if (fs.existsSync(out)) {
      const r = JSON.parse(fs.readFileSync(out, "utf8")) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
        errors?: unknown[];
      };
      totals.passed += r.stats.expected + r.stats.flaky;
      totals.failed += r.stats.unexpected + (r.stats.unexpected === 0 && status !== 0 ? 1 : 0);
      totals.skipped += r.stats.skipped;
    } else {
      totals.failed += 1;
    }
  }
}

console.log("");
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
