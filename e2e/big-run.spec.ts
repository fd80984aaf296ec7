import { expect, test } from "@playwright/test";
import { presetScenario } from "../src/sim/presets";
import { simulate } from "../src/sim/simulate";
import type { Scenario } from "../src/sim/types";
import { encodeLink } from "../src/url/index";
import { shot, watchErrors } from "./helpers";

/** The default scenario with enough writes to go to the run worker, small enough to finish there. */
function big(): Scenario {
  const s = presetScenario("default");
  if (s === undefined || s.workload.kind !== "generated") throw new Error("no default preset");
  s.workload.writes = 1500;
  s.seed = 77;
  return s;
}

test("a big link simulates in a worker: the page says so, then shows the same run as Node", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const scenario = big();
  const expected = simulate(scenario).traceHash;
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await page.evaluate((hash) => {
    location.hash = hash;
  }, encodeLink(scenario));
  const computing = page.getByRole("status").filter({ hasText: "in the background" });
  await expect(computing).toBeVisible();
  await shot(page, "big-run-computing");
  await expect(page.getByTestId("trace-hash")).toHaveText(expected, { timeout: 20_000 });
  await expect(computing).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await shot(page, "big-run-shown");
  expect(errors).toEqual([]);
});
