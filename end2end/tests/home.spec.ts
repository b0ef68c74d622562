import { expect, test } from "@playwright/test";
import { open, withJs } from "./helpers";

test("the home page says what the service does", async ({ page }, info) => {
  await open(page, "/en", info);
  await expect(page).toHaveTitle(/Uraia/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renew your licence, register a vehicle and book an inspection online");
  await expect(page.getByRole("link", { name: "Check what a service costs" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("https://uraia.go.ke");
});

test("the root address sends people to a language", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
});

test("the skip link is the first thing a keyboard reaches and jumps to the content", async ({ page }, info) => {
  await open(page, "/en", info);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
});

test("the language switch changes every visible string and is remembered", async ({ page }, info) => {
  await open(page, "/en/fees", info);
  const english = await page.locator("body").innerText();
  await page.getByRole("link", { name: "Kiswahili" }).click();
  await expect(page).toHaveURL(/\/sw\/fees$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Angalia gharama ya huduma");
  const swahili = await page.locator("body").innerText();
  // Every English sentence (three words or more) is gone; names, amounts and addresses may stay.
  const sentences = english.split("\n").map((line) => line.trim()).filter((line) => line.split(/\s+/).length >= 3);
  const leftovers = sentences.filter((line) => swahili.includes(line) && !/^(KES|https?:)/.test(line));
  expect(leftovers).toEqual([]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sw$/);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renew your licence, register a vehicle and book an inspection online");
  expect(withJs(info) || (await page.locator("html").getAttribute("data-hydrated")) === null).toBeTruthy();
});

test("pages render without JavaScript", async ({ page }, info) => {
  test.skip(withJs(info), "the no-js project checks this");
  await page.goto("/sw");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Huisha leseni, sajili gari na weka nafasi za huduma za NTSA mtandaoni",
  );
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
});

test("every file a page asks for arrives and nothing is blocked or fails", async ({ page }, info) => {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  // A Content-Security-Policy violation or a script error shows up as a console error.
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  await open(page, "/en/fees", info);
  await page.waitForLoadState("networkidle");
  expect(failures).toEqual([]);
});
