import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { defaultScenario } from "../src/sim/defaults";
import type { Scenario } from "../src/sim/types";
import { encodeLink } from "../src/url/index";
import { cliHash, shot, watchErrors } from "./helpers";

function sim(...args: string[]): string {
  return execFileSync("npx", ["tsx", "src/cli/sim.ts", ...args], { encoding: "utf8" });
}

const hashOf = (page: Page) => page.getByTestId("trace-hash").textContent();

test("a shared link reopens the same run in a new page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const errors = watchErrors(page);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
  await page.getByRole("spinbutton", { name: "Seed" }).fill("4242");
  await expect(page.getByText("4242", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();

  const url = page.url();
  expect(new URL(url).hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const traceHash = await hashOf(page);
  expect(traceHash).toBe(cliHash("kleppmann-race", undefined, 4242));

  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await expect(other.getByTestId("trace-hash")).toHaveText(traceHash ?? "");
  await expect(other.getByRole("spinbutton", { name: "Seed" })).toHaveValue("4242");
  await expect(other.getByRole("alert")).toHaveCount(0);
  expect([...errors, ...otherErrors]).toEqual([]);
});

test("a link made by the CLI shows the CLI's trace hash", async ({ page }) => {
  const errors = watchErrors(page);
  const hash = sim("--preset", "kleppmann-race", "--url").trim();
  expect(hash).toMatch(/^#s=1\./);
  const expected = cliHash("kleppmann-race");
  // The CLI running its own link agrees with the CLI running the preset.
  expect(JSON.parse(sim(hash, "--json")).traceHash).toBe(expected);
  await page.goto(`/${hash}`);
  await expect(page.getByTestId("trace-hash")).toHaveText(expected);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(errors).toEqual([]);
});

const hostile: Scenario = {
  ...defaultScenario(),
  schedule: [{ at: 5, kind: "crash", node: "<script>window.pwned=1</script>" }],
};
const good = sim("--preset", "kleppmann-race", "--url").trim();

const BAD_LINKS: Array<[string, string, RegExp]> = [
  ["a truncated payload", good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete/],
  ["garbage", "#s=1.@@not~a~link!!", /damaged or incomplete/],
  ["a newer version", "#s=99.abc", /newer Inside Out \(schema version 99\)/],
  ["a <script> node name", encodeLink(hostile), /<script>window\.pwned=1<\/script>/],
  ["raw <script> in the hash", "#s=1.<script>window.pwned=1</script>", /damaged or incomplete/],
];

test("bad links say what is wrong and lead back to the default run", async ({ browser }) => {
  const defaultHash = cliHash("default");
  for (const [label, hash, message] of BAD_LINKS) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`/${hash}`);
    const alert = page.getByRole("alert");
    await expect(alert, label).toContainText("This link could not be opened");
    await expect(alert, label).toContainText(message);
    // The page is not blank behind the message: the default run is there.
    await expect(page.getByTestId("trace-hash")).toHaveText(defaultHash);
    expect(await page.evaluate(() => "pwned" in window), label).toBe(false);
    if (label === "a <script> node name") await shot(page, "links-bad-link");

    await page.getByRole("button", { name: "Open the default scenario" }).click();
    await expect(alert).toHaveCount(0);
    await expect(page.getByTestId("trace-hash")).toHaveText(defaultHash);
    expect(new URL(page.url()).hash, label).toBe("");
    expect(errors, label).toEqual([]);
    await page.close();
  }
});
