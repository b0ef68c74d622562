import { expect, test } from "@playwright/test";
import { registerPerson } from "./accounts-helpers";
import { withJs } from "./helpers";

/** Register people this file alone uses (app/demo-data), one per project: [JavaScript on, off]. */
const citizens = [
  { id: "26077480", first: "Moses", year: "1961" },
  { id: "35228067", first: "Wambui", year: "1992" },
];

test("a citizen gets the ordinary 404 on the staff pages, in English and Kiswahili", async ({ page }, info) => {
  await registerPerson(page, citizens[withJs(info) ? 0 : 1]);
  for (const [path, heading] of [
    ["/en/staff", "Page not found"],
    ["/en/staff/audit", "Page not found"],
    ["/sw/staff", "Ukurasa haupatikani"],
  ]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});

test("a visitor gets the ordinary 404 on the staff pages and the audit export", async ({ page }) => {
  const response = await page.goto("/en/staff");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const csv = await page.request.get("/staff/audit.csv");
  expect(csv.status()).toBe(404);
});
