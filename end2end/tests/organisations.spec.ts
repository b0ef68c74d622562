import { expect, test, type TestInfo } from "@playwright/test";
import { codeSentTo, registerPerson } from "./accounts-helpers";
import { withJs } from "./helpers";
import { registerBusinessPerson } from "./learner-helpers";

/**
 * Organisations act through their people: a SACCO's director adds a person by ID number (a name that is not the
 * register's is refused beside the field, what was typed kept), the person accepts in Kiswahili with the code sent
 * to their phone, then acts for the SACCO (its matatu under "My vehicles"), and the director removes them.
 * People this file alone uses (app/demo-data), one per project: [JavaScript on, off], from the end of the register,
 * past the slots `citizen(slot)` hands out. The directors are on the demo KRA records for their SACCOs.
 */
const saccos = [
  {
    pin: "P672271267L",
    name: "Embassava Sacco",
    plate: "KBC 472F",
    director: { id: "34842557", first: "Ruth", year: "1975" },
    person: { id: "23722211", first: "Dorcas", year: "1967" },
  },
  {
    pin: "P052468013M",
    name: "Super Metro Sacco",
    plate: "KDE 789C",
    director: { id: "36888283", first: "Mercy", year: "1984" },
    person: { id: "31326574", first: "Brian", year: "1982" },
  },
];
const pick = (info: TestInfo) => saccos[withJs(info) ? 0 : 1];

test("a SACCO's director adds a person, who accepts in Kiswahili with a code and acts for it; then removes them", async ({ browser, page }, info) => {
  test.slow(); // two people register
  const sacco = pick(info);
  await registerBusinessPerson(page, sacco.director, sacco.pin, "Chairperson");
  await page.getByRole("link", { name: `${sacco.name} (${sacco.pin})` }).click();
  await expect(page.getByRole("heading", { name: sacco.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${sacco.director.first}.*\\(you\\)`) })).toContainText("Chairperson");

  const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: withJs(info) });
  const person = await context.newPage();
  try {
    const { phone } = await registerPerson(person, sacco.person);
    // Not one of its people: the SACCO's page is not found.
    const response = await person.goto(`/en/organisations/${sacco.pin}`);
    expect(response?.status()).toBe(404);

    // A first name that is not the register's: beside the field and in the summary, what was typed kept.
    await page.getByLabel("Their ID number").fill(sacco.person.id);
    await page.getByLabel("Their first name").fill(`${sacco.person.first}x`);
    await page.getByLabel("Their role in the organisation").fill("Fleet manager");
    await page.getByRole("button", { name: "Send the invitation" }).click();
    const problem = "The ID number and first name do not match the national register";
    await expect(page.getByRole("alert")).toContainText(problem);
    await expect(page.locator("#id_number-error")).toContainText(problem);
    await expect(page.getByLabel("Their role in the organisation")).toHaveValue("Fleet manager");
    await page.getByLabel("Their first name").fill(sacco.person.first);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await expect(page.getByText("The invitation is sent.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Invitations waiting" })).toContainText(sacco.person.id);

    // The person opens the invitation from the dashboard, in Kiswahili, and accepts with the code.
    await person.goto("/sw/dashboard");
    await person.getByRole("link", { name: new RegExp(`anakualika uliwakilishe ${sacco.name}`) }).click();
    await expect(person.getByRole("heading", { name: `Liwakilishe ${sacco.name}` })).toBeVisible();
    await person.getByRole("button", { name: "Kubali na unitumie msimbo" }).click();
    await expect(person.getByText("Tumekutumia msimbo.")).toBeVisible();
    await person.getByLabel("Msimbo").fill(await codeSentTo(person.request, phone.e164));
    await person.getByRole("button", { name: "Kubali mwaliko" }).click();
    await expect(person.getByText("Sasa unaliwakilisha shirika hili.")).toBeVisible();
    await expect(person.getByRole("heading", { name: sacco.name, level: 1 })).toBeVisible();

    // The SACCO's vehicle is among the person's, with the SACCO's name.
    await person.goto("/en/dashboard");
    await expect(person.getByRole("row", { name: new RegExp(sacco.plate) })).toContainText(sacco.name);

    // The director removes them: the SACCO's page is not found for them again.
    await page.reload();
    await page.getByRole("button", { name: `Remove ${sacco.person.first}` }).click();
    await expect(page.getByText("The person is removed.")).toBeVisible();
    const again = await person.goto(`/en/organisations/${sacco.pin}`);
    expect(again?.status()).toBe(404);
  } finally {
    await context.close();
  }
});
