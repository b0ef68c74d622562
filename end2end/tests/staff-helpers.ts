import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { registerPerson, signIn, signOut } from "./accounts-helpers";
import { withJs } from "./helpers";

/**
 * Runs `act` as an NTSA officer in a browser of their own (JavaScript as the project has it): the person
 * registers, is given the role (the test-mode twin of `uraia staff add`), and signs in again with the code, as
 * staff must.
 */
export async function asOfficer(
  browser: Browser,
  page: Page,
  info: TestInfo,
  person: { id: string; first: string; year: string },
  act: (officer: Page) => Promise<void>,
  role = "officer",
) {
  const origin = new URL(page.url()).origin;
  const context = await browser.newContext({ baseURL: origin, javaScriptEnabled: withJs(info) });
  const officer = await context.newPage();
  try {
    const { email, phone } = await registerPerson(officer, person);
    const granted = await officer.request.post(
      `/dev/staff?email=${encodeURIComponent(email)}&role=${role}`,
      { headers: { Origin: origin } },
    );
    if (!granted.ok()) throw new Error(`no role: ${await granted.text()}`);
    await officer.goto("/en/dashboard");
    await signOut(officer);
    await signIn(officer, email, phone.e164);
    // An analyst has no queue: their first page is the statistics.
    const [home, heading] = role === "analyst" ? ["/en/staff/statistics", "Statistics"] : ["/en/staff", "Applications to decide"];
    await officer.goto(home);
    await expect(officer.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await act(officer);
  } finally {
    await context.close();
  }
}
