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

/**
 * Today in Nairobi, as the server counts days, whatever the time zone of the machine running the tests (from 21:00
 * UTC, Nairobi is already a day ahead of a machine on UTC).
 */
function nairobiToday() {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Nairobi", day: "numeric", month: "numeric", year: "numeric" })
    .formatToParts(new Date());
  const part = (type: string) => String(Number(parts.find((p) => p.type === type)?.value));
  return { day: part("day"), month: part("month"), year: part("year") };
}

/** Fills the Day, Month and Year fields within `scope` with today in Nairobi. */
export async function fillToday(scope: Page) {
  const today = nairobiToday();
  await scope.getByLabel("Day", { exact: true }).fill(today.day);
  await scope.getByLabel("Month", { exact: true }).fill(today.month);
  await scope.getByLabel("Year", { exact: true }).fill(today.year);
}
