import { expect, test } from "@playwright/test";
import { shot, watchErrors } from "./helpers";

test("the page loads, plays, and message arrows appear in the timeline", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  const timeline = page.getByTestId("timeline").first();
  await expect(timeline).toBeVisible();
  const play = page.getByRole("button", { name: "Play", exact: true });
  await play.click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await expect
    .poll(async () => Number(await timeline.getAttribute("data-arrows")), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await shot(page, "skeleton-playing");
  expect(errors).toEqual([]);
});
