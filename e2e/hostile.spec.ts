import { deflateRawSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { shot } from "./helpers";

/** A link whose payload is any JSON text, packed the way real links are (raw deflate, base64url). */
const link = (json: string, version = 1) =>
  `#s=${version}.${deflateRawSync(Buffer.from(json), { level: 9 }).toString("base64url")}`;
const scenario = (patch: Record<string, unknown>) => link(JSON.stringify({ v: 1, ...patch }));

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const valid = link(JSON.stringify({ v: 1, seed: 5 }));

const HOSTILE: Array<[string, string]> = [
  ["empty payload", "#s=1."],
  ["garbage characters", "#s=1.%%%***"],
  ["not base64", "#s=1.!!!!"],
  ["wrong version", "#s=99.abc"],
  ["version zero garbage", "#s=0.abc"],
  ["negative version", "#s=-1.abc"],
  ["truncated link", valid.slice(0, Math.floor(valid.length / 2))],
  ["not JSON", link("this is not json")],
  ["huge seed", scenario({ seed: 1e308 })],
  ["huge writes", scenario({ workload: { kind: "generated", writes: 1e12 } })],
  ["negative time", scenario({ schedule: [{ at: -100, kind: "heal" }] })],
  ["NaN as text", scenario({ seed: "NaN" })],
  ["infinite caps", link('{"v":1,"caps":{"maxEvents":1e999}}')],
  ["deeply nested JSON", link(`{"v":1,"name":${nested(10_000)}}`)],
  ["1 MB name", scenario({ name: "x".repeat(1_048_576) })],
  ["1 MB of padding", link(`{"v":1,"pad":"${"y".repeat(1_100_000)}"}`)],
  [
    "script tag in a long name",
    scenario({ name: `<script>window.__pwned=1</script>${"z".repeat(200)}` }),
  ],
  [
    "script tag as a node",
    scenario({ schedule: [{ at: 1, kind: "crash", node: "<script>window.__pwned=1</script>" }] }),
  ],
  ["prototype pollution", link('{"v":1,"__proto__":{"polluted":true}}')],
  ["unknown strategy", scenario({ strategy: "two-phase-commit" })],
];

test("20 hostile links each show a message, and the page stays responsive", async ({ page }) => {
  test.setTimeout(180_000);
  expect(HOSTILE).toHaveLength(20);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  for (const [label, hash] of HOSTILE) {
    await page.goto(`/${hash}`);
    const alert = page.getByRole("alert");
    await expect(alert, label).toBeVisible();
    await expect(alert, label).toContainText("This link could not be opened");
    // Still responsive: the controls answer and a run plays. A hash-only goto keeps the page,
    // so the playhead is first taken home: from 0 the run moves a long way before its first
    // anomaly, where a free play stops by itself (from a playhead paused just short of an
    // anomaly, Play would stop again at once, on the same rounded value).
    const time = page.getByRole("slider", { name: "Time" });
    await time.focus();
    await page.keyboard.press("Home");
    await expect(time, label).toHaveValue("0");
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await expect.poll(() => time.inputValue(), { message: label }).not.toBe("0");
    // Stop it before the next link, unless it already stopped at an anomaly or the end.
    await page
      .getByRole("button", { name: "Pause", exact: true })
      .click({ timeout: 1000 })
      .catch(() => undefined);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      label,
    ).toBeUndefined();
    expect(
      await page.evaluate(() => (({}) as Record<string, unknown>).polluted),
      label,
    ).toBeUndefined();
  }
  await shot(page, "hostile-link");
  await page.getByRole("button", { name: "Open the default scenario" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a short script tag in a scenario name is kept as text and never runs", async ({ page }) => {
  await page.goto(
    `/${scenario({ name: "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>" })}`,
  );
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
