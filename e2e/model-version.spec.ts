import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { MODEL_VERSION } from "../src/sim/model";
import { presetScenario } from "../src/sim/presets";
import { encodeLink } from "../src/url/index";
import { shot, watchErrors } from "./helpers";

const race = presetScenario("kleppmann-race");
if (race === undefined) throw new Error("the kleppmann-race preset is missing");
const current = encodeLink(race, { playhead: 40 });
/** The same link as the app wrote it before links carried a model version. */
const old = current.replace(`&m=${MODEL_VERSION}`, "");

const notice = (page: Page) =>
  page.getByRole("status").filter({ hasText: "This link was made with model" });

/** Serious and critical axe violations, as e2e/a11y.spec.ts counts them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`);
}

/** Whether two boxes overlap on the page. */
/** Whether two elements' boxes overlap, both read in one frame (a layout shift between two reads would fake one). */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const other = await b.elementHandle();
  return a.evaluate((x, y) => {
    if (y === null) return false;
    const [p, q] = [x.getBoundingClientRect(), (y as Element).getBoundingClientRect()];
    return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
  }, other);
}

test("an old link says it replays under the current model; what changed is one click away", async ({
  page,
}) => {
  const errors = watchErrors(page);
  expect(old).not.toContain("m=");
  await page.goto(`/${old}`);
  const line = notice(page);
  await expect(line).toHaveText(
    `This link was made with model 1 of the simulator; it now replays under model ${MODEL_VERSION}, so the run may differ. What changedDismiss`,
  );
  await expect(page.getByRole("alert")).toHaveCount(0);
  // The link opened as it was: the scenario, at its playhead.
  await expect(page.getByRole("combobox", { name: "Scenario" })).toHaveValue("kleppmann-race");
  await expect(page.getByRole("slider", { name: "Time" })).toHaveValue("40");

  // In the page's flow, clear of the playback and timeline controls, at both sizes, once the
  // header's lazy parts have arrived (until then their stand-ins hold its shape, near enough).
  await expect(page.locator(".lazy-placeholder")).toHaveCount(0);
  const controls = [
    page.getByRole("region", { name: "Controls" }),
    page.locator(".tl-toolbar"),
    page.getByRole("button", { name: "Zoom in" }),
    page.getByRole("button", { name: "Compare" }),
  ];
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await expect(line).toBeInViewport();
    for (const c of controls) {
      await expect(c).toBeInViewport();
      expect(await overlap(line, c), `${width}x${height}`).toBe(false);
    }
    // One line at these widths.
    expect((await line.boundingBox())?.height ?? 0).toBeLessThan(48);
    await shot(page, `model-notice-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  await line.getByRole("button", { name: "What changed" }).click();
  const dialog = page.getByRole("dialog", { name: "Model changes" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: `Model ${MODEL_VERSION}` })).toBeVisible();
  await expect(dialog.getByRole("listitem").first()).toBeVisible();
  await shot(page, "model-notice-what-changed");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  for (const colorScheme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }

  // From the keyboard: Dismiss is a button like any other.
  await line.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(line).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a current link, and the links the app writes, say nothing about the model", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const errors = watchErrors(page);
  await page.goto(`/${current}`);
  await expect(page.getByRole("slider", { name: "Time" })).toHaveValue("40");
  await expect(notice(page)).toHaveCount(0);

  // An old link, then Share: the link written carries the current model.
  await page.goto(`/${old}`);
  await page.reload();
  await expect(notice(page)).toBeVisible();
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const shared = page.url();
  expect(new URL(shared).hash).toContain(`&m=${MODEL_VERSION}`);
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(shared);
  await expect(other.getByRole("combobox", { name: "Scenario" })).toHaveValue("kleppmann-race");
  await expect(notice(other)).toHaveCount(0);
  expect([...errors, ...otherErrors]).toEqual([]);
});
