import { expect, test } from "@playwright/test";
import { citizen, latestMessage, uniqueEmail } from "./accounts-helpers";
import { asOfficer } from "./staff-helpers";

test("someone signed out asks in Kiswahili, an agent answers, and they reply through the link", async ({
  browser,
  page,
}, info) => {
  test.slow(); // the agent registers and signs in
  const email = uniqueEmail();
  await page.goto("/sw/help");
  await expect(page.getByRole("heading", { name: "Msaada", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Msaada: kulipa na kurejeshewa pesa" }).click();
  await expect(page.getByRole("heading", { name: "Kurejeshewa pesa", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Wasiliana nasi" }).last().click();
  await expect(page.getByRole("heading", { name: "Wasiliana nasi", level: 1 })).toBeVisible();
  // Nothing chosen or typed: each said next to its field and in the summary.
  await page.getByRole("button", { name: "Tuma kwa NTSA" }).click();
  await expect(page.getByRole("alert")).toContainText("Chagua swali lako linahusu nini");
  await expect(page.getByRole("alert")).toContainText("Andika swali lako");
  await page.getByRole("radio", { name: "Malipo au pesa za kurejeshwa" }).check();
  await page.getByLabel("Jina lako").fill("Amina Wekesa");
  await page.getByLabel("Anwani ya barua pepe").fill(email);
  await page.getByLabel("Swali lako").fill("Nimelipa mara mbili <b>kwa</b> M-Pesa. Nitarejeshewa lini?");
  await page.getByRole("button", { name: "Tuma kwa NTSA" }).click();
  await expect(page.getByText("Tumepokea swali lako.")).toBeVisible();
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const reference = heading.match(/SUP-[2-9A-Z]{6}/)?.[0] ?? "";
  expect(reference).not.toBe("");
  await expect(page.getByText("Nimelipa mara mbili <b>kwa</b> M-Pesa. Nitarejeshewa lini?")).toBeVisible();
  const link = page.url();
  expect(await latestMessage(page.request, email)).toContain(reference);

  await asOfficer(
    browser,
    page,
    info,
    citizen(34, info),
    async (agent) => {
      await agent.goto("/sw/staff/cases");
      await expect(agent.getByRole("heading", { name: "Maswali ya kujibu" })).toBeVisible();
      await agent.getByRole("link", { name: reference }).click();
      await agent.getByLabel("Jibu lako").fill("Tumeona malipo ya pili; yanarejeshwa kwenye simu yako leo.");
      await agent.getByRole("button", { name: "Tuma jibu" }).click();
      await expect(agent.getByText("Jibu limetumwa.")).toBeVisible();
    },
    "support",
  );

  expect(await latestMessage(page.request, email)).toContain("Tumeona malipo ya pili");
  await page.goto(link);
  await expect(page.getByText("NTSA imejibu")).toBeVisible();
  await expect(page.getByText("Tumeona malipo ya pili; yanarejeshwa kwenye simu yako leo.")).toBeVisible();
  await page.getByLabel("Andika tena").fill("Asante. Nimeona SMS.");
  await page.getByRole("button", { name: "Tuma", exact: true }).click();
  await expect(page.getByText("Imetumwa. NTSA itakujibu hapa.")).toBeVisible();
  await expect(page.getByText("Asante. Nimeona SMS.")).toBeVisible();
  await expect(page.getByText("Linasubiri NTSA")).toBeVisible();
});
