import { expect, test } from "@playwright/test";
import { presetScenario } from "../src/sim/presets";
import type { Scenario } from "../src/sim/types";
import { encodeLink } from "../src/url/index";
import { shot, watchErrors } from "./helpers";

/** Selecting an anomaly shows the chain of events that caused it, on the plot and in words. */

test("the Kleppmann race: selecting the anomaly numbers its cause and dims the rest", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const race = presetScenario("kleppmann-race") as Scenario;
  await page.goto(`/${encodeLink(race, { playhead: 68 })}`);
  const panel = page.locator("section.anomalies");
  await panel.getByRole("button", { name: /^isolation on x/ }).click();
  const cause = page.getByRole("region", { name: "Cause of the anomaly" });
  await expect(cause).toBeVisible();
  const steps = cause.getByRole("listitem");
  await expect(steps.first()).toContainText(
    "client-1's write of x = A to search is delayed 40 ms on a slow link",
  );
  await expect(steps.last()).toContainText("search applies client-1's x = A over x = B");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toHaveClass(/tl-dim/);
  await expect(timeline.locator("[data-cause-step]")).toHaveCount(await steps.count());
  await cause.scrollIntoViewIfNeeded();
  await shot(page, "cause-kleppmann-race");
  // A step of the chain selects its event in the inspector.
  await steps.first().getByRole("button").click();
  await expect(page.getByTestId("timeline-inspector")).toContainText("send on client-1");
  expect(errors).toEqual([]);
});

test("a tour step that halts on its anomaly shows that anomaly's cause", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/#tour=5.1&presenter=1");
  const bar = page.getByRole("region", { name: "Tour" });
  // A predict step asks the room first: answer, then the run plays to its moment.
  await expect(bar).toHaveAttribute("data-state", /asking|halted/, { timeout: 20_000 });
  if ((await bar.getAttribute("data-state")) === "asking") await page.keyboard.press("1");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  await expect(page.getByTestId("timeline").locator("[data-cause-step]")).toHaveCount(3);
  await shot(page, "cause-tour-5.1");
});
