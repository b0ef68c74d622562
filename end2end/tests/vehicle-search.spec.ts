import { expect, test } from "@playwright/test";
import { continueOn, registerPerson } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";

/** Register people this file alone uses (app/demo-data), one per project: [JavaScript on, off]. */
const people = [
  { id: "12614102", first: "Daniel", year: "1989" },
  { id: "32677526", first: "Wycliffe", year: "1962" },
];

test("a copy of records: an unknown plate explained, paid by card, the record with the owner masked", async ({ page }, info) => {
  await registerPerson(page, people[withJs(info) ? 0 : 1]);
  await page.goto("/en/services/vehicle-search");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which vehicle?" })).toBeVisible();
  await page.getByLabel("Number plate").fill("KZZ 999Z");
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("There is no vehicle on the register with the number plate KZZ 999Z");
  await expect(page.getByLabel("Number plate")).toHaveValue("KZZ 999Z");
  await page.getByLabel("Number plate").fill("kad040z");
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("KES 570")).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 570");
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The vehicle's record" })).toBeVisible();
  await expect(page.getByText("Equity Bank Kenya Ltd")).toBeVisible();
  await expect(page.getByText("O***** E**** O*****")).toBeVisible();
  // The printable copy in Kiswahili.
  await page.getByRole("link", { name: "Printable version Copy of vehicle records" }).click();
  await page.goto(page.url().replace("/en/", "/sw/"));
  await expect(page.getByRole("heading", { name: "Nakala ya rekodi za gari" })).toBeVisible();
  await expect(page.getByText("Maslahi ya mkopeshaji")).toBeVisible();
});
