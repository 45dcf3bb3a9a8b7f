import path from "node:path";
import { defineConfig } from "vitest/config";

const r = (p: string) => path.resolve(import.meta.dirname, p);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^~\/(.*)$/, replacement: r("app") + "/$1" },
      { find: /^#db\/(.*)$/, replacement: r("db") + "/$1" },
      { find: /^#tests\/(.*)$/, replacement: r("tests") + "/$1" },
    ],
  },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["tests/setup/vitest.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
