import { expect, test, type Page } from "@playwright/test";
import { continueOn, registerPerson } from "./accounts-helpers";
import { withJs } from "./helpers";

/**
 * Paying a renewal by M-Pesa against the Daraja sandbox the development server mounts. The phone number's last
 * digit is the sandbox's outcome: 8 pays, 2 is cancelled (1032), 3 is unreachable (1037).
 * Register people this file alone uses (app/demo-data; none in the slots `citizen()` hands out), one per test and
 * project: [JavaScript on, off].
 */
const people = {
  paid: [{ id: "39409614", first: "Mercy", year: "1978" }, { id: "27286348", first: "Mwanaisha", year: "1982" }],
  retry: [{ id: "38743977", first: "Caroline", year: "1955" }, { id: "38880313", first: "Lucy", year: "1992" }],
  paybill: [{ id: "30070127", first: "Mary", year: "2005" }, { id: "29663876", first: "Naomi", year: "2006" }],
  card: [{ id: "33853264", first: "Ian", year: "1966" }, { id: "30640835", first: "Barasa", year: "1984" }],
};
const pick = (list: keyof typeof people, info: Parameters<typeof withJs>[0]) => people[list][withJs(info) ? 0 : 1];

/** A 1-year renewal, submitted: the application's page, awaiting KES 620. */
async function submitRenewal(page: Page) {
  await page.goto("/en/services/dl-renewal");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("radio", { name: "For 1 year" }).check();
  await continueOn(page);
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText(/Pay KES 620 to complete your application/)).toBeVisible();
}

async function sendPrompt(page: Page, phone: string) {
  await page.getByLabel("M-Pesa phone number").fill(phone);
  await page.getByRole("button", { name: "Send payment request" }).click();
  await expect(page.getByRole("heading", { name: "Check your phone" })).toBeVisible();
  await expect(page.getByText(/We sent a payment request for KES 620 to 2547•••••/)).toBeVisible();
}

/** Waits for the result: with JavaScript the page moves on by itself; without, the person asks. */
async function awaitResult(page: Page, info: Parameters<typeof withJs>[0], heading: string) {
  const landed = page.getByRole("heading", { name: heading });
  if (withJs(info)) {
    await expect(page.getByText("This page updates itself when the payment arrives.")).toBeVisible();
    await expect(landed).toBeVisible({ timeout: 15_000 });
    return;
  }
  await expect(async () => {
    if (await page.getByRole("button", { name: "Check payment status" }).isVisible()) {
      await page.getByRole("button", { name: "Check payment status" }).click();
    }
    await expect(landed).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000, intervals: [1_000] });
}

