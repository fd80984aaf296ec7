import { expect, type Page, test } from "@playwright/test";
import { shot, watchErrors } from "./helpers";

const score = (page: Page, strategy: string, letter: string) =>
  page
    .getByTestId("scoreboard")
    .locator(`tr[data-strategy="${strategy}"] [data-letter="${letter}"]`);

async function openCompare(page: Page) {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
  const toggle = page.getByRole("button", { name: "Compare", exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("combobox", { name: "First strategy" })).toHaveValue("dual-write");
  await expect(page.getByRole("combobox", { name: "Second strategy" })).toHaveValue("log");
  await expect(page.getByTestId("timeline")).toHaveCount(2);
}

test("compare mode stacks dual-write and log; only dual-write scores the race", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openCompare(page);
  await expect(score(page, "dual-write", "I")).toHaveText("0");
  // The Compare button has focus; End is the app's "jump to the end of the run".
  await page.keyboard.press("End");
  await expect
    .poll(async () => Number(await score(page, "dual-write", "I").textContent()))
    .toBeGreaterThanOrEqual(1);
  await expect(score(page, "log", "I")).toHaveText("0");
  await expect(score(page, "log", "total")).toHaveText("0");
  const [first, second] = await page.getByTestId("timeline").all();
  await expect(first.locator(".tl-title")).toHaveText("dual-write");
  await expect(second.locator(".tl-title")).toHaveText("log");
  await expect(first.locator("[data-anomaly]").first()).toBeVisible();
  await expect(second.locator("[data-anomaly]")).toHaveCount(0);
  await shot(page, "compare");
  expect(errors).toEqual([]);
});

test("compare mode at 1024×768", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openCompare(page);
  await page.keyboard.press("End");
  await expect
    .poll(async () => Number(await score(page, "dual-write", "I").textContent()))
    .toBeGreaterThanOrEqual(1);
  await shot(page, "compare-1024");
});
