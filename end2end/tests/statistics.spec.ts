import { expect, test } from "@playwright/test";
import { withJs } from "./helpers";
import { asOfficer } from "./staff-helpers";

/**
 * Statistics for an analyst (issue 29): every figure a chart (an image with a title) beside its table; a place
 * that is chosen shows in the filter; a table downloads as CSV. In both projects, so also with JavaScript off.
 * People from the end of the register that no other test registers.
 */
const analysts = [
  { id: "18434854", first: "Njeri", year: "1985" },
  { id: "31465210", first: "Titus", year: "1958" },
];

test("an analyst sees the charts and downloads a table as CSV", async ({ browser, page }, info) => {
  await page.goto("/en");
  await asOfficer(browser, page, info, analysts[withJs(info) ? 0 : 1], async (analyst) => {
    // The queue of applications is not theirs.
    await expect(analyst.getByRole("link", { name: "Applications to decide" })).toHaveCount(0);
    for (const figure of ["Applications started, by week", "Driving tests, by test unit", "Expiring in the next 90 days, by county"]) {
      const section = analyst.getByRole("region", { name: figure });
      await expect(section.getByRole("img", { name: figure })).toBeVisible();
      await expect(section.getByRole("table", { name: figure })).toBeVisible();
    }

    await analyst.getByLabel("County or centre").selectOption({ label: "Nairobi county" });
    await analyst.getByRole("button", { name: "Show figures" }).click();
    await expect(analyst.getByLabel("County or centre")).toHaveValue("county:Nairobi");

    const weekly = analyst.getByRole("region", { name: "Applications started, by week" });
    const download = analyst.waitForEvent("download");
    await weekly.getByRole("link", { name: "Download this table (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("uraia-statistics-weekly.csv");
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8").split("\n")[0]).toMatch(/^Week starting,All services/);
  }, "analyst");
});
