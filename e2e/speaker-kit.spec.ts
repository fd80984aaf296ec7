import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { CHAPTERS } from "../src/tour/chapters";
import { SPEAKER_NOTES } from "../src/tour/notes";
import { watchErrors } from "./helpers";

/** The speaker's kit (issue 19): the room's QR code and the speaker view in a second window. */

const stepId = (chapter: number, step: number) => CHAPTERS[chapter - 1].steps[step - 1].id;
const KIT = "test-results/kit";

/** The QR code in `png`, read back by jsQR in a blank page of the same browser (no page CSP there). */
async function decodeQr(context: BrowserContext, png: Buffer): Promise<string | null> {
  const decoder = await context.newPage();
  try {
    await decoder.addScriptTag({ path: "node_modules/jsqr/dist/jsQR.js" });
    return await decoder.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const g = canvas.getContext("2d");
      if (g === null) return null;
      g.drawImage(image, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
      type Decode = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      const jsQR = (window as unknown as { jsQR: Decode }).jsQR;
      return jsQR(data, width, height)?.data ?? null;
    }, png.toString("base64"));
  } finally {
    await decoder.close();
  }
}

async function presenterAt11(page: Page): Promise<Locator> {
  await page.goto("/");
  await page.getByRole("button", { name: "Presenter mode" }).click();
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  return bar;
}

test("Q shows the run's share link as a QR code that decodes to the exact link; Space waits, Q and Escape close", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1024, height: 768 });
  const bar = await presenterAt11(page);
  // The step settles first, so the link (with its playhead) holds still.
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });

  // The share link, as the Share button copies it.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  expect(shared).toMatch(/#s=/);

  // The tour bar's buttons for the kit, on screen in presenter mode.
  await expect(bar.getByRole("button", { name: "QR code" })).toBeInViewport();
  await expect(bar.getByRole("button", { name: "Speaker view" })).toBeInViewport();
  await page.screenshot({ path: `${KIT}/presenter-bar-1024x768.png` });
  await page.keyboard.press("q");
  const dialog = page.getByRole("dialog", { name: /Scan to open this run/ });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole("img", { name: /QR code of the link/ });
  await expect(code).toBeVisible();
  // Large enough for the back of the room: most of the screen's height.
  const box = await code.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(0.6 * 768);
  await page.screenshot({ path: `${KIT}/qr-overlay-1024x768.png` });

  const decoded = await decodeQr(context, await code.screenshot());
  expect(decoded).toBe(shared);
  await expect(dialog.getByTestId("qr-link")).toHaveText(shared);
  // The tour's short link opens the same step.
  const short = `${new URL(shared).host}/#tour=1.1`;
  await expect(dialog.getByTestId("qr-short")).toHaveText(short);

  // Focus is in the dialog (on Close), and the clicker moves nothing behind the code.
  await expect(dialog.getByRole("button", { name: /Close/ })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("PageDown");
  await expect(dialog).toBeVisible();
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));

  await page.keyboard.press("q");
  await expect(dialog).toHaveCount(0);
  // Escape closes it too, and in presenter mode does not leave the tour.
  await page.getByRole("button", { name: "QR code" }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
  // Enter presses the focused Close button.
  await page.keyboard.press("q");
  await expect(dialog.getByRole("button", { name: /Close/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  // The short link, opened fresh, lands on the same step.
  const other = await context.newPage();
  await other.goto(`http://${short}`);
  await expect(other.getByRole("region", { name: "Tour" })).toHaveAttribute(
    "data-step",
    stepId(1, 1),
  );
  await other.close();
  expect(errors).toEqual([]);
});

test("a later step's QR code follows the tour; a live edit drops the short link", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const bar = await presenterAt11(page);
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 2));
  await expect(bar).toHaveAttribute("data-state", "halted", { timeout: 20_000 });
  await page.keyboard.press("q");
  const dialog = page.getByRole("dialog", { name: /Scan to open this run/ });
  const code = dialog.getByRole("img", { name: /QR code of the link/ });
  await expect(code).toBeVisible();
  const shown = await dialog.getByTestId("qr-link").textContent();
  expect(shown).toContain("tour=1.2");
  expect(await decodeQr(context, await code.screenshot())).toBe(shown);
  await expect(dialog.getByTestId("qr-short")).toHaveText(/#tour=1\.2$/);
  await page.screenshot({ path: `${KIT}/qr-overlay-1280x720.png` });
  await page.keyboard.press("q");
  await expect(dialog).toHaveCount(0);

  // Out of presenter mode the tour stays open and its run can be edited live:
  // the short link would open the unedited step, so it is not offered.
  await page.keyboard.press("p");
  await expect(page.locator("html")).not.toHaveClass(/presenter/);
  await page.getByLabel("Seed").fill("12345");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("q");
  await expect(code).toBeVisible();
  const edited = await dialog.getByTestId("qr-link").textContent();
  expect(edited).not.toBe(shown);
  expect(await decodeQr(context, await code.screenshot())).toBe(edited);
  await expect(dialog.getByTestId("qr-short")).toHaveCount(0);
});

