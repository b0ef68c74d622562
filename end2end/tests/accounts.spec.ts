import { expect, test } from "@playwright/test";
import {
  citizen,
  codeSentTo,
  continueOn,
  finishRegistration,
  linkSentTo,
  PASSWORD,
  registerCitizen,
  signIn,
  signOut,
  startCitizen,
  uniqueEmail,
  uniquePhone,
} from "./accounts-helpers";
import { open, withJs } from "./helpers";

const documentNumber = () => `X${Date.now().toString().slice(-7)}${Math.floor(Math.random() * 90 + 10)}`;

test("a citizen registers, verifies email and phone, and reaches the dashboard", async ({ page }, info) => {
  const { person } = await registerCitizen(page, info, 0);
  await expect(page.getByRole("heading", { name: `Welcome, ${person.first}` })).toBeVisible();
});

for (const kind of ["Resident", "Diplomat", "Visitor"]) {
  test(`a ${kind.toLowerCase()} registers through to the dashboard`, async ({ page }, info) => {
    await page.goto("/en/register");
    await page.getByRole("radio", { name: kind }).check();
    await continueOn(page);
    await expect(page.getByRole("heading", { name: "Your identity" })).toBeVisible();
    const label = {
      Resident: "Foreigner certificate or residence permit number",
      Diplomat: "Diplomatic identification number",
      Visitor: "Passport number",
    }[kind]!;
    // Residents and diplomats are in registers of their own (app/demo-data): one entry per project.
    const second = info.project.name.includes("no-js");
    const [number, first, last] = {
      Resident: [second ? "A1000001" : "A1000000", "Ama", "Mensah"],
      Diplomat: [second ? "DP10001" : "DP10000", "Kofi", "Asante"],
      Visitor: [documentNumber(), "Ama", "Mensah"],
    }[kind]!;
    await page.getByLabel(label).fill(number);
    await page.getByLabel("First name").fill(first);
    await page.getByLabel("Last name").fill(last);
    if (kind === "Diplomat") await page.getByLabel("Diplomatic mission").fill("Embassy of Ghana");
    else await page.getByLabel("Nationality").fill("Ghanaian");
    await continueOn(page);
    await finishRegistration(page, uniqueEmail(), uniquePhone());
    await expect(page.getByRole("heading", { name: `Welcome, ${first}` })).toBeVisible();
    await expect(page.getByText(kind, { exact: true })).toBeVisible();
    if (kind === "Visitor") await expect(page.getByText("As a visitor you can check fees")).toBeVisible();
  });
}

test("a business account links the organisation by its KRA PIN", async ({ page }, info) => {
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Business" }).check();
  await continueOn(page);
  await page.getByLabel("Organisation's KRA PIN").fill("p051 987 654z");
  await page.getByLabel("Your role in the organisation").fill("Fleet manager");
  await page.getByRole("radio", { name: "Resident" }).check();
  // Priya Shah is a director of Jamhuri Driving School in the demo KRA records (one certificate per project).
  const certificate = info.project.name.includes("no-js") ? "A1000003" : "A1000002";
  await page.getByLabel("Your national ID or foreigner certificate number").fill(certificate);
  await page.getByLabel("First name").fill("Priya");
  await page.getByLabel("Last name").fill("Shah");
  await page.getByLabel("Nationality").fill("Indian");
  await continueOn(page);
  await finishRegistration(page, uniqueEmail(), uniquePhone());
  await expect(page.getByRole("heading", { name: "Organisations you act for" })).toBeVisible();
  await expect(page.getByText("P051987654Z")).toBeVisible();
});

test("identity mistakes are explained next to the field and in the summary, answers kept", async ({ page }, info) => {
  const person = citizen(1, info);
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Citizen" }).check();
  await continueOn(page);
  await page.getByLabel("National ID number").fill("99999998");
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Year of birth").fill(person.year);
  await continueOn(page);
  const message = "We could not find this ID number in the national register. Check it against your ID card";
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.locator("#id_number-error")).toContainText(message);
  await expect(page.getByLabel("National ID number")).toHaveValue("99999998");
  await page.getByLabel("National ID number").fill(person.id);
  await page.getByLabel("First name").fill(`${person.first}x`);
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("The first name does not match the national register");
  await expect(page.getByLabel("First name")).toHaveValue(`${person.first}x`);
  await page.getByRole("link", { name: /The first name does not match/ }).click();
  await expect(page.getByLabel("First name")).toBeFocused();
});

test("contact, password and terms mistakes each get their message", async ({ page }, info) => {
  const person = citizen(2, info);
  await startCitizen(page, person);
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Mobile number").fill("020 222 2222");
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format");
  await expect(page.getByRole("alert")).toContainText("Enter a Kenyan mobile number");
  await expect(page.getByLabel("Mobile number")).toHaveValue("020 222 2222");
  await page.getByLabel("Email address").fill(uniqueEmail());
  await page.getByLabel("Mobile number").fill(uniquePhone().typed);
  await continueOn(page);
  for (const [password, confirm, message] of [
    ["abc1!", "abc1!", "Your password must be at least 8 characters long"],
    ["password1", "password1", "Your password must include letters, numbers and symbols"],
    ["Password1!", "Password1!", "This password is too common and easy to guess"],
    [PASSWORD, `${PASSWORD}x`, "The passwords do not match"],
  ] as const) {
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(confirm);
    await continueOn(page);
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  }
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await continueOn(page);
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Accept the terms and conditions to create an account");
});

