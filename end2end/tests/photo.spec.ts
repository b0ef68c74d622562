import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { registerCitizen } from "./accounts-helpers";
import { open } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);

/** The photo's pixel size as the browser decoded it from the server (so it was served, and to this account). */
async function shownSize(page: Page) {
  const photo = page.getByRole("img", { name: "Your passport photo" });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  return photo.evaluate((img: HTMLImageElement) => `${img.naturalWidth} x ${img.naturalHeight}`);
}

test("a photo within the rules is uploaded and shows on the account page", async ({ page }, info) => {
  await registerCitizen(page, info, 10);
  await page.goto("/en/account");
  await page.getByRole("link", { name: "Add a photo" }).click();
  await expect(page.getByRole("heading", { name: "Your passport photo", level: 1 })).toBeVisible();
  await page.getByLabel("Choose a photo").setInputFiles(fixture("photo-400x400.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByText("Your photo has been saved.")).toBeVisible();
  expect(await shownSize(page)).toBe("400 x 400");

  // The date it was added, as Kenyans write it (the test clock may have been moved, so the day is read, not assumed).
  const added = await page.getByText(/^Added on /).textContent();
  const [, day, month, year] = added!.match(/^Added on (\d{1,2}) ([A-Z][a-z]+) (\d{4})$/)!;
  await page.getByRole("link", { name: "Kiswahili" }).click();
  await expect(page).toHaveURL(/\/sw\/account$/);
  const miezi = ["Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba"];
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  await expect(page.getByText(`Iliongezwa tarehe ${day} ${miezi[months.indexOf(month)]} ${year}`, { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();

  // Removing it.
  await page.getByRole("link", { name: "Change or remove your photo" }).click();
  await page.getByRole("button", { name: "Remove photo" }).click();
  await expect(page.getByText("Your photo has been removed.")).toBeVisible();
  await expect(page.getByText("You have not added a photo yet.")).toBeVisible();
});

test("a photo that breaks the rules is refused with its figures, in Kiswahili", async ({ page }, info) => {
  await registerCitizen(page, info, 11);
  await page.goto("/sw/account/photo");
  await page.getByLabel("Chagua picha").setInputFiles(fixture("photo-200x200.jpg"));
  await page.getByRole("button", { name: "Pakia picha" }).click();
  const message = "Picha yako ina pikseli 200 x 200. Chagua picha yenye angalau pikseli 240 x 240 ili uso wako uonekane";
  await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
  await expect(page.getByLabel("Chagua picha")).toHaveAccessibleDescription(new RegExp(message));
  // Nothing chosen at all.
  await page.getByRole("button", { name: "Pakia picha" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Chagua picha ya kupakia" })).toBeVisible();
});

test("a large photo is cropped to a square and scaled to fit before it is sent", async ({ page }, info) => {
  test.skip(info.project.name.includes("no-js"), "the crop needs JavaScript; without it the server refuses the size");
  await registerCitizen(page, info, 12);
  await page.goto("/en/account/photo");
  await page.getByLabel("Choose a photo").setInputFiles(fixture("photo-1200x1600.jpg"));
  await expect(page.getByText(/Your photo is 1200 x 1600 pixels\. Move the square over your face/)).toBeVisible();
  const frame = page.getByRole("img", { name: /Your photo with the square to keep/ });
  await expect(frame).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  expect(serious, "the photo page with the crop open").toEqual([]);
  // Move the square with the keyboard, and make it smaller.
  await frame.focus();
  await frame.press("ArrowDown");
  await page.getByLabel("Size of the square").fill("900");
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByText("Your photo has been saved.")).toBeVisible();
  expect(await shownSize(page)).toBe("500 x 500");
});

test("without the crop, a large photo is refused by the server with its size", async ({ page }, info) => {
  test.skip(!info.project.name.includes("no-js"), "with JavaScript the page crops it instead");
  await registerCitizen(page, info, 12);
  await page.goto("/en/account/photo");
  await page.getByLabel("Choose a photo").setInputFiles(fixture("photo-1200x1600.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", {
      name: "Your photo is 1200 x 1600 pixels. Choose a photo of at most 500 x 500 pixels, or crop it first",
    }),
  ).toBeVisible();
});

test("the photo step after verification can be used or skipped", async ({ page }, info) => {
  await registerCitizen(page, info, 13);
  // registerCitizen skipped it; it stays reachable, and the dashboard says what is missing.
  await expect(page.getByText("Passport photo: Not added")).toBeVisible();
  await page.goto("/en/welcome/photo");
  await page.getByLabel("Choose a photo").setInputFiles(fixture("photo-400x400.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByText("Passport photo: Added")).toBeVisible();
});

test("on a slow link the upload shows its progress", async ({ page }, info) => {
  test.skip(info.project.name.includes("no-js"), "the progress bar needs JavaScript; without it the browser shows its own");
  await registerCitizen(page, info, 14);
  // The picker must be running before the link slows down: the test is about the upload, not the wasm download.
  await open(page, "/en/account/photo", info);
  // About 5 KB/s up: the 19 KB photo takes a few seconds, as on a weak 3G signal.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 300,
    downloadThroughput: 50_000,
    uploadThroughput: 5_000,
  });
  await page.getByLabel("Choose a photo").setInputFiles(fixture("photo-400x400.jpg"));
  await expect(page.getByText("Your photo is 400 x 400 pixels: it meets the size rules.")).toBeVisible();
  await expect(page.getByRole("img", { name: "The photo you chose" })).toBeVisible();
  await page.getByRole("button", { name: "Upload photo" }).click();
  const progress = page.getByRole("progressbar", { name: "Uploading your photo" });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page).toHaveURL(/\/en\/account$/, { timeout: 30_000 });
  await expect(page.getByText("Your photo has been saved.")).toBeVisible();
});

test("a file over 2 MB is refused with its size", async ({ page }, info) => {
  await registerCitizen(page, info, 16 + info.repeatEachIndex);
  await page.goto("/en/account/photo");
  // 3 MB that is not a picture the browser can show: with JavaScript the picker cannot shrink it, so it is sent
  // as it is; without, the form sends it. Either way the server refuses it before reading it.
  const buffer = Buffer.alloc(3 * 1024 * 1024, 0xab);
  await page.getByLabel("Choose a photo").setInputFiles({ name: "scan.jpg", mimeType: "image/jpeg", buffer });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "Your file is 3.0 MB. Choose a photo of at most 2 MB" }),
  ).toBeVisible();
});