test("the speaker view follows the main window, and moving it moves the main window", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  const bar = await presenterAt11(page);

  const [speaker] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
  const speakerErrors = watchErrors(speaker);
  const workers: string[] = [];
  speaker.on("worker", (w) => workers.push(w.url()));
  await speaker.setViewportSize({ width: 1024, height: 768 });
  await speaker.waitForLoadState();
  expect(new URL(speaker.url()).search).toBe("?view=speaker");
  const view = speaker.locator(".speaker");
  await expect(view).toHaveAttribute("data-step", stepId(1, 1));

  // The current step's notes, the next step's title, a clock and a running timer.
  const notes = SPEAKER_NOTES[stepId(1, 1)];
  await expect(speaker.getByText(notes.say)).toBeVisible();
  await expect(speaker.getByText(notes.ask)).toBeVisible();
  await expect(speaker.getByText(notes.answer)).toBeVisible();
  await expect(speaker.getByTestId("speaker-next-title")).toHaveText(CHAPTERS[0].steps[1].title);
  await expect(speaker.getByTestId("speaker-clock")).toHaveText(/\d{1,2}:\d{2}/);
  const elapsed = speaker.getByTestId("speaker-elapsed");
  const before = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(before ?? "", { timeout: 3000 });
  await expect(elapsed).toHaveText(/^0:0\d$/);

  // The main window moves: the speaker view follows.
  await page.bringToFront();
  await page.keyboard.press("PageDown");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 2));
  await expect(view).toHaveAttribute("data-step", stepId(1, 2));
  await expect(speaker.getByText(SPEAKER_NOTES[stepId(1, 2)].say)).toBeVisible();

  // The speaker view moves (keys and buttons): the main window follows.
  await speaker.bringToFront();
  await speaker.keyboard.press("ArrowRight");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 3));
  await expect(view).toHaveAttribute("data-step", stepId(1, 3));
  // Across a chapter boundary the next step names its chapter.
  await expect(speaker.getByText("Chapter 2 · Data stores explosion")).toBeVisible();
  await speaker.getByRole("button", { name: "Next step →" }).click();
  await expect(bar).toHaveAttribute("data-step", stepId(2, 1));
  await expect(view).toHaveAttribute("data-step", stepId(2, 1));
  await speaker.getByRole("button", { name: "← Previous step" }).click();
  await expect(bar).toHaveAttribute("data-step", stepId(1, 3));
  await speaker.keyboard.press("5");
  await expect(bar).toHaveAttribute("data-step", stepId(5, 1));
  await expect(view).toHaveAttribute("data-step", stepId(5, 1));
  await expect(speaker.getByRole("heading", { level: 1 })).toContainText("Chapter 5");
  await speaker.screenshot({ path: `${KIT}/speaker-view-1024x768.png` });
  await speaker.setViewportSize({ width: 1280, height: 720 });
  await speaker.screenshot({ path: `${KIT}/speaker-view-1280x720.png` });

  // B from the speaker blanks the room's screen, and brings it back.
  await speaker.keyboard.press("b");
  await expect(page.getByRole("button", { name: /Screen blanked/ })).toBeVisible();
  await expect(speaker.getByText(/Screen blanked/)).toBeVisible();
  await speaker.keyboard.press("b");
  await expect(page.getByRole("button", { name: /Screen blanked/ })).toHaveCount(0);

  // The speaker window is notes only: no simulator, no run worker of its own.
  await expect(speaker.getByRole("button", { name: "Play" })).toHaveCount(0);
  await expect(speaker.locator(".timeline")).toHaveCount(0);
  expect(workers).toEqual([]);

  // The main window goes away: the speaker view says so.
  await page.close();
  await expect(speaker.getByText(/The main window closed or reloaded/)).toBeVisible();
  expect(errors).toEqual([]);
  expect(speakerErrors).toEqual([]);
});

test("a speaker view opened on its own finds the main window's step; Home and End move the talk", async ({
  page,
  context,
}) => {
  const bar = await presenterAt11(page);
  await page.keyboard.press("3");
  await expect(bar).toHaveAttribute("data-step", stepId(3, 1));
  const speaker = await context.newPage();
  await speaker.goto("/?view=speaker");
  await expect(speaker.locator(".speaker")).toHaveAttribute("data-step", stepId(3, 1));
  await speaker.keyboard.press("End");
  const last = CHAPTERS.at(-1);
  const lastId = last?.steps.at(-1)?.id ?? "";
  await expect(bar).toHaveAttribute("data-step", lastId);
  await expect(speaker.getByText("End of the talk.")).toBeVisible();
  await expect(speaker.getByRole("button", { name: "Next step →" })).toBeDisabled();
  await speaker.keyboard.press("Home");
  await expect(bar).toHaveAttribute("data-step", stepId(1, 1));
});
