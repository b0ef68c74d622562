import { expect, test, type TestInfo } from "@playwright/test";
import { citizen, continueOn } from "./accounts-helpers";
import { fillToday, payByCard, withJs } from "./helpers";
import { registerBusinessPerson } from "./learner-helpers";
import { asOfficer } from "./staff-helpers";

/**
 * The PSV road service licence: a SACCO's authorised person is refused for a matatu whose inspection has run out
 * (the reason, and the way to book one), then licenses one with a valid inspection on a route from the list; pays
 * by card, an officer approves, and the licence and its slip are on the application; the SACCO's page lists it.
 * People this file alone uses (app/demo-data), one per project: [JavaScript on, off], from the end of the register,
 * past the slots `citizen(slot)` hands out. The directors are on the demo KRA records for their SACCOs; the vehicles are
 * theirs in the demo register.
 */
const saccos = [
  {
    pin: "P672271267L",
    name: "Embassava Sacco",
    director: { id: "22059776", first: "Esther", year: "1978" },
    lapsed: { plate: "KBZ 234E", until: "20 November 2026" },
    valid: "KDH 777P",
  },
  {
    pin: "P052468013M",
    name: "Super Metro Sacco",
    director: { id: "13110946", first: "Dorcas", year: "1960" },
    lapsed: { plate: "KCX 101M", until: "1 October 2026" },
    valid: "KDE 789C",
  },
];
const pick = (info: TestInfo) => saccos[withJs(info) ? 0 : 1];
const OFFICER = 43;

test("a SACCO's person is refused a licence for a matatu without a valid inspection, then licenses one", async ({ browser, page }, info) => {
  test.slow(); // a director and an officer register; a payment and a decision
  const sacco = pick(info);
  await registerBusinessPerson(page, sacco.director, sacco.pin, "Secretary");
  await page.goto("/en/services/psv-licence");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which vehicle do you want to license?" })).toBeVisible();

  // The inspection has run out: the reason beside the vehicles and in the summary, with the way to book one.
  await page.getByRole("radio", { name: new RegExp(sacco.lapsed.plate) }).check();
  await continueOn(page);
  const problem = `The inspection of ${sacco.lapsed.plate} ran out on ${sacco.lapsed.until}`;
  await expect(page.getByRole("alert")).toContainText(problem);
  await expect(page.locator("#plate-error")).toContainText(problem);
  await expect(page.getByRole("link", { name: "Book an inspection" })).toHaveAttribute("href", "/en/services/inspection");

  // A matatu with a valid inspection, a route, today as the first day.
  await page.getByRole("radio", { name: new RegExp(sacco.valid) }).check();
  await continueOn(page);
  await page.getByRole("radio", { name: "Nairobi CBD – Thika (route 237)" }).check();
  await continueOn(page);
  await fillToday(page);
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText(sacco.name).first()).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  const reference = (await page.getByText(/^UR[2-9A-Z]{8}$/).textContent()) ?? "";
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 3,250");
  await expect(page.getByRole("heading", { name: "Application in review" })).toBeVisible();
  const application = page.url();

  await asOfficer(browser, page, info, citizen(OFFICER, info), async (officer) => {
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByRole("button", { name: "Decide this application" }).click();
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.getByText("Approved. The applicant has been told by SMS and email.")).toBeVisible();
  });

  await page.goto(application);
  await expect(page.getByRole("heading", { name: "The road service licence" })).toBeVisible();
  await expect(page.getByText("Nairobi CBD – Thika (route 237)")).toBeVisible();
  // The slip, and anyone's check of it.
  await page.getByRole("link", { name: "Printable version PSV road service licence slip" }).click();
  const code = (await page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/).first().textContent()) ?? "";
  await page.goto(`/en/verify?code=${encodeURIComponent(code)}`);
  await expect(page.getByText("Uraia issued this document and it is valid today.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: sacco.valid }).first()).toBeVisible();

  // The SACCO's page lists the application with the person who made it.
  await page.goto(`/en/organisations/${sacco.pin}`);
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText(sacco.director.first);
});
