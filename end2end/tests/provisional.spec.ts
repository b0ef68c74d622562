import { expect, test } from "@playwright/test";
import { citizen, continueOn, registerPerson } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";
import { asOfficer } from "./staff-helpers";

/**
 * The provisional driving licence, the learner's first step: classes open by age from the register's date of
 * birth, paid by card, approved by an officer, then on the dashboard with a document anyone can check.
 * Learners on the demo register (app/demo-data/people.csv, appended for issue 28), one per project:
 * [JavaScript on, off].
 */
const learners = {
  // 16 years old: a light motorcycle, not a car.
  approved: [{ id: "40112233", first: "Baraka", year: "2010" }, { id: "40112234", first: "Neema", year: "2010" }],
  // 17: a car from the 18th birthday (21 June 2027, 24 December 2027).
  refused: [
    { id: "40221144", first: "Imani", year: "2009", opens: "21 Juni 2027", driver: "21 Juni 2030" },
    { id: "40221145", first: "Tumaini", year: "2009", opens: "24 Desemba 2027", driver: "24 Desemba 2030" },
  ],
};
const pick = <K extends keyof typeof learners>(list: K, info: Parameters<typeof withJs>[0]) =>
  learners[list][withJs(info) ? 0 : 1] as (typeof learners)[K][number];

test("a 16-year-old gets a provisional licence for a light motorcycle: paid, approved, on the dashboard and checkable", async ({ browser, page }, info) => {
  test.slow(); // the officer registers and signs in too
  await registerPerson(page, pick("approved", info));
  await page.goto("/en/services/provisional-dl");
  await expect(page.getByText("KES 650")).toBeVisible();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which classes will you learn?" })).toBeVisible();

  // Nothing ticked, then a car at 16: each refusal says why, and what was ticked stays ticked.
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Select at least one class to learn");
  await page.getByRole("checkbox", { name: "B: car, pick-up or light vehicle" }).check();
  await page.getByRole("checkbox", { name: "A2: light motorcycle" }).check();
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Class B is from the age of 18: you can apply for it from");
  await expect(page.getByRole("checkbox", { name: "A2: light motorcycle" })).toBeChecked();
  await page.getByRole("checkbox", { name: "B: car, pick-up or light vehicle" }).uncheck();
  await continueOn(page);

  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("KES 670")).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).textContent()) ?? "";
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 670");
  await expect(page.getByRole("heading", { name: "Application in review" })).toBeVisible();

  await asOfficer(browser, page, info, citizen(35, info), async (officer) => {
    await officer.getByRole("link", { name: reference }).click();
    await expect(officer.getByRole("heading", { name: `Application ${reference}` })).toBeVisible();
    await expect(officer.getByText("A2", { exact: true })).toBeVisible();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });

  await page.reload();
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your provisional licence" })).toBeVisible();
  await page.getByRole("link", { name: "Printable version Provisional driving licence" }).click();
  await expect(page.getByText("Carry it whenever you drive, with L plates")).toBeVisible();
  const code = (await page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/).first().textContent()) ?? "";
  await page.goto(`/en/verify?code=${encodeURIComponent(code)}`);
  await expect(page.getByText("Uraia issued this document and it is valid today.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Provisional driving licence" }).first()).toBeVisible();

  await page.goto("/en/dashboard");
  const permits = page.getByRole("table", { name: "My provisional licences" });
  await expect(permits.getByRole("row", { name: /^A2 / })).toBeVisible();
});

test("in Kiswahili, a 17-year-old is told the day a car class opens and is refused a PSV badge, each with the reason", async ({ page }, info) => {
  const learner = pick("refused", info);
  await registerPerson(page, learner);
  await page.goto("/sw/services/provisional-dl");
  await page.getByRole("button", { name: "Anza sasa" }).click();
  await expect(page.getByRole("heading", { name: "Utajifunza madaraja gani?" })).toBeVisible();
  await page.getByRole("checkbox", { name: "B: gari dogo, pick-up au gari jepesi" }).check();
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByRole("alert")).toContainText(
    `Daraja B ni kuanzia umri wa miaka 18: unaweza kuliombea kuanzia ${learner.opens}`,
  );
  await expect(page.getByRole("checkbox", { name: "B: gari dogo, pick-up au gari jepesi" })).toHaveAccessibleDescription(
    `Unaweza kuomba daraja hili kuanzia ${learner.opens}`,
  );
  await page.getByRole("checkbox", { name: "B: gari dogo, pick-up au gari jepesi" }).uncheck();
  await page.getByRole("checkbox", { name: "A2: pikipiki ndogo" }).check();
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByRole("heading", { name: "Kagua majibu yako" })).toBeVisible();
  await expect(page.getByText("A2", { exact: true })).toBeVisible();

  // A driver's badge at 17: the age (with the day it is met) and the missing licence, beside the roles.
  await page.goto("/sw/services/psv-badge");
  await page.getByRole("button", { name: "Anza sasa" }).click();
  await expect(page.getByRole("heading", { name: "Beji yako ya PSV" })).toBeVisible();
  await page.getByRole("radio", { name: "Dereva" }).check();
  await page.getByLabel("Nambari ya cheti cha tabia njema").fill("PCC/2026/004411");
  await page.getByRole("button", { name: "Endelea" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText(`Beji hii ni kuanzia umri wa miaka 21: unaweza kuiomba kuanzia ${learner.driver}`);
  await expect(summary).toContainText("Beji ya dereva inahitaji leseni ya udereva");
  await expect(page.getByLabel("Nambari ya cheti cha tabia njema")).toHaveValue("PCC/2026/004411");
  // A conductor's badge is from 18: the same day the car class opens.
  await page.getByRole("radio", { name: "Kondakta" }).check();
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(summary).toContainText(`Beji hii ni kuanzia umri wa miaka 18: unaweza kuiomba kuanzia ${learner.opens}`);
});
