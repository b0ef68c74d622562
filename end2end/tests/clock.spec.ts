// Runs after every other test (its own projects, see playwright.config.ts): its tests move the server's clock forward,
// which would expire codes and sessions under tests running beside it.
import path from "node:path";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { citizen, continueOn, registerCitizen, registerPerson, signIn, signOut, PASSWORD } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";
import { complete, enrol, provisionalLicence, registerBusinessPerson } from "./learner-helpers";
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
    await registerBusinessPerson(school, directors[js ? 0 : 1], "P051987654Z");
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
  // The second day offered: the first can be tomorrow, under 24 hours before 08:00 when the suite runs after 08:00
  // in Nairobi, and then the booking can no longer be moved.
  await page.getByRole("radio").nth(1).check();
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

  // The pass leads to the first smart licence: the photo, the card, the fee; an officer approves it.
  await page.goto(`/en/applications/${application}`);
  await page.getByRole("link", { name: "Apply for your first smart driving licence" }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Your first smart driving licence" })).toBeVisible();
  await expect(page.getByText("Class B", { exact: true })).toBeVisible();
  await continueOn(page);
  await expect(page.getByText("A smart licence needs your passport photo.")).toBeVisible();
  await page.getByLabel("Choose a photo").setInputFiles(path.join(__dirname, "..", "fixtures", "photo-400x400.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await card(page, "NTSA Headquarters (Upper Hill)");
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("KES 3,100")).toBeVisible();
  const firstReference = await submitAndPay(page, "KES 3,100");
  const first = page.url();
  const slip = await decidedCard(browser, page, info, 39, firstReference);
  await page.goto("/en/dashboard");
  await expect(page.getByRole("region", { name: "Driving licence" }).getByText("B", { exact: true })).toBeVisible();

  // The card is lost: reported to the police, replaced, and the old slip no longer checks as valid.
  await page.goto("/en/services/dl-replacement");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("radio", { name: "It is lost" }).check();
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Enter the police abstract number");
  await page.getByLabel("Police abstract number (for a lost or stolen card)").fill("OB 12/03/12/2026");
  await continueOn(page);
  await card(page, "Likoni Road Office");
  await expect(page.getByText("OB12/03/12/2026")).toBeVisible();
  const secondReference = await submitAndPay(page, "KES 3,100");
  const second = await decidedCard(browser, page, info, 42, secondReference);
  expect(second).not.toEqual(slip);
  await page.goto(`/${js ? "en" : "sw"}/verify?code=${encodeURIComponent(slip)}`);
  await expect(
    page.getByText(js ? /its card was replaced by a new one on/ : /kadi yake ilibadilishwa kwa kadi mpya tarehe/),
  ).toBeVisible();
  await page.goto(first);
  await expect(page.getByText(/card replaced on .*: no longer valid/)).toBeVisible();
});

/** The card step: the person's particulars and the collection centre. */
async function card(page: Page, centre: string) {
  await expect(page.getByRole("heading", { name: "Details for your smart licence" })).toBeVisible();
  await page.getByLabel("Place of birth").fill("Nakuru");
  await page.getByRole("radio", { name: "O+" }).check();
  await page.getByLabel("County where you live").selectOption("Nairobi");
  await page.getByLabel("Postal or physical address").fill("P.O. Box 12-00100 Nairobi");
  await page.getByRole("radio", { name: centre }).check();
  await continueOn(page);
}

/** Submits the application on `page` and pays `total` by card; its reference. */
async function submitAndPay(page: Page, total: string) {
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).first().textContent()) ?? "";
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, total);
  await expect(page.getByRole("heading", { name: "Application in review" })).toBeVisible();
  return reference;
}

/** An officer (citizen `slot`) approves the card application `reference` on `page`; its slip's code. */
async function decidedCard(browser: Browser, page: Page, info: TestInfo, slot: number, reference: string) {
  const at = page.url();
  await asOfficer(browser, page, info, citizen(slot, info), async (officer) => {
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });
  await page.goto(at);
  await expect(page.getByRole("heading", { name: "Your licence" })).toBeVisible();
  await page.getByRole("link", { name: "Printable version Smart driving licence slip" }).click();
  await expect(page.getByText("This slip is proof of your licence until you collect your card")).toBeVisible();
  return (await page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/).first().textContent()) ?? "";
}
