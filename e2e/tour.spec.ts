import { expect, type Page, test } from "@playwright/test";
import { check } from "../src/check";
import { ACID_LETTER } from "../src/check/types";
import { simulate } from "../src/sim/simulate";
import { STRATEGIES } from "../src/sim/types";
import { CHAPTERS } from "../src/tour/chapters";
import { playTarget, promisedKinds } from "../src/tour/play-target";
import { rightAnswer } from "../src/tour/predict";
import { stepLanes } from "../src/tour/step-lanes";
import type { TourStep } from "../src/tour/types";
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

/** Where a step's play must stop, computed here from its own run, not read from the page. */
function expectedTarget(step: TourStep): number {
  const trace = simulate(structuredClone(step.scenario));
  return playTarget(step, trace, check(trace));
}

/** The lanes a step shows on stage, computed here from its own run. */
function expectedLanes(step: TourStep): string[] {
  const trace = simulate(structuredClone(step.scenario));
  return stepLanes(step, trace, check(trace));
}

/** The label of a predict step's right choice, computed here from the step's own run. */
function expectedAnswer(step: TourStep): string {
  const trace = simulate(structuredClone(step.scenario));
  const report = check(trace);
  const right = rightAnswer(step, { trace, report, target: playTarget(step, trace, report) });
  if (right === null || step.predict === undefined) throw new Error(`${step.id}: no single answer`);
  return step.predict.choices[right].label;
}

/** Element boxes (in CSS px) that are not wholly inside the viewport: [] when all are. */
async function outsideViewport(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) out.push(`${sel}: not shown`);
      else if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
        out.push(
          `${sel} "${(el.textContent ?? "").slice(0, 40)}" at ${Math.round(r.top)}–${Math.round(r.bottom)} px`,
        );
    }
    return out;
  }, selector);
}

/** How many px of the timeline's plot are inside the viewport. */
async function timelineOnScreenPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="timeline"] svg');
    if (svg === null) return 0;
    const r = svg.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  });
}

interface TextCheck {
  smallestPx: number;
  smallest: string;
  labelOverlaps: string[];
}

/**
 * The timeline's text as the room sees it: the smallest font size of any text
 * on it, and every anomaly label that overlaps another anomaly label or a
 * value label (bounding boxes in the page).
 */
async function timelineText(page: Page): Promise<TextCheck> {
  return page.evaluate(() => {
    const tl = document.querySelector('[data-testid="timeline"]');
    if (tl === null) return { smallestPx: 0, smallest: "no timeline", labelOverlaps: [] };
    const texts = [
      ...tl.querySelectorAll<SVGTextElement>("svg text"),
      ...tl.querySelectorAll<HTMLElement>(".tl-legend li"),
    ].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (t.textContent ?? "").trim() !== "";
    });
    let smallestPx = Number.POSITIVE_INFINITY;
    let smallest = "";
    for (const t of texts) {
      const px = Number.parseFloat(getComputedStyle(t).fontSize);
      if (px < smallestPx) {
        smallestPx = px;
        smallest = `${t.getAttribute("class") ?? t.tagName} "${t.textContent}"`;
      }
    }
    const box = (t: Element) => {
      const r = t.getBoundingClientRect();
      return { l: r.left, r: r.right, t: r.top, b: r.bottom, text: t.textContent ?? "" };
    };
    const hit = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
      a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
    const anomalies = [...tl.querySelectorAll(".tl-anomaly-label")].map(box);
    const values = [...tl.querySelectorAll(".tl-label")].map(box);
    const labelOverlaps: string[] = [];
    for (const [i, a] of anomalies.entries()) {
      for (const b of anomalies.slice(i + 1))
        if (hit(a, b)) labelOverlaps.push(`"${a.text}" over "${b.text}"`);
      for (const v of values)
        if (hit(a, v)) labelOverlaps.push(`"${a.text}" over value "${v.text}"`);
    }
    return { smallestPx, smallest, labelOverlaps };
  });
}

/** The playhead, whole ms, from the Time slider (hidden by presenter mode, still in the page). */
async function playheadMs(page: Page): Promise<number> {
  return Number(await page.locator(".playback input[type=range]").inputValue());
}

