import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Timings in a real browser, printed, never asserted: run by scripts/bench.sh against its own server, not by the
// test suite (playwright.config.ts does not look in ./bench).
export default defineConfig({
  ...base,
  testDir: "./bench",
  globalSetup: undefined,
  retries: 0,
  workers: 1,
  timeout: 120_000,
  projects: [{ name: "bench", use: { javaScriptEnabled: true } }],
});
