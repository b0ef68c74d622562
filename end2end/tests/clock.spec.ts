// Runs after every other test (its own projects, see playwright.config.ts): its tests move the server's clock forward,
// which would expire codes and sessions under tests running beside it.
import { expect, test } from "@playwright/test";
import { citizen, continueOn, registerCitizen, registerPerson, signIn, signOut, PASSWORD } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";
import { complete, enrol, provisionalLicence, registerSchoolPerson } from "./learner-helpers";
import { asOfficer } from "./staff-helpers";

test.describe.configure({ mode: "serial" });

test("a remembered device skips the code for 30 days, not after", async ({ page }, info) => {
  const { email, phone } = await registerCitizen(page, info, 40);
  await signOut(page);
  await signIn(page, email, phone.e164, true);
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await signOut(page);
  // Remembered: the password is enough.
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("button", { name: /^Forget .+ on (Linux|unknown system)$/ })).toBeVisible();
  // The request carries the browser's session cookie, so it says where it comes from, as a browser's post does.
  const moved = await page.request.post("/dev/clock?days=31", { headers: { Origin: new URL(page.url()).origin } });
  expect(moved.ok()).toBeTruthy();
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(/\/en\/login$/);
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
});

test("a password change forgets remembered devices", async ({ page }, info) => {
  const { email, phone } = await registerCitizen(page, info, 41);
  await signOut(page);
  await signIn(page, email, phone.e164, true);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("button", { name: /Forget/ })).toBeVisible();
  const fresh = "Kwaheri#Zamani-99";
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(fresh);
  await page.getByLabel("Confirm password").fill(fresh);
  await page.getByRole("button", { name: "Change your password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await expect(page.getByText("No device is remembered.")).toBeVisible();
  await signOut(page);
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(fresh);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
});

/**
 * From learner to driver: a provisional licence, a school's course marked complete (the school with JavaScript
 * off), a driving test booked and moved, then (the clock moved past the test) an officer records a pass and the
 * learner reads it. Here because the result can only be recorded once the test has started. People this test
 * alone uses, [JavaScript on, off]: learners, and directors of Jamhuri Driving School (app/demo-data).
 */
const learners = [
  { id: "23173437", first: "Paul", year: "2007" },
  { id: "28866372", first: "Felix", year: "1990" },
];
const directors = [
  { id: "14813881", first: "Moses", year: "1980" },
  { id: "36305818", first: "David", year: "1998" },
];

test("a learner books a driving test, moves it, and reads the pass an officer records", async ({ browser, page }, info) => {
  test.slow(); // a learner, a school and two officers each register
  const js = withJs(info);
  const learner = learners[js ? 0 : 1];
  const { email, phone } = await registerPerson(page, learner);
  await provisionalLicence(browser, page, info, 37);

  // Not yet: no school has marked the course complete, and the page says so.
  await page.goto("/en/services/driving-test");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which class is the test for?" })).toBeVisible();
  await expect(page.getByText("No driving school has enrolled you for this class")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);

  const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: false });
  const school = await context.newPage();
  try {
    await registerSchoolPerson(school, directors[js ? 0 : 1], "P051987654Z");
    await school.getByRole("link", { name: "Students of Jamhuri Driving School" }).click();
    await enrol(school, learner);
    await complete(school);
  } finally {
    await context.close();
  }

  await page.reload();
  await page.getByRole("radio", { name: "B: car, pick-up or light vehicle" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Where will you take the test?" })).toBeVisible();
  await page.getByRole("radio", { name: "Kasarani Driving Test Unit" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Which day?" })).toBeVisible();
  await expect(page.getByText(/the last day of your provisional licence/)).toBeVisible();
  await page.getByRole("radio").first().check();
  await continueOn(page);
  await page.getByRole("radio", { name: "08:00" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 1,100");
  await expect(page.getByRole("heading", { name: "Your driving test" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Printable version Driving test booking slip" })).toBeVisible();
  const application = new URL(page.url()).pathname.split("/").pop() ?? "";

  await page.getByRole("group", { name: "Move it to another day" }).getByRole("radio").nth(1).check();
  await page.getByRole("button", { name: "Show that day's times" }).click();
  await page.getByRole("group", { name: /^Choose a new time on/ }).getByRole("radio", { name: "09:00" }).check();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page.getByText("Your booking was moved.")).toBeVisible();

  // Past the test (booked on one of the first days of the window), so its result can be recorded.
  const moved = await page.request.post("/dev/clock?days=45", { headers: { Origin: new URL(page.url()).origin } });
  expect(moved.ok()).toBeTruthy();

  await asOfficer(browser, page, info, citizen(38, info), async (officer) => {
    const lang = js ? "en" : "sw";
    await officer.goto(`/${lang}/staff/tests/${application}`);
    if (js) {
      await expect(officer.getByText("Result to record")).toBeVisible();
      await officer.getByRole("radio", { name: "Not passed" }).check();
      await officer.getByRole("button", { name: "Record result" }).click();
      await expect(officer.getByRole("alert")).toContainText("the notes are needed when the learner did not pass");
      await officer.getByRole("radio", { name: "Passed", exact: true }).check();
      await officer.getByLabel("Notes for the learner").fill("Good mirror checks; practise reversing.");
      await officer.getByRole("button", { name: "Record result" }).click();
      await expect(officer.getByText("The result is recorded.")).toBeVisible();
    } else {
      // Kiswahili, without JavaScript.
      await expect(officer.getByText("Matokeo yanasubiri kurekodiwa")).toBeVisible();
      await officer.getByRole("radio", { name: "Hakufaulu" }).check();
      await officer.getByRole("button", { name: "Rekodi matokeo" }).click();
      await expect(officer.getByRole("alert")).toContainText("maelezo yanahitajika asipofaulu");
      await officer.getByRole("radio", { name: "Amefaulu" }).check();
      await officer.getByLabel("Maelezo kwa mwanafunzi").fill("Good mirror checks; practise reversing.");
      await officer.getByRole("button", { name: "Rekodi matokeo" }).click();
      await expect(officer.getByText("Matokeo yamerekodiwa.")).toBeVisible();
    }
  });

  await signIn(page, email, phone.e164);
  await page.goto(`/${js ? "en" : "sw"}/applications/${application}`);
  await expect(page.getByText(js ? /^You passed on / : /^Ulifaulu tarehe /)).toBeVisible();
  await expect(page.getByText("Good mirror checks; practise reversing.")).toBeVisible();
});
