import { expect, test } from "@playwright/test";
import { registerCitizen } from "./accounts-helpers";
import { open } from "./helpers";

test("searching 'leseni' finds the renewal and its fees", async ({ page }, info) => {
  await open(page, "/en/services", info);
  await page.getByRole("searchbox", { name: "Search for a service" }).fill("leseni");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/en\/services\?q=leseni/);
  await expect(page.getByRole("heading", { name: "Services matching “leseni”" })).toBeVisible();
  // The typed words come back in the box.
  await expect(page.getByRole("searchbox", { name: "Search for a service" })).toHaveValue("leseni");
  const results = page.getByRole("list").filter({ hasText: "Renew a driving licence" });
  await results.getByRole("link", { name: "Renew a driving licence" }).click();
  await expect(page.getByRole("heading", { name: "Renew a driving licence", level: 1 })).toBeVisible();
  const fees = page.getByRole("table", { name: "What you will pay" });
  await expect(fees.getByRole("row", { name: /Driving licence renewal, 3 years KES 1,400 KES 50 KES 1,450/ })).toBeVisible();
  await expect(fees.getByRole("row", { name: /Smart driving licence .* KES 3,050 KES 50 KES 3,100/ })).toBeVisible();
});

test("the catalogue answers in Kiswahili and groups services by agency", async ({ page }, info) => {
  await open(page, "/sw/services?q=NTSA", info);
  await expect(page.getByRole("heading", { name: "Huduma zinazolingana na “NTSA”" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Huisha leseni ya udereva" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Weka nafasi ya ukaguzi wa gari" })).toBeVisible();
  await page.getByRole("link", { name: "Angalia huduma zote za serikali" }).first().click();
  await expect(page.getByRole("heading", { name: "Mamlaka ya Kitaifa ya Uchukuzi na Usalama (NTSA)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Idara ya Huduma za Uhamiaji" })).toBeVisible();
  await expect(page.getByText("Huduma nyingine za serikali hazitolewi kwenye Uraia.")).toBeVisible();
});

test("a search that finds nothing says so and offers the catalogue", async ({ page }, info) => {
  await open(page, "/en/services?q=xyzzy", info);
  await expect(page.getByText("No service matches “xyzzy”.")).toBeVisible();
  await page.getByRole("link", { name: "See all government services" }).click();
  await expect(page.getByRole("heading", { name: "National Transport and Safety Authority (NTSA)" })).toBeVisible();
});

test("an unknown service is a 404", async ({ page }, info) => {
  const response = await open(page, "/en/services/no-such-service", info);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the dashboard shows the person's records and searches the services", async ({ page }, info) => {
  await registerCitizen(page, info, 60);
  await expect(page.getByRole("heading", { name: "My driving licences" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My vehicles" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search for a service" }).fill("inspektion");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Book a vehicle inspection" })).toBeVisible();
});
