import { expect, type Page, type TestInfo } from "@playwright/test";

/** True in the project that runs with JavaScript. */
export const withJs = (info: TestInfo) => info.project.name === "js";

/** Opens a page; with JavaScript on, waits until the wasm has hydrated it. */
export async function open(page: Page, path: string, info: TestInfo) {
  const response = await page.goto(path);
  if (withJs(info)) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
}
