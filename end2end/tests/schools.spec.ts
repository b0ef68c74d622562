import { expect, test, type TestInfo } from "@playwright/test";
import { registerPerson } from "./accounts-helpers";
import { fillToday, withJs } from "./helpers";
import { complete, provisionalLicence, registerBusinessPerson } from "./learner-helpers";

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

test("a school enrols a learner with a provisional licence and marks the course complete; the learner sees it", async ({ browser, page }, info) => {
  test.slow(); // a learner, an officer and a school each register
  const learner = pick(learners, info);
  await registerPerson(page, learner);
  await provisionalLicence(browser, page, info, 36);

  const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: false });
  const school = await context.newPage();
  try {
    await registerBusinessPerson(school, pick(directors, info), "P216337300W");
    await school.getByRole("link", { name: "Students of Kenya Drive Academy" }).click();
    await expect(school.getByRole("heading", { name: "Kenya Drive Academy" })).toBeVisible();

    // A first name that is not the register's: said beside the field and in the summary, the rest kept.
    await school.getByLabel("Learner's national ID number").fill(learner.id);
    await school.getByLabel("Learner's first name").fill(`${learner.first}a`);
    await school.getByLabel("Class", { exact: true }).selectOption("B");
    await fillToday(school);
    await school.getByRole("button", { name: "Enrol learner" }).click();
    const problem = "The ID number and first name do not match the national register";
    await expect(school.getByRole("alert")).toContainText(problem);
    await expect(school.locator("#id_number-error")).toContainText(problem);
    await expect(school.getByLabel("Learner's national ID number")).toHaveValue(learner.id);
    await school.getByLabel("Learner's first name").fill(learner.first);
    await school.getByRole("button", { name: "Enrol learner" }).click();
    await expect(school.getByText("The learner is enrolled.")).toBeVisible();
    await expect(school.getByText("In progress")).toBeVisible();
    await complete(school);

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