test("renew, pay by M-Pesa, and the application completes", async ({ page }, info) => {
  await registerPerson(page, pick("paid", info));
  await submitRenewal(page);
  await page.getByRole("link", { name: "Pay now" }).click();
  await expect(page.getByRole("heading", { name: "Pay for your application" })).toBeVisible();
  await expect(page.getByText("KES 620").first()).toBeVisible();
  // A number that is not a Kenyan mobile is refused next to the field, and kept.
  await page.getByLabel("M-Pesa phone number").fill("0712 34");
  await page.getByRole("button", { name: "Send payment request" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("M-Pesa phone number")).toHaveValue("0712 34");
  await sendPrompt(page, "0712 345 678");
  await awaitResult(page, info, "Application complete");
  await expect(page.getByText("Completed").first()).toBeVisible();

  // The receipt and the renewal slip: the PDF downloads, the printable page shows the code anyone can check.
  await expect(page.getByRole("heading", { name: "Your documents" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the PDF Driving licence renewal slip" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^uraia-[2-9a-z]{12}\.pdf$/);
  await page.getByRole("link", { name: "Printable version Driving licence renewal slip" }).click();
  await expect(page.getByRole("heading", { name: "Driving licence renewal slip" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to check this document" })).toBeVisible();
  const code = (await page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/).textContent()) ?? "";
  // A traffic officer checks it, signed out, by typing the code.
  const officer = await page.context().browser()!.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: withJs(info) });
  const check = await officer.newPage();
  await check.goto("/en/verify");
  await check.getByLabel("Document code").fill(code.toLowerCase());
  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.getByRole("heading", { name: "Genuine" })).toBeVisible();
  await expect(check.getByText("Uraia issued this document and it is valid today.")).toBeVisible();
  await expect(check.getByText(/^M\*+ /)).toBeVisible();
  await officer.close();
});

test("a cancelled prompt says so, in English and Kiswahili, and a new one pays", async ({ page }, info) => {
  await registerPerson(page, pick("retry", info));
  await submitRenewal(page);
  await page.getByRole("link", { name: "Pay now" }).click();
  await sendPrompt(page, "0712 345 672");
  await awaitResult(page, info, "Pay for your application");
  await expect(page.getByText("You cancelled the payment request on your phone.")).toBeVisible();
  const english = page.url();
  await page.goto(english.replace("/en/", "/sw/"));
  await expect(page.getByRole("heading", { name: "Lipia ombi lako" })).toBeVisible();
  await expect(page.getByText("Ulighairi kidirisha cha malipo kwenye simu yako.")).toBeVisible();
  await page.goto(english);
  await sendPrompt(page, "0712 345 678");
  await awaitResult(page, info, "Application complete");
});

test("an unreachable phone, then Paybill from a bank app", async ({ page }, info) => {
  await registerPerson(page, pick("paybill", info));
  await submitRenewal(page);
  const application = page.url();
  await page.getByRole("link", { name: "Pay now" }).click();
  await sendPrompt(page, "0712 345 673");
  await awaitResult(page, info, "Pay for your application");
  await expect(page.getByText(/We could not reach your phone/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pay by Pay Bill or mobile banking" })).toBeVisible();
  // The Paybill instructions' account number (the application's reference).
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).last().textContent())?.trim() ?? "";
  expect(reference).toMatch(/^UR[2-9A-Z]{8}$/);
  // The bank app pays the Paybill: the sandbox sends M-Pesa's confirmation.
  await page.goto("/sandbox/daraja");
  await page.getByLabel("Account number (bill reference)").fill(reference);
  await page.getByLabel("Amount (KES)").fill("620");
  await page.getByRole("button", { name: "Send the Paybill confirmation" }).click();
  await expect(page.getByRole("status")).toContainText("Sent");
  await page.goto(application);
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
});

async function payByCard(page: Page, card: string) {
  await page.getByRole("button", { name: "Pay by card" }).click();
  await expect(page.getByRole("heading", { name: "Pay KES 620" })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry date (MM/YY)").fill("12/29");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay KES 620" }).click();
}

test("card: declined, a tampered result refused, then 3-D Secure and paid", async ({ page }, info) => {
  await registerPerson(page, pick("card", info));
  await submitRenewal(page);
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "4000 0000 0000 0002");
  await expect(page.getByText("Your card was declined and nothing was taken.")).toBeVisible();
  // A result that did not come from the provider (changed on its way back: a smaller amount, a made-up signature)
  // is refused, and the page says so. (The server tests also change a genuinely signed result.)
  await page.getByRole("button", { name: "Pay by card" }).click();
  await expect(page.getByRole("heading", { name: "Pay KES 620" })).toBeVisible();
  const checkout = new URL(page.url()).searchParams;
  const forged = new URLSearchParams({
    session: checkout.get("session") ?? "",
    reference: checkout.get("reference") ?? "",
    amount: "1",
    outcome: "paid",
    transaction: "FORGED123456",
    sig: "0".repeat(64),
  });
  await page.goto(`/payments/card/return?${forged}`);
  await expect(page.getByText("We could not confirm that card payment, so it was not accepted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pay for your application" })).toBeVisible();
  // A card that asks for the bank's code (3-D Secure) pays.
  await payByCard(page, "4000 0000 0000 3220");
  await expect(page.getByRole("heading", { name: "Confirm with your bank" })).toBeVisible();
  await page.getByLabel("One-time code").fill("123456");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
});
