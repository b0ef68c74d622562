import { expect, test } from "@playwright/test";

test("an unknown address is a 404 in the reader's language", async ({ page }) => {
  const english = await page.goto("/en/no-such-page");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Go to the Uraia home page" })).toHaveAttribute("href", "/en");
  const swahili = await page.goto("/sw/no-such-page");
  expect(swahili?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ukurasa haupatikani");
});
