import { expect, test } from "@playwright/test";
import { registerCitizen } from "./accounts-helpers";

/**
 * Reminders before anything expires: a citizen turns the PSV badge's off on the account page, in Kiswahili, and
 * the choice is kept; every kind is on until then. One person per project: `citizen(44)`.
 */
test("a citizen turns a kind of reminder off, in Kiswahili", async ({ page }, info) => {
  await registerCitizen(page, info, 44);
  await page.goto("/en/account");
  await expect(page.getByRole("heading", { name: "Reminders" })).toBeVisible();
  for (const kind of ["My driving licence", "My PSV badge"]) {
    await expect(page.getByRole("checkbox", { name: kind })).toBeChecked();
  }

  await page.goto("/sw/account");
  await expect(page.getByRole("heading", { name: "Vikumbusho" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Beji yangu ya PSV" }).uncheck();
  await page.getByRole("button", { name: "Hifadhi vikumbusho" }).click();
  await expect(page.getByText("Vikumbusho vyako vimehifadhiwa")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Beji yangu ya PSV" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Leseni yangu ya udereva" })).toBeChecked();
});
