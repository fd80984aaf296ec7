import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { decodeLink } from "../src/url/index";
import { EXERCISES, exerciseById } from "../src/workshop/exercises";
import { encodeProof } from "../src/workshop/proof";
import { watchErrors } from "./helpers";

const DIR = "test-results/workshop";
mkdirSync(DIR, { recursive: true });

async function shotAt(page: Page, name: string, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: `${DIR}/${name}-${width}x${height}.png` });
}

/** Px of the timeline's plot the exercise banner covers (-1: one of them is not on the page). */
async function bannerOverTimeline(page: Page): Promise<number> {
  return page.evaluate(() => {
    const plot = document.querySelector('[data-testid="timeline"] .tl-plot');
    const banner = document.querySelector(".exercise-banner");
    if (plot === null || banner === null) return -1;
    const p = plot.getBoundingClientRect();
    const b = banner.getBoundingClientRect();
    return Math.max(0, Math.min(p.bottom, b.bottom) - Math.max(p.top, b.top));
  });
}

/** The timeline's plot is wholly inside the window. */
async function timelineOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const p = document.querySelector('[data-testid="timeline"] .tl-plot')?.getBoundingClientRect();
    return p !== undefined && p.top >= 0 && p.bottom <= window.innerHeight;
  });
}

function scenarioOf(id: string, which: "start" | "solution") {
  const e = exerciseById(id);
  if (e === undefined) throw new Error(`no exercise ${id}`);
  return e[which]();
}

test("a learner's proof and two more are pasted: the facilitator sees 2 solved, 1 rejected", async ({
  page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  // The learner: a short link opens the exercise; the Log controls solve it.
  await page.goto("/#ex=lost-ack");
  const banner = page.getByRole("region", { name: "Exercise 2: Lose an acknowledged write" });
  await expect(banner).toBeVisible();
  const acks = page.getByRole("group", { name: "Log" }).getByRole("combobox", { name: "acks" });
  await acks.selectOption("1");
  // The address bar keeps the exercise after the edit.
  const bar = async () => {
    const hash = await page.evaluate(() => window.location.hash);
    const d = decodeLink(hash);
    return d.ok ? `${d.scenario.log.acks} ${d.view.exercise}` : "unreadable";
  };
  await expect.poll(bar).toBe("1 lost-ack");
  // Back up to the timeline, as a learner does to check against the run.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await timelineOnScreen(page)).toBe(true);
  await banner.getByRole("button", { name: "Check" }).click();
  await expect(banner.getByRole("status")).toHaveText(/^Pass: With acks=1/);
  await banner.getByRole("button", { name: "Proof for the facilitator" }).click();
  await banner.getByLabel("Your name or handle (optional)").fill("Ada");
  const proofBox = banner.getByTestId("proof-link");
  const adaProof = await proofBox.inputValue();
  expect(adaProof).toMatch(new RegExp(`^${baseURL}/#proof=1\\.[A-Za-z0-9_-]+$`));
  expect(adaProof.length).toBeLessThan(300);
  // The banner grew with the verdict and the proof, and the timeline it is checked against stays
  // in view above it, at both sizes.
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => bannerOverTimeline(page), `${width}×${height}`).toBe(0);
    expect(await timelineOnScreen(page), `${width}×${height}`).toBe(true);
    await shotAt(page, "exercise-banner", width, height);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // A second learner's real solution, and a forged proof: Mallory claims exercise 2 with the
  // untouched start (acks=all), which loses nothing.
  const grace = `${baseURL}/#proof=${encodeProof("Grace", { "lost-ack": scenarioOf("lost-ack", "solution") })}`;
  const mallory = `${baseURL}/#proof=${encodeProof("Mallory", { "lost-ack": scenarioOf("lost-ack", "start") })}`;

  // The facilitator: from the Workshop dialog, paste the three lines as a chat would give them.
  await banner.getByRole("button", { name: "Leave exercise" }).click();
  await page.getByRole("button", { name: "Workshop" }).click();
  await page.getByRole("button", { name: "Facilitator" }).click();
  const view = page.getByRole("dialog", { name: "Facilitator" });
  await expect(view).toBeVisible();
  await view
    .getByLabel(/Proofs, one per line/)
    .fill([`Ada: ${adaProof}`, grace, mallory].join("\n"));
  await view.getByRole("button", { name: "Check proofs" }).click();
  await expect(view.getByRole("status")).toHaveText("3 lines read: 2 solved, 1 rejected.");
  const table = view.getByRole("table", { name: "Who solved what" });
  const cell = (who: string) =>
    table
      .getByRole("row", { name: new RegExp(`^${who}`) })
      .getByRole("cell")
      .nth(1);
  await expect(cell("Ada")).toHaveText("✓ solved");
  await expect(cell("Grace")).toHaveText("✓ solved");
  await expect(cell("Mallory")).toHaveText("✗ rejected");
  await expect(table.locator("tfoot td[data-exercise=lost-ack]")).toHaveText(["2", "1"]);
  await expect(view.getByText("2. Lose an acknowledged write: 2 solved, 1 rejected")).toBeVisible();
  await expect(view.getByRole("region", { name: "Rejected (1)" })).toContainText(
    "Mallory, exercise 2: Nothing has changed yet",
  );
  await shotAt(page, "facilitator", 1280, 720);
  await shotAt(page, "facilitator", 1024, 768);
  await page.setViewportSize({ width: 1280, height: 720 });

  // By link too: the facilitator view opens at #facilitator, and a proof link checks itself.
  await page.goto("about:blank");
  await page.goto("/#facilitator");
  await expect(page.getByRole("dialog", { name: "Facilitator" })).toBeVisible();
  await page.goto("about:blank");
  await page.goto(grace.replace(baseURL ?? "", ""));
  await expect(page.getByRole("dialog", { name: "Facilitator" }).getByRole("status")).toHaveText(
    "1 line read: 1 solved, 0 rejected.",
  );
  expect(errors).toEqual([]);
});

