import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { shot, watchErrors } from "./helpers";

const race = JSON.parse(
  execFileSync("npx", ["tsx", "src/cli/sim.ts", "--preset", "kleppmann-race", "--json"], {
    encoding: "utf8",
  }),
) as { anomalies: Array<{ kind: string; detectedAt: number }> };
const raceEvents = JSON.parse(
  `[${execFileSync("npx", ["tsx", "src/cli/sim.ts", "--preset", "kleppmann-race", "--events"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .join(",")}]`,
) as Array<{ seq: number; t: number; type: string; node: string; peer?: string }>;
const at = race.anomalies.find((a) => a.kind === "isolation")?.detectedAt ?? 0;

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test(`kleppmann-race: no anomaly band before the race, an isolation band after (${width}×${height})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
    await page.getByRole("combobox", { name: "Strategy" }).selectOption("dual-write");
    const timeline = page.getByTestId("timeline").first();
    const slider = page.getByRole("slider", { name: "Time" });
    await slider.fill(String(at - 1));
    await expect(timeline).toHaveAttribute("data-anomalies", "0");
    await expect(timeline.getByText("I · isolation")).toHaveCount(0);
    await slider.fill(String(at));
    await expect
      .poll(async () => Number(await timeline.getAttribute("data-anomalies")))
      .toBeGreaterThan(0);
    await expect(timeline.getByText("I · isolation").first()).toBeVisible();
    await shot(page, `timeline-race-${width}`);
  });
}

/** Bounding boxes of the anomaly labels and value labels; every overlap named. */
async function labelOverlaps(
  page: Page,
): Promise<{ anomalies: number; values: number; overlaps: string[] }> {
  return page.evaluate(() => {
    const tl = document.querySelector('[data-testid="timeline"]');
    if (tl === null) return { anomalies: 0, values: 0, overlaps: ["no timeline"] };
    const box = (t: Element) => {
      const r = t.getBoundingClientRect();
      return { l: r.left, r: r.right, t: r.top, b: r.bottom, text: t.textContent ?? "" };
    };
    const hit = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
      a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
    const anomalies = [...tl.querySelectorAll(".tl-anomaly-label")].map(box);
    const values = [...tl.querySelectorAll(".tl-value-label")].map(box);
    const overlaps: string[] = [];
    for (const [i, a] of anomalies.entries()) {
      for (const b of anomalies.slice(i + 1))
        if (hit(a, b)) overlaps.push(`"${a.text}" over "${b.text}"`);
      for (const v of values) if (hit(a, v)) overlaps.push(`"${a.text}" over value "${v.text}"`);
    }
    return { anomalies: anomalies.length, values: values.length, overlaps };
  });
}

/** The kinds of mark drawn in the plot (data-mark on visible elements) and the legend's entries. */
async function marksAndLegend(
  page: Page,
): Promise<{ drawn: string[]; listed: string[]; root: string[] }> {
  return page.evaluate(() => {
    const tl = document.querySelector('[data-testid="timeline"]');
    const drawn = new Set<string>();
    for (const e of tl?.querySelectorAll(".tl-plot [data-mark]") ?? []) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) drawn.add(e.getAttribute("data-mark") ?? "");
    }
    // How anomaly marks show their state is listed with them; it is not a mark of its own.
    const listed = [...(tl?.querySelectorAll("[data-legend]") ?? [])]
      .map((e) => e.getAttribute("data-legend") ?? "")
      .filter((k) => k !== "anomaly-states");
    return {
      drawn: [...drawn].sort(),
      listed: listed.sort(),
      root: (tl?.getAttribute("data-marks") ?? "")
        .split(" ")
        .filter((k) => k !== "" && k !== "anomaly-states")
        .sort(),
    };
  });
}

async function toEnd(page: Page): Promise<void> {
  const slider = page.getByRole("slider", { name: "Time" });
  const max = await slider.getAttribute("max");
  await slider.fill(String(max));
  await page.waitForTimeout(300);
}

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test(`the default run played to the end: anomaly marks labelled once, nothing overlapping, a legend of what is drawn (${width}×${height})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await toEnd(page);
    const timeline = page.getByTestId("timeline").first();
    await expect
      .poll(async () => Number(await timeline.getAttribute("data-anomalies")))
      .toBeGreaterThan(0);
    const n = Number(await timeline.getAttribute("data-anomalies"));
    const labels = await labelOverlaps(page);
    expect(labels.overlaps).toEqual([]);
    expect(labels.anomalies).toBeGreaterThan(0);
    expect(labels.values).toBeGreaterThan(0);
    // One label per anomaly: each drawn or counted in another's "+N".
    const texts = await timeline.locator(".tl-anomaly-label").allTextContents();
    const counted = texts.reduce((s, t) => s + 1 + Number(/\+(\d+)$/.exec(t)?.[1] ?? 0), 0);
    expect(counted).toBe(n);
    // No band over the lanes: anomalies are drawn as marks that point.
    await expect(timeline.locator(".tl-anomaly rect")).toHaveCount(0);
    const kinds = await marksAndLegend(page);
    expect(kinds.drawn.length).toBeGreaterThan(3);
    expect(kinds.listed).toEqual(kinds.drawn);
    expect(kinds.root).toEqual(kinds.drawn);
    await shot(page, `marks/default-end-${width}x${height}`);
    // Clicking an anomaly's label selects its card.
    const label = timeline.locator("[data-anomaly-hit]").first();
    const id = await label.getAttribute("data-anomaly-hit");
    await label.click();
    await expect(label).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("region", { name: "Cause of the anomaly" })).toBeVisible();
    expect(id).not.toBeNull();
    await shot(page, `marks/default-selected-${width}x${height}`);
    expect(errors).toEqual([]);
  });

  test(`kleppmann-race at the end: the crossing, the bar, the inspector in sentences (${width}×${height})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
    await page.getByRole("combobox", { name: "Strategy" }).selectOption("dual-write");
    await toEnd(page);
    const timeline = page.getByTestId("timeline").first();
    await expect(timeline.locator('[data-mark="anomaly-isolation"] .tl-am-link')).toHaveCount(2);
    await expect(timeline.locator('[data-mark="anomaly-consistency"] .tl-am-bar')).toHaveCount(1);
    expect((await labelOverlaps(page)).overlaps).toEqual([]);
    const kinds = await marksAndLegend(page);
    expect(kinds.listed).toEqual(kinds.drawn);
    await shot(page, `marks/kleppmann-race-${width}x${height}`);
    // The slow message's delivery (the last one on search), clicked on the plot, reads as sentences.
    const slow = raceEvents.filter(
      (e) => e.type === "deliver" && e.node === "search" && e.peer === "client-1",
    );
    const last = slow[slow.length - 1];
    const line = timeline.locator(`.tl-arrow[data-seq="${last.seq}"] line`).first();
    const [x2, y2] = [Number(await line.getAttribute("x2")), Number(await line.getAttribute("y2"))];
    const plot = await timeline.locator(".tl-plot").boundingBox();
    if (plot === null) throw new Error("no plot");
    await page.mouse.click(plot.x + x2, plot.y + y2);
    const inspector = page.getByTestId("timeline-inspector");
    await expect(inspector).toContainText("deliver on search");
    await expect(inspector).toContainText(/Took \d+ ms on client-1 → search; other links take/);
    await expect(inspector.locator("dl")).toBeHidden();
    await inspector.scrollIntoViewIfNeeded();
    await shot(page, `marks/kleppmann-race-inspector-${width}x${height}`);
  });
}

test("presenter mode at 1024×768: timeline text ≥ 16 px, labels apart", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/#tour=5.1&presenter=1");
  const bar = page.getByRole("region", { name: "Tour" });
  // A predict step asks the room first: answer, then the run plays to its moment.
  await expect(bar).toHaveAttribute("data-state", /asking|halted/, { timeout: 20_000 });
  if ((await bar.getAttribute("data-state")) === "asking") await page.keyboard.press("1");
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  const smallest = await page.evaluate(() => {
    const tl = document.querySelector('[data-testid="timeline"]');
    let min = Number.POSITIVE_INFINITY;
    let which = "";
    for (const t of tl?.querySelectorAll("svg text") ?? []) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || (t.textContent ?? "").trim() === "") continue;
      const px = Number.parseFloat(getComputedStyle(t).fontSize);
      if (px < min) {
        min = px;
        which = `${t.getAttribute("class")} "${t.textContent}"`;
      }
    }
    return { min, which };
  });
  expect(smallest.min, smallest.which).toBeGreaterThanOrEqual(16);
  expect((await labelOverlaps(page)).overlaps).toEqual([]);
  await shot(page, "marks/presenter-tour-5.1-1024x768");
});
