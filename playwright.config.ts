import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB = "tests/.tmp/e2e.db";
export const E2E_OPERATOR = {
  OPERATOR_NAME: "Công ty TNHH Chợ Số Kiểm Thử",
  OPERATOR_ADDRESS: "Số 1 đường Thử Nghiệm, Phường Phan Đình Phùng, Tỉnh Thái Nguyên",
  OPERATOR_TAX_CODE: "4600000001",
  OPERATOR_PHONE: "0208 3 000 001",
  OPERATOR_EMAIL: "vanhanh@choso.test",
};

/** Debian's Chromium (this machine and CI) unless CHROMIUM_PATH says otherwise; else Playwright's own. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.PW_REPORTER === "quiet" ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-gpu",
        "--no-sandbox",
      ],
    },
  },
  projects: [{ name: "mobile-chromium", use: { ...devices["Pixel 5"], browserName: "chromium" } }],
  webServer: {
    command: "tsx tests/e2e/server.ts",
    url: `http://localhost:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(E2E_PORT),
      DATABASE_PATH: E2E_DB,
      PUBLIC_URL: `http://localhost:${E2E_PORT}`,
      SESSION_SECRET: "e2e-session-secret-e2e-session-secret-0123",
      LOG_REQUESTS: "0",
      // Card payments through the built-in Stripe stand-in on this same server (test mode, no real money).
      STRIPE_API_BASE: `http://127.0.0.1:${E2E_PORT}`,
      STRIPE_SECRET_KEY: "sk_test_e2e_standin",
      STRIPE_WEBHOOK_SECRET: "whsec_e2e_test_secret",
      SEPAY_API_KEY: "e2e-sepay-key",
      CASSO_CHECKSUM_KEY: "e2e-casso-key",
      // The operator's details, required on a live server (docs/decisions/073).
      ...E2E_OPERATOR,
    },
  },
});
