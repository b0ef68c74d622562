import { expect, type Page, type TestInfo } from "@playwright/test";

/** True in the projects that run with JavaScript (`js`, `clock-js`). */
export const withJs = (info: TestInfo) => !info.project.name.includes("no-js");

/** Opens a page; with JavaScript on and an island on the page, waits until the wasm has hydrated it (a page
 *  without an island loads no code at all). */
export async function open(page: Page, path: string, info: TestInfo) {
  const response = await page.goto(path);
  if (withJs(info)) await islandsHydrated(page);
  return response;
}

/** Waits until every island on the page runs its code: each island's code is a chunk of its own that arrives
 *  after the runtime (`data-hydrated` on `<html>`), and marks its `<leptos-island>` once it has run. */
export async function islandsHydrated(page: Page) {
  if ((await page.locator("leptos-island").count()) === 0) return;
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("leptos-island:not([data-hydrated])")).toHaveCount(0);
}

/** On the payment page: "Pay by card", then the card sandbox's test card for `total` ("KES 1,710"). */
export async function payByCard(page: Page, total: string) {
  await page.getByRole("button", { name: "Pay by card" }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date (MM/YY)").fill("12/29");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: `Pay ${total}` }).click();
}
