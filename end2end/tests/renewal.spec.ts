import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { continueOn, registerPerson, signIn } from "./accounts-helpers";
import { withJs } from "./helpers";

/**
 * Register people this file alone uses (app/demo-data): one per test and project, chosen for their licence.
 * [JavaScript on, JavaScript off].
 */
const people = {
  renew: [{ id: "13042856", first: "Lilian", year: "1982" }, { id: "32473212", first: "Dorcas", year: "1999" }],
  resume: [{ id: "17020399", first: "Naomi", year: "1990" }, { id: "28084537", first: "Peter", year: "1968" }],
  smart: [{ id: "15730347", first: "Mary", year: "1988" }, { id: "27860081", first: "Brenda", year: "1988" }],
  // Unpaid offences of KES 3,000 each.
  offences: [{ id: "22345678", first: "Chebet", year: "1978" }, { id: "34263611", first: "Mary", year: "1973" }],
};
const pick = (list: keyof typeof people, info: Parameters<typeof withJs>[0]) => people[list][withJs(info) ? 0 : 1];

async function search(page: Page, words: string, label = "Search for a service", button = "Search") {
  await page.getByRole("searchbox", { name: label }).fill(words);
  await page.getByRole("button", { name: button }).click();
}

async function startRenewal(page: Page) {
  await search(page, "leseni");
  await page.getByRole("link", { name: "Renew a driving licence" }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Renew your driving licence" })).toBeVisible();
}

test("search 'NTSA' and 'leseni', renew for 3 years and submit: awaiting payment with the total", async ({ page }, info) => {
  await registerPerson(page, pick("renew", info));
  await search(page, "NTSA");
  await expect(page.getByRole("link", { name: "Renew a driving licence" })).toBeVisible();
  await page.goto("/en/dashboard");
  await startRenewal(page);
  await expect(page.getByText("Step 1 of 2")).toBeVisible();
  await page.getByRole("radio", { name: "For 3 years", exact: true }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("KES 1,450")).toBeVisible();
  // Submitting without the declaration says what to do, next to the field and in the summary.
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm the declaration to submit your application");
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByRole("heading", { name: "Application submitted" })).toBeVisible();
  await expect(page.getByText(/^UR[2-9A-Z]{8}$/)).toBeVisible();
  await expect(page.getByText(/Pay KES 1,450 to complete your application/)).toBeVisible();
  await expect(page.getByText("Awaiting payment").first()).toBeVisible();
  // Back on the dashboard, the application is listed with its status.
  await page.getByRole("link", { name: "Go to Your services" }).click();
  const row = page.getByRole("row", { name: /Renew a driving licence/ });
  await expect(row).toContainText("Awaiting payment");
});

test("a draft left after step 2 resumes from the dashboard in another browser", async ({ page, browser }, info) => {
  const { email, phone } = await registerPerson(page, pick("resume", info));
  await startRenewal(page);
  await page.getByRole("radio", { name: "For 1 year" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();

  const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: withJs(info) });
  const other = await context.newPage();
  await signIn(other, email, phone.e164);
  const row = other.getByRole("row", { name: /Renew a driving licence/ });
  await expect(row).toContainText("Draft");
  await row.getByRole("link", { name: /Continue/ }).click();
  await expect(other.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(other.getByText("For 1 year")).toBeVisible();
  await other.getByRole("link", { name: "Change Renewal" }).click();
  await expect(other.getByRole("radio", { name: "For 1 year" })).toBeChecked();
  await context.close();
});

test("a smart licence without a photo goes to the photo page and back", async ({ page }, info) => {
  await registerPerson(page, pick("smart", info));
  await startRenewal(page);
  await page.getByRole("radio", { name: "Smart driving licence (Smart DL), for 3 years" }).check();
  await continueOn(page);
  await expect(page.getByText("A smart licence needs your passport photo.")).toBeVisible();
  await page.getByLabel("Choose a photo").setInputFiles(path.join(__dirname, "..", "fixtures", "photo-400x400.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("heading", { name: "Details for your smart licence" })).toBeVisible();
  // Everything wrong at once, then right; what was typed comes back.
  await page.getByLabel("Place of birth").fill("Nyeri");
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Select the county where you live");
  await expect(page.getByLabel("Place of birth")).toHaveValue("Nyeri");
  await page.getByRole("radio", { name: "O+" }).check();
  await page.getByLabel("County where you live").selectOption("Nyeri");
  await page.getByLabel("Postal or physical address").fill("P.O. Box 12-10100 Nyeri");
  await page.getByRole("radio", { name: "Nyeri Office" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("KES 3,100")).toBeVisible();
});

test("unpaid offences refuse the renewal with the amount, in Kiswahili", async ({ page }, info) => {
  await registerPerson(page, pick("offences", info));
  await page.goto("/sw/dashboard");
  await search(page, "leseni", "Tafuta huduma", "Tafuta");
  await page.getByRole("link", { name: "Huisha leseni ya udereva", exact: true }).click();
  await page.getByRole("button", { name: "Anza sasa" }).click();
  await expect(page.getByText("una makosa ya barabarani ambayo hayajalipiwa, yenye jumla ya KES 3,000")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
});
