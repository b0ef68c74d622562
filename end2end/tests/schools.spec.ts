import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { citizen, continueOn, finishRegistration, registerPerson, uniqueEmail, uniquePhone } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";
import { asOfficer } from "./staff-helpers";

/**
 * Driving school records: a learner gets a provisional licence (paid, approved by an officer), a driving school's
 * person enrols them and marks the course complete (the school's side always with JavaScript off, as a school's
 * office computer may have it), and the learner sees the course on the dashboard.
 * People this file alone uses (app/demo-data), one per project: [JavaScript on, off]. The school people are
 * directors of Kenya Drive Academy (P216337300W) in the demo KRA records.
 */
const learners = [
  { id: "11638273", first: "Omar", year: "2007" },
  { id: "7956728", first: "Caroline", year: "1993" },
];
const directors = [
  { id: "37407785", first: "Joyce", year: "1956" },
  { id: "30468827", first: "Joseph", year: "1961" },
];
const pick = <T>(list: T[], info: TestInfo) => list[withJs(info) ? 0 : 1];

/** The learner applies for class B, pays by card, and an officer approves it. */
async function provisionalLicence(browser: Browser, page: Page, info: TestInfo) {
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
  await asOfficer(browser, page, info, citizen(36, info), async (officer) => {
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });
}

/** A director of Kenya Drive Academy registers a business account for it. */
async function registerSchoolPerson(page: Page, person: { id: string; first: string; year: string }) {
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Business" }).check();
  await continueOn(page);
  await page.getByLabel("Organisation's KRA PIN").fill("P216337300W");
  await page.getByLabel("Your role in the organisation").fill("Chief instructor");
  await page.getByRole("radio", { name: "Kenyan citizen" }).check();
  await page.getByLabel("Your national ID or foreigner certificate number").fill(person.id);
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Year of birth").fill(person.year);
  await continueOn(page);
  await finishRegistration(page, uniqueEmail(), uniquePhone());
}

test("a school enrols a learner with a provisional licence and marks the course complete; the learner sees it", async ({ browser, page }, info) => {
  test.slow(); // a learner, an officer and a school each register
  const learner = pick(learners, info);
  await registerPerson(page, learner);
  await provisionalLicence(browser, page, info);

  const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: false });
  const school = await context.newPage();
  try {
    await registerSchoolPerson(school, pick(directors, info));
    await school.getByRole("link", { name: "Students of Kenya Drive Academy" }).click();
    await expect(school.getByRole("heading", { name: "Kenya Drive Academy" })).toBeVisible();

    // A first name that is not the register's: said beside the field and in the summary, the rest kept.
    const today = new Date();
    await school.getByLabel("Learner's national ID number").fill(learner.id);
    await school.getByLabel("Learner's first name").fill(`${learner.first}a`);
    await school.getByLabel("Class", { exact: true }).selectOption("B");
    await school.getByLabel("Day", { exact: true }).fill(String(today.getDate()));
    await school.getByLabel("Month", { exact: true }).fill(String(today.getMonth() + 1));
    await school.getByLabel("Year", { exact: true }).fill(String(today.getFullYear()));
    await school.getByRole("button", { name: "Enrol learner" }).click();
    const problem = "The ID number and first name do not match the national register";
    await expect(school.getByRole("alert")).toContainText(problem);
    await expect(school.locator("#id_number-error")).toContainText(problem);
    await expect(school.getByLabel("Learner's national ID number")).toHaveValue(learner.id);
    await school.getByLabel("Learner's first name").fill(learner.first);
    await school.getByRole("button", { name: "Enrol learner" }).click();
    await expect(school.getByText("The learner is enrolled.")).toBeVisible();
    await expect(school.getByText("In progress")).toBeVisible();
    await school.getByRole("button", { name: "Mark course complete" }).click();
    await expect(school.getByText("The course is marked complete. The learner can book a driving test.")).toBeVisible();

    // The school finds the learner by ID number in its list.
    await school.getByRole("link", { name: "Back to all students" }).click();
    await school.getByLabel("Search students").fill(learner.id);
    await school.getByRole("button", { name: "Search", exact: true }).click();
    await expect(school.getByRole("row", { name: new RegExp(learner.id) })).toContainText("Complete on");
  } finally {
    await context.close();
  }

  await page.goto("/en/dashboard");
  const courses = page.getByRole("table", { name: "My driving course" });
  await expect(courses.getByRole("row", { name: /Kenya Drive Academy/ })).toContainText("Complete on");
});
