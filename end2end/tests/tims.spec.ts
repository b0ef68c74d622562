import { expect, test } from "@playwright/test";
import { codeSentTo, continueOn, registerPerson } from "./accounts-helpers";
import { withJs } from "./helpers";

/** Register people with a legacy TIMS account, this file's alone: [JavaScript on, JavaScript off]. */
const byCode = [
  { id: "14094085", first: "Brenda", year: "1971", phone: "+254787454115" },
  { id: "39596407", first: "Ruth", year: "1967", phone: "+254794133359" },
];
const byDetails = [
  { id: "28762210", first: "Peter", year: "1966" },
  { id: "14470601", first: "Nelson", year: "2003" },
];

test("a TIMS account is linked by a code to its phone", async ({ page }, info) => {
  const person = byCode[withJs(info) ? 0 : 1];
  await registerPerson(page, person);
  await page.getByRole("link", { name: "Link your old TIMS account to see its vehicles and licences here" }).click();
  await page.getByLabel("KRA PIN or ID number").fill(person.id);
  await page.getByRole("button", { name: "Find my TIMS account" }).click();
  await expect(page.getByRole("heading", { name: "Prove the TIMS account is yours" })).toBeVisible();
  await page.getByRole("radio", { name: /Send a code by SMS to the phone on the TIMS account/ }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
  await page.getByLabel("Code").fill(await codeSentTo(page.request, person.phone));
  await page.getByRole("button", { name: "Link the TIMS account" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByText("Your TIMS account is linked.")).toBeVisible();
});

test("a TIMS account is linked by first name and year of birth, after a wrong try", async ({ page }, info) => {
  const person = byDetails[withJs(info) ? 0 : 1];
  await registerPerson(page, person);
  await page.goto("/en/tims");
  // Someone else's record is refused.
  await page.getByLabel("KRA PIN or ID number").fill("22345678");
  await page.getByRole("button", { name: "Find my TIMS account" }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot link that TIMS account");
  await expect(page.getByLabel("KRA PIN or ID number")).toHaveValue("22345678");
  await page.getByLabel("KRA PIN or ID number").fill(person.id);
  await page.getByRole("button", { name: "Find my TIMS account" }).click();
  await page.getByRole("radio", { name: "Answer with my first name and year of birth" }).check();
  await continueOn(page);
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Year of birth").fill("1900");
  await page.getByRole("button", { name: "Link the TIMS account" }).click();
  await expect(page.getByRole("alert")).toContainText("The first name and year of birth do not match the TIMS account");
  await page.getByLabel("Year of birth").fill(person.year);
  await page.getByRole("button", { name: "Link the TIMS account" }).click();
  await expect(page.getByText("Your TIMS account is linked.")).toBeVisible();
});
