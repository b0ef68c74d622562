import { expect, test, type Page } from "@playwright/test";
import { citizen, continueOn, registerPerson } from "./accounts-helpers";
import { withJs } from "./helpers";

/**
 * Issue 15's byte budgets: what each kind of page makes a first-time visitor download besides its HTML (the CSS,
 * JS and wasm under /pkg, as sent on the wire, compressed), with JavaScript on and off. Without JavaScript a page
 * costs its CSS alone; with it, also the page-swapping script, and a page with an island its code as well.
 */
const CSS = 3_500;
const NAVIGATION = 2_000;
const BUNDLE = 120_000;

/** Bytes of /pkg files a fresh browser (empty cache; the session of `page` if `signedIn`) downloads to show
 *  `path`, once the network has settled, and the names of the islands' own chunks among them. */
async function assetBytes(page: Page, path: string, js: boolean, signedIn: boolean) {
  const context = await page.context().browser()!.newContext({
    storageState: signedIn ? await page.context().storageState() : undefined,
    javaScriptEnabled: js,
    baseURL: test.info().project.use.baseURL,
  });
  const fresh = await context.newPage();
  const sizes: Promise<number>[] = [];
  const chunks: string[] = [];
  fresh.on("requestfinished", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/pkg/")) {
      sizes.push(request.sizes().then((s) => s.responseBodySize));
      if (pathname.startsWith("/pkg/split_")) chunks.push(pathname);
    }
  });
  await fresh.goto(path, { waitUntil: "networkidle" });
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { bytes, chunks };
}

test("each kind of page stays within its budget of CSS, JS and wasm", async ({ page }, info) => {
  test.slow(); // a person registers, then a dozen pages load, each in a fresh browser context
  const js = withJs(info);
  // [page, its island's chunk (each island's own code is split from the bundle), or none]
  const visitor: [string, string | null][] = [
    ["/en", null],
    ["/en/register", null],
    ["/en/login", "password_help_code"],
    ["/en/fees", "fee_total"],
  ];
  await registerPerson(page, citizen(70, info));
  await page.goto("/en/services/vehicle-search");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { name: "Which vehicle?" })).toBeVisible();
  const question = new URL(page.url()).pathname;
  await page.getByLabel("Number plate").fill("KAD 040Z");
  await continueOn(page);
  await page.getByRole("checkbox", { name: /I declare that the information I have given is correct/ }).check();
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.getByRole("link", { name: "Pay now" }).click();
  await expect(page.getByRole("button", { name: "Pay by card" })).toBeVisible();
  const payment = new URL(page.url()).pathname;
  const signedIn: [string, string | null][] = [
    ["/en/dashboard", null],
    [question, null],
    [payment, null],
    ["/en/account/photo", "photo_picker"],
  ];
  const report: string[] = [];
  const pages = [...visitor.map((v) => [...v, false] as const), ...signedIn.map((v) => [...v, true] as const)];
  for (const [path, island, session] of pages) {
    const { bytes, chunks } = await assetBytes(page, path, js, session);
    const budget = !js ? CSS : island ? BUNDLE : CSS + NAVIGATION;
    const own = island && js ? [`/pkg/split_${island}_loader_`] : [];
    expect(
      chunks.map((chunk) => chunk.replace(/\d+\..*$/, "")),
      `${path} fetches its own island's code and no other`,
    ).toEqual(own);
    report.push(`${path}: ${bytes} bytes (budget ${budget})`);
    expect(bytes, `${path}, JavaScript ${js ? "on" : "off"}`).toBeLessThanOrEqual(budget);
    expect(bytes, `${path} loads at least its CSS`).toBeGreaterThan(0);
  }
  console.log(`JavaScript ${js ? "on" : "off"}:\n  ${report.join("\n  ")}`);
});
