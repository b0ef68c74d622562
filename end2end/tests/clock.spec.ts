// Runs after every other test (its own projects, see playwright.config.ts): it moves the server's clock forward,
// which would expire codes and sessions under tests running beside it.
import { expect, test } from "@playwright/test";
import { registerCitizen, signIn, signOut, PASSWORD } from "./accounts-helpers";

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
