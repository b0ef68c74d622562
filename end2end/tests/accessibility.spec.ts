import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { open, withJs } from "./helpers";

const pages = [
  "/en",
  "/sw",
  "/en/fees",
  "/sw/fees?service=smart-dl",
  "/en/fees?show=total",
  "/en/no-such-page",
  "/en/register",
  "/sw/register",
  "/en/login",
  "/en/reset",
  "/en/services",
  "/sw/services?q=leseni",
  "/en/services?q=xyzzy",
  "/en/services/dl-renewal",
  "/en/verify",
  "/sw/verify/7KQ2-M9XD-4TNB",
  "/en/verify?code=7KQ2",
  "/en/performance",
  "/sw/performance?from-day=31&from-month=2&from-year=2026",
];

for (const path of pages) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }, info) => {
    // axe runs as a script inside the page, so it needs JavaScript; the HTML it checks is the same either way.
    test.skip(!withJs(info), "axe needs JavaScript in the page");
    await open(page, path, info);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
