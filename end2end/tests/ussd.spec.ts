import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, registerCitizen } from "./accounts-helpers";
import { withJs } from "./helpers";

/**
 * The USSD channel: a citizen sets a USSD PIN on the website (a weak one refused, with the message by the field
 * and in the summary), then dials the development simulator from their phone and sees their licence in Kiswahili
 * and their applications in English. One person per project: `citizen(49)` (a licence B C1, no offences).
 */
async function reply(page: Page, answer: string) {
  await page.getByLabel("Reply").fill(answer);
  await page.getByRole("button", { name: "Send" }).click();
}

test("a citizen sets a USSD PIN and sees their licence on the phone", async ({ page }, info) => {
  const { phone } = await registerCitizen(page, info, 49);
  await page.goto("/en/account");
  await page.getByRole("link", { name: "Set or change your USSD PIN" }).click();
  await expect(page.getByRole("heading", { name: "Your USSD PIN", level: 1 })).toBeVisible();
  await expect(page.getByText("You have not set a PIN.")).toBeVisible();

  await page.getByLabel("New PIN", { exact: true }).fill("1234");
  await page.getByLabel("Type the new PIN again").fill("1234");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set PIN" }).click();
  const weak = "Choose a PIN that is not 4 of the same digit or 4 digits in a row, like 1111 or 1234";
  await expect(page.getByRole("link", { name: weak })).toBeVisible();
  await expect(page.getByLabel("New PIN", { exact: true })).toHaveAccessibleDescription(new RegExp(weak));
  // Nothing typed comes back: a PIN and a password are secrets.
  await expect(page.getByLabel("New PIN", { exact: true })).toHaveValue("");
  if (withJs(info)) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    expect(serious).toEqual([]);
  }

  await page.getByLabel("New PIN", { exact: true }).fill("2580");
  await page.getByLabel("Type the new PIN again").fill("2580");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set PIN" }).click();
  await expect(page.getByText("Your USSD PIN is set.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change PIN" })).toBeVisible();

  await page.goto("/dev/ussd");
  await page.getByLabel("Phone number").fill(phone.typed);
  await page.getByRole("button", { name: /^Dial / }).click();
  const screen = page.getByRole("region", { name: "Phone screen" }).getByRole("status");
  await expect(screen).toContainText("2 Kiswahili");
  await reply(page, "2");
  await expect(screen).toContainText("1 Leseni yangu ya udereva");
  await reply(page, "1");
  await expect(screen).toHaveText("Andika PIN yako ya USSD ya Uraia:");
  await reply(page, "2580");
  await expect(screen).toContainText("Leseni ya udereva, madaraja B, C1");
  await expect(page.getByLabel("Reply")).toHaveCount(0);

  await page.getByRole("button", { name: /^Dial / }).click();
  await reply(page, "1");
  await reply(page, "4");
  await reply(page, "2580");
  await expect(screen).toHaveText("You have sent no applications yet.");
});
