import { expect, test } from "@playwright/test";
import { CHAPTERS } from "../src/tour/chapters";
import { shot, watchErrors } from "./helpers";

/** Clicker-proof: what a speaker's remote (PageDown, PageUp, Escape, ".", B) does on stage. */

const stepId = (chapter: number, step: number) => CHAPTERS[chapter - 1].steps[step - 1].id;

test("Presenter mode from the start page opens the tour and answers the clicker; Escape keeps it", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: "Presenter mode" }).click();
  await expect(page.locator("html")).toHaveClass(/presenter/);
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 2));
  await page.keyboard.press("PageUp");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 2));
  // The clicker's "slideshow" button sends Escape: the talk goes on.
  await page.keyboard.press("Escape");
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("data-step", stepId(1, 2));
  await shot(page, "tour-clicker-presenter-start");
  expect(errors).toEqual([]);
});

test("'.' and B blank the screen and hold the step; PageDown behind it does nothing", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: "Presenter mode" }).click();
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  const blank = page.getByRole("button", { name: /Screen blanked/ });
  for (const key of [".", "b"]) {
    await page.keyboard.press(key);
    await expect(blank).toBeVisible();
    await page.keyboard.press("PageDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
    await page.keyboard.press(key);
    await expect(blank).toHaveCount(0);
    await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  }
  // Escape brings a blanked screen back too, and still does not leave.
  await page.keyboard.press("b");
  await page.keyboard.press("Escape");
  await expect(blank).toHaveCount(0);
  await expect(bar).toBeVisible();
  // The step goes on to its moment once the screen is back.
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
});

test("a reload keeps presenter mode and the step", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: "Presenter mode" }).click();
  const bar = page.getByRole("region", { name: "Tour" });
  await page.keyboard.press("3");
  await expect(bar).toHaveAttribute("data-step", stepId(3, 1));
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toContain("presenter=1");
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toContain("tour=3.1");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/presenter/);
  await expect(bar).toHaveAttribute("data-step", stepId(3, 1));
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", stepId(3, 2));
});

test("a short tour link (#tour=5.1) opens that step and plays it to its moment", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/#tour=5.1");
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar).toHaveAttribute("data-step", stepId(5, 1));
  // 5.1 asks the room first; Space reveals, and the run plays to its moment.
  await expect(bar).toHaveAttribute("data-state", "asking");
  await page.keyboard.press("Space");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
  // With presenter=1 the short link opens in presenter mode as well.
  await page.goto("/#tour=6.3&presenter=1");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/presenter/);
  await expect(bar).toHaveAttribute("data-step", stepId(6, 3));
  expect(errors).toEqual([]);
});

test("a predict step: choices first, a click answers, the run reveals; R replays the moment slowly", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/#tour=5.3&presenter=1");
  const bar = page.getByRole("region", { name: "Tour" });
  const predict = bar.getByRole("region", { name: "Predict" });
  const step = CHAPTERS[4].steps[2];
  await expect(bar).toHaveAttribute("data-step", step.id);
  await expect(predict).toHaveAttribute("data-state", "asking");
  await expect(predict.getByText(step.predict?.question ?? "no question")).toBeVisible();
  const slider = page.locator(".playback input[type=range]");
  expect(Number(await slider.inputValue())).toBe(0);
  // A click on "B" answers for the room; the run plays and marks A (what search really holds).
  await predict.getByRole("button", { name: /B$/ }).click();
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  await expect(predict).toHaveAttribute("data-state", "revealed");
  await expect(predict.locator('[data-correct="true"]')).toHaveText(/A/);
  await expect(predict.locator('[data-chosen="true"]')).toHaveAttribute("data-correct", "false");
  const target = Number(await slider.inputValue());
  await shot(page, "tour-1024/predict-revealed-5.3");
  // R: the moment again, slowly — the playhead goes back before the target, then stops on it.
  await page.keyboard.press("r");
  await expect(bar).toHaveAttribute("data-state", "playing");
  expect(Number(await slider.inputValue())).toBeLessThan(target);
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  expect(Number(await slider.inputValue())).toBe(target);
  expect(errors).toEqual([]);
});

test("a live edit during a step is named under its caption, and one click brings the step's run back", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/#tour=5.4");
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar).toHaveAttribute("data-step", stepId(5, 4));
  await page.keyboard.press("Space");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  await expect(bar.getByTestId("tour-live-edit")).toHaveCount(0);
  // The caption is about dual writes; the run is switched to the log.
  const strategy = page.getByRole("combobox", { name: "Strategy" });
  await strategy.selectOption("log");
  await expect(bar.getByTestId("tour-live-edit")).toHaveText(
    /^Changed live: Strategy: dual-write → log\. The caption tells the step as written/,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "tour-live-edit-1024x768");
  await bar.getByRole("button", { name: "Back to the step's run" }).click();
  await expect(bar.getByTestId("tour-live-edit")).toHaveCount(0);
  await expect(strategy).toHaveValue("dual-write");
  await expect(bar).toHaveAttribute("data-step", stepId(5, 4));
  expect(errors).toEqual([]);
});
