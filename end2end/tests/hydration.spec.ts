import { expect, test } from "@playwright/test";
import { citizen, continueOn, PASSWORD, startCitizen, uniqueEmail, uniquePhone } from "./accounts-helpers";
import { islandsHydrated, withJs } from "./helpers";

/**
 * On a slow phone a person types before the page's code has arrived. When it arrives and takes over the page
 * (hydration), what was typed must still be there. The code is held back here until the typing is done.
 */
test("a password typed before the page's code arrives is still there once it runs", async ({ page }, info) => {
  test.skip(!withJs(info), "the code only runs with JavaScript on");
  await startCitizen(page, citizen(7, info));
  await page.getByLabel("Email address").fill(uniqueEmail());
  await page.getByLabel("Mobile number").fill(uniquePhone().typed);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/pkg/**", async (route) => {
    await held;
    await route.continue();
  });
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Create a password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  release();
  await islandsHydrated(page);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(PASSWORD);
  await expect(page.getByLabel("Confirm password")).toHaveValue(PASSWORD);
  await continueOn(page);
  await expect(page.getByRole("checkbox", { name: "I have read and accept the terms and conditions" })).toBeVisible();
});