test("walks the whole tour with the clicker in presenter mode", async ({ page }) => {
  test.setTimeout(420_000);
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
      const name = `${chapter.number}.${s + 1}`;
      if (step.predict !== undefined) {
        // Stop, predict, reveal: the question and its choices show before anything plays.
        const predict = bar.getByRole("region", { name: "Predict" });
        await expect(bar).toHaveAttribute("data-state", "asking");
        await expect(predict.getByText(step.predict.question)).toBeVisible();
        await expect(predict.getByRole("button")).toHaveCount(step.predict.choices.length);
        expect(await outsideViewport(page, ".tour-predict"), step.id).toEqual([]);
        expect(await playheadMs(page), `${step.id} waits at 0`).toBe(0);
        await page.screenshot({ path: `test-results/tour-1024/${name}-ask.png` });
        // The room answers with a number key on some steps; Space reveals on the others.
        if (s % 2 === 0) await page.keyboard.press("1");
        else await page.keyboard.press("PageDown");
        await expect(bar).toHaveAttribute("data-step", step.id);
      }
      // Every step plays to its moment and stops exactly there, and stays there.
      await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 30_000 });
      const target = expectedTarget(step);
      await expect(bar.getByText(`stopped at ${target} ms`)).toBeVisible();
      expect(await playheadMs(page), `${step.id} stops at ${target} ms`).toBe(target);
      await page.waitForTimeout(200);
      expect(await playheadMs(page), `${step.id} holds at ${target} ms`).toBe(target);
      if (step.predict !== undefined) {
        // The run reveals the answer: the choice marked right is the one computed from the run.
        const predict = bar.getByRole("region", { name: "Predict" });
        await expect(predict).toHaveAttribute("data-state", "revealed");
        await expect(predict.locator('[data-correct="true"]')).toHaveCount(1);
        await expect(predict.locator('[data-correct="true"]')).toContainText(expectedAnswer(step));
      }
      // The evidence the caption names (store cells, log records) is on screen with the timeline.
      for (const key of step.evidence.keys)
        await expect(bar.getByRole("list", { name: `Stores: ${key}` })).toBeVisible();
      if (step.evidence.log === true)
        await expect(bar.getByRole("list", { name: /^Log/ })).toBeVisible();
      expect(await outsideViewport(page, ".tour-evidence"), step.id).toEqual([]);
      if (step.scoreboard === true) {
        // The finale's table is its evidence, in the strip's place: every strategy's row on screen.
        await expect(bar.locator(".tour-scoreboard tbody tr th")).toHaveText([...STRATEGIES]);
        expect(await outsideViewport(page, ".tour-scoreboard"), step.id).toEqual([]);
      } else {
        await expect(bar.locator(".tour-evidence"), step.id).toHaveCount(1);
      }
      expect(await timelineOnScreenPx(page), `${step.id}: timeline on screen`).toBeGreaterThan(200);
      // Only the lanes the step needs, so each is tall enough to read from the room.
      expect(
        await page
          .locator('[data-testid="timeline"] .tl-lane-label')
          .evaluateAll((els) => els.map((el) => el.getAttribute("data-lane"))),
        step.id,
      ).toEqual(expectedLanes(step));
      // …and every one of them on the same screen as the caption.
      expect(
        await outsideViewport(page, '[data-testid="timeline"] .tl-lane-label'),
        step.id,
      ).toEqual([]);
      // The speaker's buttons each keep their label on one line ("Leave tour" never wraps).
      const heights = await bar
        .locator(".tour-nav button")
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
      expect(
        Math.max(...heights) - Math.min(...heights),
        `${step.id}: ${heights}`,
      ).toBeLessThanOrEqual(2);
      await page.screenshot({ path: `test-results/tour-1024/${name}.png` });
      // Readable from the back of the room, and no label hides another or a value.
      const text = await timelineText(page);
      expect(
        text.smallestPx,
        `${step.id}: smallest timeline text ${text.smallest}`,
      ).toBeGreaterThanOrEqual(16);
      expect(text.labelOverlaps, step.id).toEqual([]);
      const promised = promisedKinds(step);
      const quiet = c === 0 || step.id === "inside-out/cdc";
      if (promised.length === 0 && !quiet && s > 0) continue;
      // Read what the page shows where the step stopped.
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
  // The finale on a laptop's 1280×720 too: the table, the timeline and its lanes on one screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(bar.locator(".tour-scoreboard tbody tr")).toHaveCount(STRATEGIES.length);
  expect(await outsideViewport(page, ".tour-scoreboard")).toEqual([]);
  expect(await outsideViewport(page, '[data-testid="timeline"] .tl-lane-label')).toEqual([]);
  expect(await timelineOnScreenPx(page)).toBeGreaterThan(200);
  await page.screenshot({ path: "test-results/tour-1280/7.2.png" });
  await page.setViewportSize({ width: 1024, height: 768 });
  // At the very end, Next does nothing more.
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", "inside-out/scoreboard");
  await expect(bar.getByRole("table")).toBeVisible();
  await shot(page, "tour-scoreboard");
  // In presenter mode Escape (a clicker's "slideshow" button) keeps the talk; the button leaves.
  await page.keyboard.press("Escape");
  await expect(bar).toHaveAttribute("data-step", "inside-out/scoreboard");
  await bar.getByRole("button", { name: "Leave tour" }).click();
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
  // 5.1 asks the room first: the first → reveals (plays to the moment), the next moves on.
  await expect(bar).toHaveAttribute("data-state", "asking");
  await page.keyboard.press("ArrowRight");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  const first = await listedKinds(page);
  await page.keyboard.press("ArrowRight");
  await expect(bar).toHaveAttribute("data-step", "dual-writes/crash");
  await page.keyboard.press("ArrowLeft");
  await expect(bar).toHaveAttribute("data-step", "dual-writes/race");
  // Back on 5.1 the question is open again, from the step's known state.
  await expect(bar).toHaveAttribute("data-state", "asking");
  await page.keyboard.press("ArrowRight");
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
