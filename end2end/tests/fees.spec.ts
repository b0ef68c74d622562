import { expect, test } from "@playwright/test";
import { open, withJs } from "./helpers";

test("picking a service shows its total", async ({ page }, info) => {
  await open(page, "/en/fees", info);
  await page.getByRole("radio", { name: "Driving licence renewal, 1 year" }).check();
  if (withJs(info)) {
    // Hydrated: the total appears at once, without a round trip.
    await expect(page.getByText("KES 620")).toBeVisible();
    expect(page.url()).not.toContain("service=");
  } else {
    await page.getByRole("button", { name: "Show the total" }).click();
    await expect(page).toHaveURL(/service=dl-renewal-1y/);
  }
  await expect(page.getByRole("heading", { name: "What you will pay" })).toBeVisible();
  await expect(page.getByText("KES 620")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Driving licence renewal, 1 year" })).toBeChecked();
});

test("the total is shown in Kiswahili", async ({ page }, info) => {
  await open(page, "/sw/fees", info);
  await page.getByRole("radio", { name: "Kuweka nafasi ya ukaguzi wa gari" }).check();
  await page.getByRole("button", { name: "Onyesha jumla" }).click();
  await expect(page.getByRole("heading", { name: "Utakacholipa" })).toBeVisible();
  await expect(page.getByText("KES 1,100")).toBeVisible();
});

test("asking for a total without a choice explains what to do", async ({ page }, info) => {
  await open(page, "/en/fees", info);
  await page.getByRole("button", { name: "Show the total" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Select a service to see what it costs" }).click();
  await expect(page.getByRole("radio", { name: "Driving licence renewal, 1 year" })).toBeFocused();
  await expect(page.getByRole("group", { name: "Which service do you need?" })).toContainText(
    "Error: Select a service to see what it costs",
  );
});

test("the access fee bands are listed", async ({ page }, info) => {
  await open(page, "/en/fees", info);
  const table = page.getByRole("table", { name: "Access fee by service fee" });
  await expect(table.getByRole("row", { name: "KES 1,000 or more KES 50" })).toBeVisible();
  await expect(table.getByRole("row", { name: "KES 0 to KES 199 KES 5" })).toBeVisible();
});