test("the password page shows the rules first, and with JavaScript a show button and a strength hint", async ({ page }, info) => {
  const person = citizen(3, info);
  await startCitizen(page, person);
  await page.getByLabel("Email address").fill(uniqueEmail());
  await page.getByLabel("Mobile number").fill(uniquePhone().typed);
  await continueOn(page);
  await expect(page.getByText("include letters, numbers and symbols")).toBeVisible();
  const show = page.getByRole("button", { name: "Show password" });
  if (!withJs(info)) {
    await expect(show).toBeHidden();
    return;
  }
  await open(page, "/en/register/password", info);
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("abcdefgh");
  await expect(page.getByText("Password strength: weak")).toBeVisible();
  await password.fill(PASSWORD);
  await expect(page.getByText("Password strength: strong")).toBeVisible();
  await expect(password).toHaveAttribute("type", "password");
  await show.click();
  await expect(password).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide password" }).click();
  await expect(password).toHaveAttribute("type", "password");
});

test("sign in by email and by ID number with a code, and sign out", async ({ page }, info) => {
  const { person, email, phone } = await registerCitizen(page, info, 4);
  await signOut(page);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await signIn(page, email, phone.e164);
  await expect(page.getByRole("heading", { name: `Welcome, ${person.first}` })).toBeVisible();
  await signOut(page);
  await signIn(page, person.id, phone.e164);
  await expect(page).toHaveURL(/\/en\/dashboard$/);
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/en/login");
  await page.getByLabel("Email address or ID number").fill("nobody-here@example.com");
  await page.getByLabel("Password", { exact: true }).fill("Wrong#pass-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address or ID number and password");
  await expect(page.getByLabel("Email address or ID number")).toHaveValue("nobody-here@example.com");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});

test("a wrong code five times ends the code, and a resend waits a minute", async ({ page }, info) => {
  const { email, phone } = await registerCitizen(page, info, 5);
  await signOut(page);
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The code page is the sign that the code has been sent (with JavaScript the click returns at once).
  await expect(page.getByLabel("Code")).toBeVisible();
  const right = await codeSentTo(page.request, phone.e164);
  const wrong = right === "000000" ? "111111" : "000000";
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Code").fill(wrong);
    await continueOn(page);
    await expect(page.getByRole("alert")).toContainText("The code is not right");
  }
  await page.getByRole("button", { name: "Send a new code by text message" }).click();
  await expect(page.getByRole("alert")).toContainText("We sent you a code less than a minute ago. Wait a minute, then ask for a new one");
  await page.getByLabel("Code").fill(wrong);
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("You have entered a wrong code too many times");
  await page.getByLabel("Code").fill(right);
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("You have entered a wrong code too many times");
});

test("an email link works once", async ({ page }) => {
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Visitor" }).check();
  await continueOn(page);
  await page.getByLabel("Passport number").fill(documentNumber());
  await page.getByLabel("First name").fill("Kofi");
  await page.getByLabel("Last name").fill("Boateng");
  await page.getByLabel("Nationality").fill("Ghanaian");
  await continueOn(page);
  const email = uniqueEmail();
  await finishRegistration(page, email, uniquePhone());
  await page.goto(await linkSentTo(page.request, email));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("alert")).toContainText("This link has expired or has already been used. Ask for a new link.");
});

test("a forgotten password is reset with a code by email", async ({ page }, info) => {
  const { email, phone } = await registerCitizen(page, info, 6);
  await signOut(page);
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByRole("radio", { name: "By email" }).check();
  await page.getByRole("button", { name: "Send the code" }).click();
  await expect(page.getByText("If an account matches what you entered")).toBeVisible();
  await page.getByLabel("Code").fill(await codeSentTo(page.request, email));
  await continueOn(page);
  const fresh = "Kwaheri#Zamani-99";
  await page.getByLabel("Password", { exact: true }).fill(fresh);
  await page.getByLabel("Confirm password").fill(fresh);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Your password has been changed. Sign in with the new password.")).toBeVisible();
  await page.getByLabel("Email address or ID number").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(fresh);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Code")).toBeVisible();
  await page.getByLabel("Code").fill(await codeSentTo(page.request, phone.e164));
  await continueOn(page);
  await expect(page).toHaveURL(/\/en\/dashboard$/);
});

test("registration speaks Kiswahili", async ({ page }, info) => {
  await open(page, "/sw/register", info);
  await expect(page.getByRole("heading", { name: "Fungua akaunti ya Uraia" })).toBeVisible();
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByRole("alert")).toContainText("Chagua aina ya akaunti unayohitaji");
  await page.getByRole("radio", { name: "Raia" }).check();
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByRole("heading", { name: "Utambulisho wako" })).toBeVisible();
  await expect(page.getByLabel("Nambari ya kitambulisho cha taifa")).toBeVisible();
});
