import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { encodeLink } from "../src/url/index";
import { exerciseById } from "../src/workshop/exercises";
import { shot, watchErrors } from "./helpers";

async function openWorkshop(page: Page) {
  await page.getByRole("button", { name: "Workshop" }).click();
  return page.getByRole("dialog", { name: "Workshop" });
}

async function fillSweep(page: Page, values: string, seeds: number) {
  await page.getByRole("textbox", { name: /Values/ }).fill(values);
  await page.getByRole("spinbutton", { name: /Seeds per point/ }).fill(String(seeds));
}

test("a sweep runs on workers with progress, can be cancelled, charts, and opens and shrinks a witness", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  const dialog = await openWorkshop(page);

  // A big sweep: the bar shows progress and time left, and Cancel keeps what finished.
  await fillSweep(page, "0,0.1,0.2", 2000);
  await dialog.getByRole("button", { name: "Run sweep" }).click();
  const bar = dialog.getByRole("progressbar", { name: "Sweep progress" });
  await expect(bar).toBeVisible();
  await expect(dialog.getByText(/left/)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.getByText(/^Cancelled/)).toBeVisible();
  await expect(bar).toHaveCount(0);

  // A small one: 2 values × 2 strategies × 10 seeds.
  await fillSweep(page, "0,0.2", 10);
  await dialog.getByRole("button", { name: "Run sweep" }).click();
  const table = dialog.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(dialog.getByText("40 runs in")).toBeVisible();
  await expect(
    dialog.getByRole("img", { name: /Share of runs with atomicity against drop rate/ }),
  ).toBeVisible();
  await shot(page, "workshop");

  // Workers in the page and the CLI count the same runs the same way.
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
        "0,0.2",
        "--seeds",
        "10",
        "--json",
      ],
      { encoding: "utf8" },
    ),
  ) as { points: Array<{ confirmed: { atomicity: number }; n: number }> };
  const cells = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(cells).toEqual(cli.points.map((p) => `${p.confirmed.atomicity}/${p.n}`));

  // The dual-write point at 20% loss has partial writes; open its witness.
  const row = table.getByRole("row").filter({ hasText: /^0\.2dual-write/ });
  const seedText = (await row.getByRole("button", { name: /seed \d+/ }).textContent()) ?? "";
  const seed = seedText.replace("seed ", "");
  await dialog
    .getByRole("button", { name: /dual-write, dropRate 0.2: .*open a witness run/ })
    .click();
  await expect(page.getByRole("dialog", { name: "Workshop" })).toHaveCount(0);
  await expect(page.getByRole("spinbutton", { name: "Seed" })).toHaveValue(seed);

  // Shrink it to a minimal run that still shows atomicity (it refuses a run that shows none).
  await openWorkshop(page);
  await page.getByRole("button", { name: "Shrink" }).click();
  await expect(page.getByText(/Shrunk in \d+ runs/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/What shrinking removed/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("an exercise starts, fails a check, and a solution link is verified without being marked solved", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await openWorkshop(page);
  const item = (p: Page) => p.getByRole("listitem", { name: "Lose an acknowledged write" });
  await item(page).getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("dialog", { name: "Workshop" })).toHaveCount(0);
  await openWorkshop(page);
  await item(page).getByRole("button", { name: "Check my solution" }).click();
  await expect(item(page).getByRole("status")).toContainText("Not yet: Nothing has changed yet");

  // A solution link opened in a new page is verified before anyone clicks, and marks nothing.
  const solution = exerciseById("lost-ack")?.solution();
  if (solution === undefined) throw new Error("missing exercise");
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(`/${encodeLink(solution, { exercise: "lost-ack" })}`);
  const banner = other.getByRole("region", { name: "Exercise 2: Lose an acknowledged write" });
  await expect(banner.getByRole("status")).toContainText("Verified solution:");
  await openWorkshop(other);
  await expect(item(other).getByRole("status")).toContainText("Verified solution:");
  await expect(item(other).getByText("Solved")).toHaveCount(0);
  await shot(other, "workshop-exercises");
  expect([...errors, ...otherErrors]).toEqual([]);
});
