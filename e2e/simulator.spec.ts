import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { shot, watchErrors } from "./helpers";

interface CliRun {
  traceHash: string;
  endTime?: number;
  quiescedAt: number | null;
  anomalies: Array<{ kind: string; detectedAt: number }>;
}

function cli(preset: string, strategy?: string): CliRun {
  const args = ["tsx", "src/cli/sim.ts", "--preset", preset, "--json"];
  if (strategy !== undefined) args.push("--strategy", strategy);
  return JSON.parse(execFileSync("npx", args, { encoding: "utf8" })) as CliRun;
}

const anomalies = (page: Page) => page.getByRole("region", { name: "Anomalies" });
const timeSlider = (page: Page) => page.getByRole("slider", { name: "Time" });

async function choose(page: Page, preset: string, strategy?: string): Promise<void> {
  await page.getByRole("combobox", { name: "Scenario" }).selectOption(preset);
  if (strategy !== undefined)
    await page.getByRole("combobox", { name: "Strategy" }).selectOption(strategy);
}

async function seek(page: Page, t: number): Promise<void> {
  await timeSlider(page).fill(String(t));
  await expect(timeSlider(page)).toHaveValue(String(t));
}

test("1: the default scenario plays to the end; stores converge or anomalies are listed", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Speed" }).selectOption("4");
  const run = cli("default");
  const max = await timeSlider(page).getAttribute("max");
  // Play stops by itself at each anomaly's moment, then at the end of the run: the
  // button turns back to Play each time, and Play again goes on from there.
  const stops: number[] = [];
  for (let i = 0; i < 50 && stops.at(-1) !== Number(max); i++) {
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible({
      timeout: 20_000,
    });
    stops.push(Number(await timeSlider(page).inputValue()));
  }
  expect(stops.at(-1)).toBe(Number(max));
  const firstAnomaly = Math.min(...run.anomalies.map((a) => a.detectedAt));
  if (run.anomalies.length > 0) expect(stops[0]).toBe(firstAnomaly);
  const stores = page.getByRole("region", { name: "Stores" });
  const divergent = await stores.getByText("≠").count();
  const listed = await anomalies(page).getByRole("listitem").count();
  expect(divergent === 0 || listed > 0).toBe(true);
  expect(await page.getByTestId("trace-hash").textContent()).toBe(run.traceHash);
  await shot(page, "journey-1-default-end");
  expect(errors).toEqual([]);
});

test("2: crash-between-writes under dual-write: atomicity appears only when the playhead reaches it", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const run = cli("crash-between-writes", "dual-write");
  const atomicity = run.anomalies.find((a) => a.kind === "atomicity");
  expect(atomicity).toBeDefined();
  const at = atomicity?.detectedAt ?? 0;
  await page.goto("/");
  await choose(page, "crash-between-writes", "dual-write");
  await expect(page.getByTestId("trace-hash")).toHaveText(run.traceHash);
  await seek(page, at - 1);
  await expect(anomalies(page).getByText("atomicity")).toHaveCount(0);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(anomalies(page).getByText("atomicity").first()).toBeVisible({ timeout: 15_000 });
  const playhead = Number(await timeSlider(page).inputValue());
  expect(playhead).toBeGreaterThanOrEqual(at);
  await shot(page, "journey-2-atomicity");
  expect(errors).toEqual([]);
});

test("3: crashing the cache at the playhead leaves everything before it unchanged", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  const timeline = page.getByTestId("timeline").first();
  const stores = page.getByRole("region", { name: "Stores" });
  // What was true just before the playhead…
  await seek(page, 399);
  const arrowsBefore = await timeline.getAttribute("data-arrows");
  const storesBefore = await stores.innerText();
  const hashBefore = await page.getByTestId("trace-hash").textContent();
  await seek(page, 400);
  await page.getByRole("combobox", { name: "Node" }).selectOption("cache");
  await page.getByRole("button", { name: "Crash node" }).click();
  await expect(page.getByRole("list", { name: "Schedule" })).toContainText("crash cache");
  await expect(page.getByTestId("trace-hash")).not.toHaveText(hashBefore ?? "");
  await expect(timeSlider(page)).toHaveValue("400");
  // …is still true after the crash was added at the playhead; at the playhead the cache is empty.
  await expect(stores.getByText("≠ db").first()).toBeVisible();
  await seek(page, 399);
  expect(await timeline.getAttribute("data-arrows")).toBe(arrowsBefore);
  expect(await stores.innerText()).toBe(storesBefore);
  await page.getByRole("combobox", { name: "Speed" }).selectOption("4");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await shot(page, "journey-3-crash-cache");
  expect(errors).toEqual([]);
});

test("4: stepping back and forward across an anomaly hides and shows it", async ({ page }) => {
  const errors = watchErrors(page);
  const run = cli("kleppmann-race", "dual-write");
  const isolation = run.anomalies.find((a) => a.kind === "isolation");
  const at = isolation?.detectedAt ?? 0;
  await page.goto("/");
  await choose(page, "kleppmann-race", "dual-write");
  await seek(page, at - 1);
  await expect(anomalies(page).getByText("isolation")).toHaveCount(0);
  const forward = page.getByRole("button", { name: "Step forward" });
  for (let i = 0; i < 20 && Number(await timeSlider(page).inputValue()) < at; i++)
    await forward.click();
  await expect(anomalies(page).getByText("isolation").first()).toBeVisible();
  await shot(page, "journey-4-stepped-onto-anomaly");
  const back = page.getByRole("button", { name: "Step back" });
  for (let i = 0; i < 20 && Number(await timeSlider(page).inputValue()) >= at; i++)
    await back.click();
  await expect(anomalies(page).getByText("isolation")).toHaveCount(0);
  await page.keyboard.press("End");
  await expect(anomalies(page).getByText("isolation").first()).toBeVisible();
  expect(errors).toEqual([]);
});