test("the print handout: one page, every exercise, QR codes that read back as their links", async ({
  page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Workshop" }).click();
  await page.getByRole("button", { name: "Print handout" }).click();
  const sheet = page.getByRole("dialog", { name: "Inside Out workshop: exercises" });
  await expect(sheet).toBeVisible();
  const codes = sheet.getByRole("img", { name: /^QR code of exercise \d+'s link$/ });
  await expect(codes).toHaveCount(EXERCISES.length);
  for (const [i, e] of EXERCISES.entries()) {
    const img = codes.nth(i);
    await img.scrollIntoViewIfNeeded();
    const png = PNG.sync.read(await img.screenshot());
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data, `QR of exercise ${e.number}`).toBe(`${baseURL}/#ex=${e.id}`);
    await expect(sheet.getByText(`${e.number}. ${e.title}`)).toBeVisible();
  }
  // A link from the handout opens its exercise.
  await page.goto(`/#ex=${EXERCISES[4].id}`);
  await expect(
    page.getByRole("region", { name: `Exercise 5: ${EXERCISES[4].title}` }),
  ).toBeVisible();

  await page.goto("/#handout");
  await expect(sheet).toBeVisible();
  await expect(codes).toHaveCount(EXERCISES.length);
  await page.emulateMedia({ media: "print" });
  // Print shows only the sheet: no app header, no Print button, and it fits one A4 page.
  await expect(page.getByRole("button", { name: "Workshop" })).toBeHidden();
  await expect(sheet.getByRole("button", { name: "Print" })).toBeHidden();
  await shotAt(page, "handout-print", 1280, 720);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  await page.emulateMedia({ media: "screen" });
  await shotAt(page, "handout", 1280, 720);
  expect(errors).toEqual([]);
});
