import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

/** People in the demo national register (app/demo-data/people.csv): id, first name, year of birth. */
const people = readFileSync(join(__dirname, "../../app/demo-data/people.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [id, first, , year] = line.split(",");
    return { id, first, year };
  });

/**
 * A register person of this test's own, so tests never share an ID number: `slot` is fixed per test; the project
 * (JS on or off) takes a different half of the register.
 */
export function citizen(slot: number, info: TestInfo) {
  const offset = info.project.name.includes("no-js") ? 100 : 20;
  return people[offset + slot];
}

const rand = (digits: number) =>
  Array.from({ length: digits }, () => Math.floor(Math.random() * 10)).join("");

export const uniqueEmail = () => `t${Date.now()}${rand(4)}@example.com`;
/** A fresh Kenyan mobile number: as typed, and as stored (E.164). */
export function uniquePhone() {
  const national = `7${rand(8)}`;
  return { typed: `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, e164: `+254${national}` };
}

export const PASSWORD = "Safari#Njema-2026";

/** The newest message in the development outbox to `to`: its text. */
export async function latestMessage(request: APIRequestContext, to: string) {
  const response = await request.get(`/dev/outbox?to=${encodeURIComponent(to)}`);
  expect(response.ok()).toBeTruthy();
  const html = await response.text();
  const body = html.match(/<p class="body">([^<]*)<\/p>/);
  expect(body, `a message to ${to}`).not.toBeNull();
  return body![1].replace(/&amp;/g, "&");
}

export async function codeSentTo(request: APIRequestContext, to: string) {
  return (await latestMessage(request, to)).match(/\b(\d{6})\b/)![1];
}

export async function linkSentTo(request: APIRequestContext, email: string) {
  return (await latestMessage(request, email)).match(/(https?:\/\/\S+token=[0-9a-f]+)/)![1];
}

export async function continueOn(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Contact, password, terms, check, create; then the email link and the phone code; the photo step skipped. */
export async function finishRegistration(page: Page, email: string, phone: { typed: string; e164: string }) {
  await expect(page.getByRole("heading", { name: "Your contact details" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Mobile number").fill(phone.typed);
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Create a password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await continueOn(page);
  await page.getByRole("checkbox", { name: "I have read and accept the terms and conditions" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await linkSentTo(page.request, email));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Check your phone" })).toBeVisible();
  await page.getByLabel("Code").fill(await codeSentTo(page.request, phone.e164));
  await continueOn(page);
  // The photo step comes next; it can be skipped.
  await expect(page.getByRole("heading", { name: "Add your passport photo" })).toBeVisible();
  await page.getByRole("link", { name: "Add a photo later" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
}

/** The first two steps for a citizen: the account type, then the identity (the register's own details). */
export async function startCitizen(page: Page, person: { id: string; first: string; year: string }) {
  await page.goto("/en/register");
  await page.getByRole("radio", { name: "Citizen" }).check();
  await continueOn(page);
  await page.getByLabel("National ID number").fill(person.id);
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Year of birth").fill(person.year);
  await continueOn(page);
}

/** Registers the test's own citizen all the way to the dashboard. */
export async function registerCitizen(page: Page, info: TestInfo, slot: number) {
  return registerPerson(page, citizen(slot, info));
}

/** Registers a given register person (one no other test uses) all the way to the dashboard. */
export async function registerPerson(page: Page, person: { id: string; first: string; year: string }) {
  const email = uniqueEmail();
  const phone = uniquePhone();
  await startCitizen(page, person);
  await finishRegistration(page, email, phone);
  return { person, email, phone };
}

/** Signs in and, unless the device is remembered, enters the code sent by SMS. */
export async function signIn(page: Page, login: string, phoneE164: string, remember = false) {
  await page.goto("/en/login");
  await page.getByLabel("Email address or ID number").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/(login\/code|dashboard)/);
  if (page.url().includes("/login/code")) {
    await page.getByLabel("Code").fill(await codeSentTo(page.request, phoneE164));
    if (remember) await page.getByRole("checkbox", { name: "Remember this device for 30 days" }).check();
    await continueOn(page);
    // The code's post must finish before the next page is asked for (with JavaScript it does not block).
    await page.waitForURL((url) => !url.pathname.includes("/login"));
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}
