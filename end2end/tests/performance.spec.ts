import { expect, test } from "@playwright/test";

/**
 * The public performance page (issue 29), in Kiswahili, signed out: a range with a mistake is explained next to its
 * box and kept, each figure has its chart (an image with a title) and its table, and a table downloads as CSV.
 */
test("the public performance page, in Kiswahili", async ({ page }) => {
  await page.goto("/sw/performance");
  await expect(page.getByRole("heading", { name: "Utendaji wa huduma", level: 1 })).toBeVisible();
  for (const figure of ["Kiwango cha ukamilishaji", "Muda wa kukamilisha", "Malipo yaliyofaulu", "Upatikanaji wa huduma, siku 30 zilizopita"]) {
    const section = page.getByRole("region", { name: figure });
    await expect(section.getByRole("img", { name: figure })).toBeVisible();
    await expect(section.getByRole("table", { name: figure })).toBeVisible();
  }

  // A first day that does not exist: the message beside the box and in the summary, the boxes as typed.
  const from = page.getByRole("group", { name: "Kuanzia" });
  await from.getByLabel("Siku").fill("31");
  await from.getByLabel("Mwezi").fill("2");
  await from.getByLabel("Mwaka").fill("2026");
  await page.getByRole("button", { name: "Onyesha takwimu" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Weka siku ya kwanza kama tarehe halisi/ })).toBeVisible();
  await expect(from.getByText(/Weka siku ya kwanza kama tarehe halisi/)).toBeVisible();
  await expect(from.getByLabel("Siku")).toHaveValue("31");

  // The completion table as CSV, its head in Kiswahili.
  const completion = page.getByRole("region", { name: "Kiwango cha ukamilishaji" });
  const download = page.waitForEvent("download");
  await completion.getByRole("link", { name: "Pakua jedwali hili (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^uraia-performance-completion-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.split("\n")[0]).toBe("Huduma,Yaliyoanzishwa,Yaliyolipiwa,Yaliyokamilika,Yaliyokamilika kati ya yaliyoanzishwa");
});
