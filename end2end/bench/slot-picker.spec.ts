import { expect, test, type Page } from "@playwright/test";
import { continueOn, registerPerson } from "../tests/accounts-helpers";

/**
 * Issue 13's page weight: the inspection time picker (the page that lists a day's times with their places left),
 * as the browser receives it (bytes on the wire, compressed as the server sends them), first visit and repeat,
 * JavaScript on. Prints the figures; asserts nothing about them.
 */
async function weigh(page: Page, url: string) {
  const sizes: { url: string; bytes: number }[] = [];
  const listener = async (response: import("@playwright/test").Response) => {
    const bytes = (await response.request().sizes()).responseBodySize;
    sizes.push({ url: response.url(), bytes });
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", listener);
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  const html = sizes.filter((s) => !/\/pkg\//.test(s.url)).reduce((sum, s) => sum + s.bytes, 0);
  return { total, html, files: sizes.length };
}

test("the inspection time picker's weight", async ({ page, browser }) => {
  await registerPerson(page, { id: "35678901", first: "Juma", year: "2001" });
  await page.goto("/en/services/inspection");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("radio", { name: /KDS 818L/ }).check();
  await continueOn(page);
  await page.getByRole("radio", { name: "Annual inspection (PSV or commercial vehicle)" }).check();
  await continueOn(page);
  await page.getByRole("radio", { name: "Likoni Road Inspection Centre" }).check();
  await continueOn(page);
  await page.getByRole("radio").first().check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "What time?" })).toBeVisible();
  const url = page.url();
  // A first visit: a new browser context (empty cache) with the same session.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const fresh = await context.newPage();
  const first = await weigh(fresh, url);
  const again = await weigh(fresh, url);
  await context.close();
  console.log(
    `inspection time picker, JavaScript on: ${first.total} bytes on the wire in ${first.files} responses ` +
      `(HTML ${first.html}); reloaded: ${again.total} bytes (target: <= 153600 in all)`,
  );
});
