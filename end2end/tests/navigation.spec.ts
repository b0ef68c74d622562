import { expect, test, type Page } from "@playwright/test";
import { citizen, codeSentTo, continueOn, PASSWORD, registerPerson } from "./accounts-helpers";
import { islandsHydrated, open, withJs } from "./helpers";

/**
 * Issue 15: with JavaScript, links and forms swap the page in place (app/src/navigation.js); without it, every
 * page loads whole as before. A marker set on `window` survives a swap and is lost by a full load.
 */
async function mark(page: Page) {
  await page.evaluate(() => ((window as unknown as { uraiaMark: number }).uraiaMark = 1));
}
const marked = (page: Page) => page.evaluate(() => (window as unknown as { uraiaMark?: number }).uraiaMark === 1);

test("links swap the page in place, move focus to its heading, and the back button works", async ({ page }, info) => {
  await open(page, "/en", info);
  await mark(page);
  await page.getByRole("link", { name: "Check what a service costs" }).click();
  await expect(page).toHaveURL(/\/en\/fees$/);
  const heading = page.getByRole("heading", { level: 1, name: "Check what a service costs" });
  await expect(heading).toBeVisible();
  await expect(page).toHaveTitle(/Check what a service costs/);
  expect(await marked(page)).toBe(withJs(info));
  if (withJs(info)) {
    await expect(heading).toBeFocused();
    // The fee checker's island hydrates on the swapped page: the total shows without a round trip.
    await islandsHydrated(page);
    await page.getByRole("radio", { name: "Driving licence renewal, 1 year" }).check();
    await expect(page.getByText("KES 620")).toBeVisible();
  }
  await page.goBack();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renew your licence, register a vehicle and book an inspection online");
  expect(await marked(page)).toBe(withJs(info));
  await page.goForward();
  await expect(page).toHaveURL(/\/en\/fees$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check what a service costs" })).toBeVisible();
});

test("the language switch swaps the language of the whole page", async ({ page }, info) => {
  await open(page, "/en/fees", info);
  await mark(page);
  await page.getByRole("link", { name: "Kiswahili" }).click();
  await expect(page).toHaveURL(/\/sw\/fees$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Angalia gharama ya huduma");
  expect(await marked(page)).toBe(withJs(info));
});

test("a refused form comes back in place with its message focused and what was typed kept", async ({ page }, info) => {
  await open(page, "/en/login", info);
  await mark(page);
  await page.getByLabel("Email address or ID number").fill("nobody@example.com");
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Email address or ID number")).toHaveValue("nobody@example.com");
  expect(await marked(page)).toBe(withJs(info));
});

test("signing in, a redirect after a server function, and signing out all swap in place", async ({ page }, info) => {
  const { email, phone } = await registerPerson(page, citizen(71, info));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await open(page, "/en/login", info);
  await mark(page);
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/(login\/code|dashboard)/);
  expect(await marked(page)).toBe(withJs(info));
  if (page.url().includes("/login/code")) {
    await page.getByLabel("Code").fill(await codeSentTo(page.request, phone.e164));
    await continueOn(page);
  }
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(await marked(page)).toBe(withJs(info));
  // Signed out, the back button cannot show the dashboard: it is asked for again, and sign-in is required.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Your services" })).toHaveCount(0);
});

test("a script injected into a fetched page without the response's nonce does not run", async ({ page }, info) => {
  test.skip(!withJs(info), "the swap exists only where JavaScript runs");
  await open(page, "/en", info);
  await mark(page);
  // Markup that reached a page some other way (a stored value, a proxy): a script without the response's nonce.
  await page.route("**/en/fees", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      "</main>",
      '<script>window.uraiaInjected = 1;</script><script nonce="guessed">window.uraiaInjected = 2;</script></main>',
    );
    await route.fulfill({ response, body });
  });
  await page.getByRole("link", { name: "Check what a service costs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check what a service costs" })).toBeVisible();
  expect(await marked(page)).toBe(true);
  // The page's own scripts ran (its island hydrated); the injected ones did not.
  await islandsHydrated(page);
  expect(await page.evaluate(() => (window as unknown as { uraiaInjected?: number }).uraiaInjected)).toBeUndefined();
});
