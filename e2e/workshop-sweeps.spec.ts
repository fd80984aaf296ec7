import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { shot, watchErrors } from "./helpers";

async function openWorkshop(page: Page) {
  await page.getByRole("button", { name: "Workshop" }).click();
  return page.getByRole("dialog", { name: "Workshop" });
}

test("a sweep of all four strategies says what it counts, and a cancelled one draws only what ran", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  const dialog = await openWorkshop(page);
  for (const s of ["single-db", "cdc"]) await dialog.getByRole("checkbox", { name: s }).check();
  await dialog.getByRole("textbox", { name: /Values/ }).fill("0,0.1");
  await dialog.getByRole("spinbutton", { name: /Seeds per point/ }).fill("20");
  await dialog.getByRole("combobox", { name: "Chart" }).selectOption("consistency");
  await dialog.getByRole("button", { name: "Run sweep" }).click();
  const table = dialog.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(9);
  const chart = dialog.getByRole("img", {
    name: "Share of runs with consistency against drop rate, confirmed only (did not heal)",
  });
  await expect(chart).toBeVisible();
  // Four series, four legend entries, none overlapping another.
  await expect(chart.locator("g[data-strategy]")).toHaveCount(4);
  const boxes = await chart.locator(".sweep-legend > g").evaluateAll((gs) =>
    gs.map((g) => {
      const r = (g as SVGGElement).getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    }),
  );
  expect(boxes).toHaveLength(4);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
      expect(apart, `legend entries ${i} and ${j} overlap`).toBe(true);
    }
  await expect(dialog.getByRole("columnheader", { name: "healed only" })).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  await shot(page, "workshop-sweep-four");

  // The same counts as the CLI, confirmed and healed apart.
  const cli = JSON.parse(
    execFileSync(
      "npx",
      [
        "tsx",
        "src/cli/sweep.ts",
        "--preset",
        "default",
        "--param",
        "dropRate",
        "--values",
        "0,0.1",
        "--seeds",
        "20",
        "--strategies",
        "single-db,dual-write,log,cdc",
        "--json",
      ],
      { encoding: "utf8" },
    ),
  ) as { points: Array<{ counts: { consistency: number }; confirmed: { consistency: number } }> };
  const confirmed = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  const healed = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(confirmed).toEqual(cli.points.map((p) => `${p.confirmed.consistency}/20`));
  expect(healed).toEqual(
    cli.points.map((p) => `${p.counts.consistency - p.confirmed.consistency}`),
  );
  expect(healed.some((h) => h !== "0")).toBe(true);

  // Counting healed ones too is a choice, and the chart says so.
  await dialog.getByRole("combobox", { name: "Count" }).selectOption("any");
  await expect(
    dialog.getByRole("img", { name: /against drop rate, confirmed or healed$/ }),
  ).toBeVisible();

  // A cancelled sweep draws only the points that ran.
  await dialog.getByRole("spinbutton", { name: /Seeds per point/ }).fill("3000");
  await dialog.getByRole("button", { name: "Run sweep" }).click();
  await expect(dialog.getByRole("progressbar", { name: "Sweep progress" })).toBeVisible();
  // Let a few thousand runs finish first, so some points have runs and others none.
  await expect
    .poll(
      async () => Number((await dialog.getByText(/ \/ 24000 runs/).textContent())?.split(" ")[0]),
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(3000);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.getByText(/^Cancelled/)).toBeVisible();
  const ran = await table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.filter((r) => !(r.textContent ?? "").includes("not run")).length);
  await expect(dialog.locator("svg.sweep-chart circle")).toHaveCount(ran);
  expect(ran).toBeGreaterThan(0);
  expect(ran).toBeLessThan(8);
  await shot(page, "workshop-sweep-cancelled");
  expect(errors).toEqual([]);
});
