import { defineConfig } from "@playwright/test";

// Debian's Chromium (Playwright's own browser download is not possible offline). The flags keep it from
// reaching for Google's services, which this network refuses.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    launchOptions: chromium,
    trace: "off",
  },
  // clock.spec.ts moves the server's clock forward, so it runs alone, after everything else.
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, testIgnore: /clock\.spec/ },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: /clock\.spec/ },
    // No retries there: a retry would run on a clock its first try already moved, and hide why that try failed.
    { name: "clock-js", use: { javaScriptEnabled: true }, testMatch: /clock\.spec/, dependencies: ["js", "no-js"], retries: 0 },
    { name: "clock-no-js", use: { javaScriptEnabled: false }, testMatch: /clock\.spec/, dependencies: ["clock-js"], retries: 0 },
  ],
});
