import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { registerPerson } from "../tests/accounts-helpers";

/**
 * Issue 15: the main journeys on a cheap phone on slow 3G (750 kb/s down and up, 300 ms round trip, the CPU 4x
 * slower), JavaScript on and off, first visit (empty cache) and repeat visit. For each page: the time until it is
 * usable (loaded, and hydrated where it has an island and JavaScript runs) and the bytes on the wire. Prints the
 * figures; asserts nothing about them.
 */
const SLOW_3G = { latency: 300, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function throttled(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_3G });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return page;
}

async function visit(page: Page, path: string, js: boolean) {
  let bytes = 0;
  const sizes: Promise<void>[] = [];
  const listener = (request: import("@playwright/test").Request) => {
    sizes.push(request.sizes().then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize)));
  };
  page.on("requestfinished", listener);
  const started = Date.now();
  await page.goto(path, { waitUntil: "load" });
  if (js && (await page.locator("leptos-island").count()) > 0) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 60_000 });
  }
  const usable = Date.now() - started;
  await page.waitForLoadState("networkidle");
  page.off("requestfinished", listener);
  await Promise.all(sizes);
  return { usable, bytes };
}

for (const js of [true, false]) {
  test(`slow 3G, JavaScript ${js ? "on" : "off"}: time to usable and bytes, first and repeat visit`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    // A signed-in person for the pages behind sign-in (registered at full speed).
    const setup = await browser.newContext();
    // Register people no test uses (people.csv), one per run: the bench starts on a fresh database.
    const person = js ? { id: "11818236", first: "Esther", year: "1997" } : { id: "30634027", first: "Beatrice", year: "1988" };
    await registerPerson(await setup.newPage(), person);
    const session = await setup.storageState();
    await setup.close();

    const lines: string[] = [];
    for (const [who, state, paths] of [
      ["visitor", undefined, ["/en", "/en/fees", "/en/login", "/en/register"]],
      ["signed in", session, ["/en/dashboard", "/en/services/vehicle-search", "/en/account"]],
    ] as const) {
      const context = await browser.newContext({ javaScriptEnabled: js, storageState: state });
      const page = await throttled(context);
      for (const path of paths) {
        const first = await visit(page, path, js);
        const again = await visit(page, path, js);
        lines.push(
          `${who.padEnd(9)} ${path.padEnd(30)} first ${String(first.usable).padStart(5)} ms ${String(first.bytes).padStart(7)} B` +
            ` | repeat ${String(again.usable).padStart(5)} ms ${String(again.bytes).padStart(7)} B`,
        );
      }
      if (!state) {
        // The next page by a link: swapped in place with JavaScript, a whole page load without.
        await visit(page, "/en", js);
        const started = Date.now();
        await page.getByRole("link", { name: "Check what a service costs" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Check what a service costs" })).toBeVisible();
        if (js) await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 60_000 });
        lines.push(`visitor   /en -> /en/fees by its link: usable after ${Date.now() - started} ms`);
      }
      await context.close();
    }
    console.log(`slow 3G (750 kb/s, 300 ms RTT, CPU 4x), JavaScript ${js ? "on" : "off"}:\n  ${lines.join("\n  ")}`);
  });
}
