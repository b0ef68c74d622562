import { expect, test, type Page } from "@playwright/test";
import { citizen, continueOn, registerPerson } from "./accounts-helpers";
import { asOfficer } from "./staff-helpers";

/** A 1-year renewal, submitted: the application's address and its reference (the Paybill account number). */
async function submitRenewal(page: Page) {
  await page.goto("/en/services/dl-renewal");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("radio", { name: "For 1 year" }).check();
  await continueOn(page);
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText(/Pay KES 620 to complete your application/)).toBeVisible();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).first().textContent())?.trim() ?? "";
  expect(reference).toMatch(/^UR[2-9A-Z]{8}$/);
  return { application: page.url(), reference };
}

/** A bank app pays `reference` to the Paybill from `phone` through the sandbox; M-Pesa's transaction id. */
async function payBill(page: Page, reference: string, phone: string, validated: boolean) {
  await page.goto("/sandbox/daraja");
  await page.getByLabel("Account number (bill reference)").fill(reference);
  await page.getByLabel("Amount (KES)").fill("620");
  await page.getByLabel("Paid from (2547…)").fill(phone);
  if (!validated) await page.getByLabel(/Without validation/).check();
  await page.getByRole("button", { name: "Send the Paybill confirmation" }).click();
  const said = (await page.getByRole("status").textContent()) ?? "";
  const transId = said.match(/Sent ([A-Z0-9]{10})/)?.[1];
  if (!transId) throw new Error(`the sandbox said ${said}`);
  return transId;
}

/** Reloads `url` until `text` shows (a person without JavaScript asks again). */
async function until(page: Page, url: string, text: string | RegExp) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByText(text)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000] });
}

test("money paid twice goes back to the phone through M-Pesa, and the person sees it", async ({ browser, page }, info) => {
  test.slow(); // two people register, the money goes out and back through the sandbox
  await registerPerson(page, citizen(30, info));
  const { application, reference } = await submitRenewal(page);
  await payBill(page, reference, "254712345670", true);
  await until(page, application, "Application complete");
  // Paid again by mistake, from a shortcode that does not ask first: kept as a credit to refund.
  const second = await payBill(page, reference, "254712345670", false);
  await until(page, application, /It will be refunded to the phone or account it came from/);
  await asOfficer(
    browser,
    page,
    info,
    citizen(31, info),
    async (supervisor) => {
      await supervisor.getByRole("link", { name: "Refunds" }).click();
      await expect(supervisor.getByRole("heading", { name: "Refunds", level: 1 })).toBeVisible();
      const row = supervisor.getByRole("row").filter({ hasText: second });
      await expect(row).toContainText("Paid twice");
      await expect(row).toContainText("M-Pesa 2547•••••670");
      await row.getByRole("button", { name: `Refund KES 620 (receipt ${second})` }).click();
      await expect(supervisor.getByText("Refund sent.")).toBeVisible();
      // M-Pesa's result, confirmed by its books, comes by itself.
      await until(supervisor, "/en/staff/refunds", /Refunded on .* \(receipt [A-Z0-9]{10}\)/);
    },
    "supervisor",
  );
  await until(page, application, /We refunded KES 620 to M-Pesa 2547•••••670 on/);
  await expect(page.getByText(/It will be refunded to the phone or account it came from/)).toHaveCount(0);
});

test("a Paybill payment under a mistyped reference is attached by a supervisor and the application completes", async ({
  browser,
  page,
}, info) => {
  test.slow();
  await registerPerson(page, citizen(28, info));
  const { application, reference } = await submitRenewal(page);
  // One character typed wrong ("0" is in no reference), from a shortcode that does not validate.
  const mistyped = `${reference.slice(0, 9)}0`;
  const transId = await payBill(page, mistyped, "254712345680", false);
  await asOfficer(
    browser,
    page,
    info,
    citizen(33, info),
    async (supervisor) => {
      await supervisor.goto("/sw/staff/money");
      await expect(supervisor.getByRole("heading", { name: "Pesa za kuchunguzwa", level: 1 })).toBeVisible();
      await supervisor.goto("/en/staff/money");
      const item = supervisor.getByRole("region", {
        name: `KES 620 paid by Paybill under an unknown account number (receipt ${transId})`,
      });
      await expect(item).toBeVisible({ timeout: 15_000 });
      // The wrong reference again: refused next to the field, and what was typed comes back.
      const field = item.getByLabel(`Application reference for receipt ${transId}`);
      await field.fill(mistyped);
      await item.getByRole("button", { name: "Attach to this application" }).click();
      const again = supervisor.getByRole("region", { name: new RegExp(`receipt ${transId}`) });
      await expect(again.getByText("No application has that reference.")).toBeVisible();
      await expect(supervisor.getByRole("alert")).toContainText("No application has that reference.");
      await expect(again.getByLabel(`Application reference for receipt ${transId}`)).toHaveValue(mistyped);
      await again.getByLabel(`Application reference for receipt ${transId}`).fill(reference);
      await again.getByRole("button", { name: "Attach to this application" }).click();
      await expect(supervisor.getByText("Attached.")).toBeVisible();
      await expect(supervisor.getByRole("region", { name: new RegExp(`receipt ${transId}`) })).toHaveCount(0);
    },
    "supervisor",
  );
  await page.goto(application);
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
});
