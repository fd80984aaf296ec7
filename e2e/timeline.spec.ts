import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { shot } from "./helpers";

const race = JSON.parse(
  execFileSync("npx", ["tsx", "src/cli/sim.ts", "--preset", "kleppmann-race", "--json"], {
    encoding: "utf8",
  }),
) as { anomalies: Array<{ kind: string; detectedAt: number }> };
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
