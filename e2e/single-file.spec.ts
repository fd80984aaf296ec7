/**
 * The single-file build (`npm run build:single`): one HTML file, opened from
 * disk through file:// with every network request refused, still plays,
 * shares, tours and sweeps; and its links open in the hosted build (the
 * suite's web server) and the other way round.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { watchErrors } from "./helpers";

const FILE = resolve("dist-single", "inside-out.html");
const FILE_URL = pathToFileURL(FILE).href;

/** Every request that is not the file itself (or made from its own data: and blob: URLs). */
async function offline(context: BrowserContext): Promise<string[]> {
  const left: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    left.push(url);
    return route.abort("internetdisconnected");
  });
  context.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) left.push(r.url());
  });
  return left;
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.beforeAll(() => {
  // Always from the current source: a 2 s build, and never a stale file under test.
  execFileSync("npx", ["vite", "build", "--mode", "single", "--logLevel", "error"], {
    stdio: "inherit",
  });
});

test("the build is one file: no script, style or worker is loaded from elsewhere", () => {
  const html = readFileSync(FILE, "utf8");
  expect(html).not.toMatch(/<script[^>]*\bsrc=/);
  expect(html).not.toMatch(/<link[^>]*rel="(stylesheet|modulepreload)"/);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$| )/);
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|'self'/);
});

test("opened from disk with the network off: play, share, the tour and a sweep", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const left = await offline(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const csp: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto(FILE_URL);

  // Play to the end.
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByTestId("timeline")).toBeVisible();

  // Share: the copied link is the file's own address with the run in its hash.
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
  await page.getByRole("spinbutton", { name: "Seed" }).fill("4242");
  await expect(page.getByText("4242", { exact: true })).toBeVisible();
  const link = await shareLink(page);
  expect(link.startsWith(`${FILE_URL}#s=1.`)).toBe(true);
  const hash = await page.getByTestId("trace-hash").textContent();

  // The tour.
  await page.getByRole("button", { name: "Tour", exact: true }).click();
  const bar = page.getByRole("region", { name: "Tour" });
  await expect(bar.getByText(/^Chapter 1 · /)).toBeVisible();
  await page.keyboard.press("Escape");

  // A sweep, on the inlined sweep workers.
  await page.getByRole("button", { name: "Workshop" }).click();
  const dialog = page.getByRole("dialog", { name: "Workshop" });
  await dialog.getByRole("textbox", { name: /Values/ }).fill("0,0.1");
  await dialog.getByRole("spinbutton", { name: /Seeds per point/ }).fill("5");
  await dialog.getByRole("button", { name: "Run sweep" }).click();
  await expect(dialog.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await expect(dialog.getByText(/^Cancelled/)).toHaveCount(0);
  await page.screenshot({ path: "test-results/single-file-sweep.png" });

  expect(left).toEqual([]);
  expect(csp).toEqual([]);
  expect(errors).toEqual([]);

  // The same link opens in the hosted build with the same run.
  const hosted = await browser.newPage();
  await hosted.goto(`/${new URL(link).hash}`);
  await expect(hosted.getByTestId("trace-hash")).toHaveText(hash ?? "");
  await hosted.close();
  await context.close();
});

test("a link made in the hosted build opens in the file", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
  await page.getByRole("spinbutton", { name: "Seed" }).fill("77");
  await expect(page.getByText("77", { exact: true })).toBeVisible();
  const link = await shareLink(page);
  const hash = await page.getByTestId("trace-hash").textContent();

  const context = await browser.newContext();
  const left = await offline(context);
  const file = await context.newPage();
  const errors = watchErrors(file);
  await file.goto(`${FILE_URL}${new URL(link).hash}`);
  await expect(file.getByTestId("trace-hash")).toHaveText(hash ?? "");
  await expect(file.getByRole("spinbutton", { name: "Seed" })).toHaveValue("77");
  await file.setViewportSize({ width: 1024, height: 768 });
  await file.screenshot({ path: "test-results/single-file-1024.png" });
  expect(left).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
