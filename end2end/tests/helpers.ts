import { expect, type Page, type TestInfo } from "@playwright/test";

/** True in the project that runs with JavaScript. */
export const withJs = (info: TestInfo) => info.project.name === "js";

/** Opens a page; with JavaScript on and an island on the page, waits until the wasm has hydrated it (a page
 *  without an island loads no code at all). */
export async function open(page: Page, path: string, info: TestInfo) {
  const response = await page.goto(path);
  if (withJs(info) && (await page.locator("leptos-island").count()) > 0) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
}

/** On the payment page: "Pay by card", then the card sandbox's test card for `total` ("KES 1,710"). */
export async function payByCard(page: Page, total: string) {
  await page.getByRole("button", { name: "Pay by card" }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date (MM/YY)").fill("12/29");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: `Pay ${total}` }).click();
}
