import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { shot } from "./helpers";

/** Serious and critical axe violations on the page as it stands, summarised for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")})`,
    );
}

test.describe("accessibility (axe): no serious or critical violations", () => {
  test("main view, light and dark, mid-run", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await page.getByRole("combobox", { name: "Scenario" }).selectOption("acks1-leader-failover");
      await page.getByRole("combobox", { name: "Strategy" }).selectOption("log");
      await page.keyboard.press("End");
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test("compare view", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.keyboard.press("End");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("tour", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Tour", exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Next step" }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("workshop", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Workshop" }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("about the model", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "About the model" }).click();
    await expect(page.getByRole("dialog", { name: "About the model" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "about-model");
  });

  test("a bad link's message", async ({ page }) => {
    await page.goto("/#s=1.garbage!!");
    await expect(page.getByRole("alert")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("keyboard only: play, inject a fault, read the anomaly, share", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const focusOn = async (name: string | RegExp, role: "button" | "combobox" = "button") => {
    const target = page.getByRole(role, { name, exact: typeof name === "string" }).first();
    for (let i = 0; i < 120; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`could not reach ${String(name)} with Tab`);
  };
  // Choose the preset by typing into the focused select.
  await focusOn("Scenario", "combobox");
  await page.keyboard.type("kleppmann");
  await expect(page.getByRole("combobox", { name: "Scenario" })).toHaveValue("kleppmann-race");
  // Inject a fault at the playhead (crash search at 0 ms), see it scheduled, then take it back.
  await focusOn("Node", "combobox");
  await page.keyboard.type("search");
  await focusOn("Crash node");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Schedule" })).toContainText("crash search");
  await focusOn(/^Remove /);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Remove .*crash search/ })).toHaveCount(0);
  // Play to the end.
  await focusOn("Play");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  // Read the anomaly: Tab to it; its text names the stores and values.
  await focusOn(/isolation/);
  const text = await page.evaluate(() => document.activeElement?.textContent ?? "");
  expect(text).toMatch(/search/);
  await page.keyboard.press("Enter");
  await focusOn("Share");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Link copied")).toBeVisible();
  await shot(page, "keyboard-journey");
});
