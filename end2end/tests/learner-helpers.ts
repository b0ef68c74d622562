import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { citizen, continueOn, finishRegistration, uniqueEmail, uniquePhone } from "./accounts-helpers";
import { fillToday, payByCard } from "./helpers";
import { asOfficer } from "./staff-helpers";

type Person = { id: string; first: string; year: string };

/** The learner applies for a class B provisional licence, pays by card, and an officer (citizen `officerSlot`) approves it. */
export async function provisionalLicence(browser: Browser, page: Page, info: TestInfo, officerSlot: number) {
  await page.goto("/en/services/provisional-dl");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("checkbox", { name: "B: car, pick-up or light vehicle" }).check();
  await continueOn(page);
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).textContent()) ?? "";
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 670");
  await expect(page.getByRole("heading", { name: "Application in review" })).toBeVisible();
  await asOfficer(browser, page, info, citizen(officerSlot, info), async (officer) => {
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });
}

/** A director of the organisation `pin` (a school, a SACCO) registers a business account for it; their phone. */
export async function registerBusinessPerson(page: Page, person: Person, pin: string, role = "Chief instructor") {
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Business" }).check();
  await continueOn(page);
  await page.getByLabel("Organisation's KRA PIN").fill(pin);
  await page.getByLabel("Your role in the organisation").fill(role);
  await page.getByRole("radio", { name: "Kenyan citizen" }).check();
  await page.getByLabel("Your national ID or foreigner certificate number").fill(person.id);
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Year of birth").fill(person.year);
  await continueOn(page);
  const phone = uniquePhone();
  await finishRegistration(page, uniqueEmail(), phone);
  return phone;
}

/** On the school's students page: enrols the learner for class B from today (what was typed must be right). */
export async function enrol(school: Page, learner: Person) {
  await school.getByLabel("Learner's national ID number").fill(learner.id);
  await school.getByLabel("Learner's first name").fill(learner.first);
  await school.getByLabel("Class", { exact: true }).selectOption("B");
  await fillToday(school);
  await school.getByRole("button", { name: "Enrol learner" }).click();
  await expect(school.getByText("The learner is enrolled.")).toBeVisible();
}

/** On the learner's page: marks the course complete. */
export async function complete(school: Page) {
  await school.getByRole("button", { name: "Mark course complete" }).click();
  await expect(school.getByText("The course is marked complete. The learner can book a driving test.")).toBeVisible();
}
