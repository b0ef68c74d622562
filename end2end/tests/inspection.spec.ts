import { expect, test } from "@playwright/test";
import { continueOn, registerPerson } from "./accounts-helpers";
import { payByCard, withJs } from "./helpers";

/**
 * Booking an inspection for a commercial vehicle: a private car's refusal is not needed here (server tests), so
 * this walks the happy path with JavaScript on and off, pays by card, then moves and cancels the booking.
 * Register people this file alone uses (app/demo-data: each owns an Isuzu lorry due for inspection).
 */
const people = [
  { id: "35678901", first: "Juma", year: "2001", plate: "KDS 818L" },
  { id: "32497678", first: "Titus", year: "1969", plate: "KDE 985Y" },
];

test("book an annual inspection, pay, move it and cancel it", async ({ page }, info) => {
  const person = people[withJs(info) ? 0 : 1];
  await registerPerson(page, person);
  await page.goto("/en/services/inspection");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which vehicle is to be inspected?" })).toBeVisible();
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("Select one of your vehicles");
  await page.getByRole("radio", { name: new RegExp(person.plate) }).check();
  await continueOn(page);
  await page.getByRole("radio", { name: "Annual inspection (PSV or commercial vehicle)" }).check();
  await continueOn(page);
  await page.getByRole("radio", { name: "Likoni Road Inspection Centre" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Which day?" })).toBeVisible();
  // The fourth working day ahead: a booking may change until 24 hours before, whatever the time of the run.
  await page.getByRole("radio").nth(3).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "What time?" })).toBeVisible();
  await page.getByRole("radio", { name: "08:00" }).check();
  await continueOn(page);
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText(/Your place is held until/)).toBeVisible();
  await expect(page.getByText("KES 1,100")).toBeVisible();
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.getByRole("link", { name: "Pay now" }).click();
  await payByCard(page, "KES 1,100");
  await expect(page.getByRole("heading", { name: "Application complete" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your inspection booking" })).toBeVisible();
  await expect(page.getByText("This booking slip is not proof that the vehicle passed inspection.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Printable version Inspection booking slip" })).toBeVisible();

  // Move it to another time, then cancel it.
  await page.getByRole("group", { name: "Move it to another day" }).getByRole("radio").nth(3).check();
  await page.getByRole("button", { name: "Show that day's times" }).click();
  await page.getByRole("group", { name: /^Choose a new time on/ }).getByRole("radio").first().check();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page.getByText("Your booking was moved.")).toBeVisible();
  // Cancelling asks first, saying the fee is not refunded.
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await expect(page.getByRole("alert")).toContainText("Tick the box to confirm that you want to cancel: the fee is not refunded");
  await expect(page.getByText("Your booking was cancelled.")).toHaveCount(0);
  await page.getByRole("checkbox", { name: /I want to cancel this booking, and I understand that the fee of KES 1,100 is not refunded/ }).check();
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await expect(page.getByText("Your booking was cancelled.")).toBeVisible();
  await expect(page.getByText("This booking was cancelled. Someone else may now have its place.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Printable version Inspection booking slip" })).toHaveCount(0);

  // In Kiswahili, the booking's page says so too.
  await page.goto(page.url().replace("/en/", "/sw/"));
  await expect(page.getByText("Nafasi hii ilighairiwa. Huenda mtu mwingine ameichukua.")).toBeVisible();
});
