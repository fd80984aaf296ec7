import { expect, type Page, test } from "@playwright/test";
import { ACID_LETTER } from "../src/check/types";
import { CHAPTERS } from "../src/tour/chapters";
import { promisedKinds } from "../src/tour/play-target";
import { shot, watchErrors } from "./helpers";

/** The anomaly kinds dual writes produce; a log or CDC step must show none of them. */
const DUAL_WRITE_KINDS = ["atomicity", "isolation", "consistency", "durability"];

const LETTER = ACID_LETTER;

function anomaliesPanel(page: Page) {
  return page.locator("section.anomalies");
}

async function listedKinds(page: Page): Promise<string[]> {
  return anomaliesPanel(page).locator(".anomaly .kind").allTextContents();
}

test("walks the whole tour with the clicker in presenter mode", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: "Tour", exact: true }).click();
  // The button keeps focus; the clicker's keys must still go to the tour, not press it again.
  await page.keyboard.press("p");
  await expect(page.locator("html")).toHaveClass(/presenter/);
  const bar = page.getByRole("region", { name: "Tour" });

  for (const [c, chapter] of CHAPTERS.entries()) {
    for (const [s, step] of chapter.steps.entries()) {
      if (c > 0 || s > 0) await page.keyboard.press("PageDown");
      await expect(bar).toHaveAttribute("data-step", step.id);
      await expect(bar.getByText(`Chapter ${chapter.number} · ${chapter.title}`)).toBeVisible();
      await expect(bar.getByText(`step ${s + 1} of ${chapter.steps.length}`)).toBeVisible();
      const promised = promisedKinds(step);
      const quiet = c === 0 || step.id === "inside-out/cdc";
      if (promised.length === 0 && !quiet && s > 0) continue;
      // Let the step play to where it stops, then read what the page shows there.
      await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
      const kinds = await listedKinds(page);
      for (const kind of promised) {
        expect(kinds, `${step.id} promises ${kind}`).toContain(kind);
        await expect(
          anomaliesPanel(page).getByRole("heading", { name: new RegExp(`^${LETTER[kind]} `) }),
        ).toBeVisible();
      }
      if (quiet) {
        expect(
          kinds.filter((k) => DUAL_WRITE_KINDS.includes(k)),
          step.id,
        ).toEqual([]);
        await expect(anomaliesPanel(page).getByText(/^None/)).toBeVisible();
      }
      if (step.id === "dual-writes/race") {
        await expect(
          anomaliesPanel(page).getByRole("heading", { name: /^I Isolation/ }),
        ).toBeVisible();
      }
      if (s === 0) await shot(page, `tour-ch${chapter.number}`);
    }
  }
  // At the very end, Next does nothing more and Escape leaves the tour with its scenario loaded.
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", "inside-out/scoreboard");
  await expect(bar.getByRole("table")).toBeVisible();
  await shot(page, "tour-scoreboard");
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Previous goes back to the same state, and the chapter list jumps", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await page.getByRole("button", { name: "Tour", exact: true }).click();
  const bar = page.getByRole("region", { name: "Tour" });
  await bar
    .getByRole("navigation", { name: "Chapters" })
    .getByRole("button", { name: /^5/ })
    .click();
  await expect(bar).toHaveAttribute("data-step", "dual-writes/race");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  const first = await listedKinds(page);
  await page.keyboard.press("ArrowRight");
  await expect(bar).toHaveAttribute("data-step", "dual-writes/crash");
  await page.keyboard.press("ArrowLeft");
  await expect(bar).toHaveAttribute("data-step", "dual-writes/race");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  expect(await listedKinds(page)).toEqual(first);
});

test("a tour link lands on the same chapter and step, with the same run", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Tour", exact: true }).click();
  for (let i = 0; i < 6; i++) await page.keyboard.press("PageDown");
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toContain("tour=2.4");
  // Let the step's run settle and the throttled URL catch up.
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await page.waitForTimeout(600);
  const hash = new URL(page.url()).hash;
  const caption = await page.getByRole("region", { name: "Tour" }).textContent();
  const traceHash = await page.getByTestId("trace-hash").textContent();
  const other = await browser.newPage();
  await other.goto(`/${hash}`);
  await expect(other.getByTestId("trace-hash")).toHaveText(traceHash ?? "");
  await expect(other.getByRole("button", { name: "Play", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  expect(await other.getByRole("region", { name: "Tour" }).textContent()).toBe(caption);
  await other.close();
});
