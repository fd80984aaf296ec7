import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { presetScenario } from "../src/sim/presets";
import { encodeLink } from "../src/url/index";
import { watchErrors } from "./helpers";

/** The learner at home (issue 18): three shared links, three screens. */
const SIZES = [
  { name: "1440x900", width: 1440, height: 900 },
  { name: "820x1180", width: 820, height: 1180 },
  { name: "390x844", width: 390, height: 844 },
];
const link = (preset: string) => {
  const s = presetScenario(preset);
  if (s === undefined) throw new Error(preset);
  return `/${encodeLink(s)}`;
};
const DIR = "test-results/learner";
mkdirSync(DIR, { recursive: true });

/**
 * Visible elements that reach past the window's left or right edge. The
 * timeline's plot scrolls sideways inside its pane and is left out; its
 * toolbar and legend are not.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const inPlot =
        el.closest(".timeline-pane .tl") !== null &&
        el.closest(".tl-toolbar, .tl-legend-wrap") === null;
      if (inPlot || el.closest("dialog:not([open])") !== null) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      if (r.right > vw + 0.5 || r.left < -0.5) {
        const cls = typeof el.className === "string" ? el.className : "";
        out.push(
          `${el.tagName.toLowerCase()}.${cls} [${Math.round(r.left)}, ${Math.round(r.right)}]`,
        );
      }
    }
    // The page itself never scrolls sideways.
    if (document.documentElement.scrollWidth > vw)
      out.push(`page ${document.documentElement.scrollWidth}`);
    return out;
  });
}

const hash = (page: Page) => page.getByTestId("trace-hash");

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("kleppmann-race: the story names the slow link, Play stops at the anomaly, the mark selects its card, undo", async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto(link("kleppmann-race"));
      await expect(hash(page)).not.toBeEmpty();
      const initial = await hash(page).textContent();
      await expect(page.getByRole("region", { name: "About this run" })).toContainText(
        "Slow link: client-1 → search takes 40 ms",
      );
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/kleppmann-race-start-${size.name}.png` });

      // Play at 1x: the race's first anomaly (60 ms) comes no sooner than 3 s, and play stops there.
      const started = Date.now();
      await page.getByRole("button", { name: /^Play/ }).click();
      const cue = page.getByTestId("anomaly-pause");
      await expect(cue).toContainText("Press → to step through what happened", { timeout: 12_000 });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(3_000);
      await expect(cue).toContainText("Paused at 60 ms");
      await expect(page.getByRole("button", { name: /^Play/ })).toBeVisible();
      await page.waitForTimeout(300);
      await expect(page.locator("output.readout")).toContainText("60 /");
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/kleppmann-race-paused-${size.name}.png` });

      // The anomaly's mark on the timeline selects its card.
      const hit = page.locator("[data-anomaly-hit]").first();
      const id = await hit.getAttribute("data-anomaly-hit");
      await hit.click();
      await expect(hit).toHaveAttribute("aria-pressed", "true");
      const card = page.locator(".panel.anomalies button.anomaly[aria-pressed='true']");
      await expect(card).toHaveCount(1);
      expect(id).not.toBeNull();
      await card.scrollIntoViewIfNeeded();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/kleppmann-race-selected-${size.name}.png` });

      // An edit changes the run; undo brings the previous trace hash back.
      await page.getByRole("combobox", { name: "Strategy" }).selectOption("log");
      await expect(hash(page)).not.toHaveText(initial ?? "");
      await page.getByRole("button", { name: "Undo" }).click();
      await expect(hash(page)).toHaveText(initial ?? "");
      expect(errors).toEqual([]);
    });

    test("acks1-leader-failover: the Log panel shows the ISR, acks and the truncated record", async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto(link("acks1-leader-failover"));
      await expect(hash(page)).not.toBeEmpty();
      await page.locator("body").press("End");
      const log = page.getByRole("region", { name: "Log" });
      await expect(log.getByTestId("log-settings")).toContainText("acks=1 · min.insync.replicas=2");
      await expect(log.getByTestId("isr-0")).toContainText("ISR: broker-2, broker-3");
      const cut = log.getByTestId("truncated-record");
      await expect(cut).toContainText("truncated by broker-1");
      await expect(cut.locator("s")).toHaveText(["0", "#1", "x = A"]);
      expect(
        await cut
          .locator("s")
          .first()
          .evaluate((s) => getComputedStyle(s).textDecorationLine),
      ).toContain("line-through");
      await expect(log).not.toContainText("The leader's log is empty");
      // Each term opens the glossary at it.
      await log.getByRole("button", { name: "ISR", exact: true }).click();
      const glossary = page.locator("dialog.glossary[open]");
      await expect(glossary.locator(".current")).toContainText("ISR (in-sync replicas)");
      await page.keyboard.press("Escape");
      await expect(glossary).toHaveCount(0);
      await log.scrollIntoViewIfNeeded();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/acks1-log-${size.name}.png` });
      expect(errors).toEqual([]);
    });

    test("default: nothing overflows; the first-visit intro points at the real run", async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto(`/?intro=on${link("default").slice(1)}`);
      await expect(hash(page)).not.toBeEmpty();
      const intro = page.getByRole("dialog", { name: "What am I looking at?" });
      await expect(intro).toContainText("client-1");
      await expect(page.locator("[data-intro-pin='1']")).toBeVisible();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/default-intro-${size.name}.png` });
      await intro.getByRole("button", { name: "Got it" }).click();
      await expect(intro).toHaveCount(0);
      expect(await page.evaluate(() => localStorage.getItem("inside-out.intro-seen"))).toBe("1");
      await page.locator("body").press("End");
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: `${DIR}/default-end-${size.name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  });
}
