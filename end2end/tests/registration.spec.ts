import { expect, test } from "@playwright/test";
import { citizen, continueOn, registerPerson } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";
import { asOfficer } from "./staff-helpers";

/**
 * Registering a vehicle: the questions and their messages, paying by card in the development card sandbox, an
 * officer's approval on the staff pages (in a browser of their own), then the plate.
 * Register people and vehicles this file alone uses (app/demo-data), one per project: [JavaScript on, off].
 */
const people = [
  { id: "38980078", first: "Tabitha", year: "1962", vin: "1HGCM82633A004352", entry: "24MSAIM4012345" },
  { id: "24487309", first: "Achieng", year: "1968", vin: "1G1ZT53826F109149", entry: "24JKAIM4012346" },
];
const pick = (info: Parameters<typeof withJs>[0]) => people[withJs(info) ? 0 : 1];


test("register a vehicle: each mistake explained, paid, approved by an officer, and the plate in My vehicles", async ({ browser, page }, info) => {
  test.slow(); // the officer registers and signs in too
  const person = pick(info);
  await registerPerson(page, person);
  await page.goto("/en/services/registration");
  await expect(page.getByText("KES 1,700")).toBeVisible();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "About the vehicle" })).toBeVisible();

  // Step 1: nothing filled in: every question says what it needs.
  await continueOn(page);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter the make of the vehicle");
  await expect(summary).toContainText("Select the colour");
  await page.getByLabel("Make").fill("Toyota");
  await page.getByLabel("Model").fill("Land Cruiser");
  await page.getByLabel("Year of manufacture").fill("2024");
  await page.getByLabel("Body type").selectOption({ label: "SUV" });
  await page.getByLabel("Colour").selectOption({ label: "White" });
  await continueOn(page);

  // Step 2: a mistyped chassis number and an engine whose fee NTSA has not published.
  await expect(page.getByRole("heading", { name: "Chassis, engine and customs entry" })).toBeVisible();
  const mistyped = person.vin.slice(0, 16) + (person.vin.endsWith("2") ? "3" : "2");
  await page.getByLabel("Chassis number (VIN)").fill(mistyped);
  await page.getByLabel("Engine number").fill("1GR-4471122");
  await page.getByLabel("Engine capacity in cc").fill("1500");
  await page.getByLabel("Customs entry number").fill(person.entry);
  await continueOn(page);
  await expect(summary).toContainText("Chassis number is not valid: a character is mistyped");
  await expect(summary).toContainText("NTSA has not published the fee for engines from 1,201 to 3,000 cc");
  await expect(page.getByLabel("Chassis number (VIN)")).toHaveValue(mistyped);
  await page.getByLabel("Chassis number (VIN)").fill(person.vin);
  await page.getByLabel("Engine capacity in cc").fill("4608");
  await continueOn(page);

  // Step 3: the owner.
  await expect(page.getByRole("heading", { name: "Who will own the vehicle?" })).toBeVisible();
  await page.getByRole("radio", { name: `You, ${person.first}` }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText(person.vin)).toBeVisible();
  await expect(page.getByText("KES 8,350")).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).textContent()) ?? "";

  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 8,350");
  await expect(page.getByRole("heading", { name: "Application in review" })).toBeVisible();

  await asOfficer(browser, page, info, citizen(21, info), async (officer) => {
    await officer.goto("/en/staff");
    await officer.getByRole("link", { name: reference }).click();
    await expect(officer.getByRole("heading", { name: `Application ${reference}` })).toBeVisible();
    await expect(officer.getByText(person.vin)).toBeVisible();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await expect(officer.getByText("You are deciding this application for the next 30 minutes.")).toBeVisible();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
  const plate = page.getByRole("definition").filter({ hasText: /^KDZ \d{3}A$/ });
  await expect(plate).toBeVisible();
  const number = (await plate.textContent()) ?? "";
  const application = page.url();
  await page.getByRole("link", { name: "Printable version Vehicle registration slip" }).click();
  await expect(page.getByText(person.vin)).toBeVisible();
  await expect(page.getByText("White")).toBeVisible();
  // In Kiswahili the slip names the colour and the body type in the reader's language.
  await page.goto(page.url().replace("/en/", "/sw/"));
  await expect(page.getByRole("heading", { name: "Stakabadhi ya usajili wa gari" })).toBeVisible();
  await expect(page.getByText("Nyeupe")).toBeVisible();
  await page.goto("/en/dashboard");
  await expect(page.getByText(number).first()).toBeVisible();
  expect(application).toContain("/en/applications/");
});
