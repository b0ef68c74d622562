import { expect, test } from "@playwright/test";
import { codeSentTo, continueOn, linkSentTo, PASSWORD, registerCitizen, uniqueEmail, uniquePhone } from "./accounts-helpers";

// Issue 9: a new email address or mobile number needs the password and a code sent to a channel that is already
// verified, and stays pending until its own link or code proves it. Run with JavaScript on and off.

test("a new email address needs the password, a code to the phone, then its own link", async ({ page }, info) => {
  const { email, phone } = await registerCitizen(page, info, 50);
  await page.goto("/en/account");
  const newEmail = uniqueEmail();
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByLabel("Your password, to confirm the change of email address").fill("Not#my-password-1");
  await page.getByRole("button", { name: "Change your email address" }).click();
  await expect(page.getByRole("alert")).toContainText("The password is not right. Enter your current password");
  await expect(page.getByLabel("New email address")).toHaveValue(newEmail);

  await page.getByLabel("Your password, to confirm the change of email address").fill(PASSWORD);
  await page.getByRole("button", { name: "Change your email address" }).click();
  await expect(page.getByRole("heading", { name: "Confirm the change of email address" })).toBeVisible();
  await expect(page.getByText(`You asked to change it to ${newEmail}.`)).toBeVisible();
  await page.getByLabel("Code").fill(await codeSentTo(page.request, phone.e164));
  await continueOn(page);

  await expect(page.getByText(`We are waiting for you to open the link we sent to ${newEmail}`)).toBeVisible();
  // Until the link is opened the old address is still the account's.
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await page.goto(await linkSentTo(page.request, newEmail));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address has been changed.")).toBeVisible();
  await expect(page.getByText(newEmail, { exact: true })).toBeVisible();
});

test("in Kiswahili, a new mobile number needs a code to the old one, then its own code", async ({ page }, info) => {
  const { phone } = await registerCitizen(page, info, 51);
  await page.goto("/sw/account");
  const newPhone = uniquePhone();
  await page.getByLabel("Nambari mpya ya simu").fill(newPhone.typed);
  await page.getByLabel("Nenosiri lako, kuthibitisha mabadiliko ya nambari ya simu").fill(PASSWORD);
  await page.getByRole("button", { name: "Badilisha nambari yako ya simu" }).click();
  await expect(page.getByRole("heading", { name: "Thibitisha mabadiliko ya nambari ya simu" })).toBeVisible();
  const stepUp = await codeSentTo(page.request, phone.e164);
  await page.getByLabel("Msimbo").fill(stepUp === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByRole("alert")).toContainText("Msimbo si sahihi");
  await page.getByLabel("Msimbo").fill(stepUp);
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page).toHaveURL(/\/sw\/verify\/phone$/);
  await page.getByLabel("Msimbo").fill(await codeSentTo(page.request, newPhone.e164));
  await page.getByRole("button", { name: "Endelea" }).click();
  await expect(page.getByText("Nambari yako ya simu imebadilishwa.")).toBeVisible();
  await expect(page.getByText(newPhone.typed, { exact: true })).toBeVisible();
});
