import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { watchErrors } from "./helpers";

async function exported(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).first().click(),
  ]);
  const path = await download.path();
  return readFile(path);
}

/** Parses in the page, as a viewer would: the root element and any parser error. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return {
      root: doc.documentElement.nodeName,
      error: doc.querySelector("parsererror")?.textContent ?? null,
      images: doc.querySelectorAll("image").length,
      text: doc.documentElement.textContent ?? "",
    };
  }, text);
}

test("the timeline exports the view as SVG and PNG", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");
  await page.getByRole("button", { name: "Fit all" }).click();
  await page.keyboard.press("End");
  await expect(page.getByTestId("timeline").locator("[data-anomaly]").first()).toBeVisible();
  const svg = await parseSvg(page, (await exported(page, "Export SVG")).toString("utf8"));
  expect(svg.error).toBeNull();
  expect(svg.root).toBe("svg");
  expect(svg.text).toContain("I · isolation");
  expect(svg.text).toContain("anomaly");
  const png = await exported(page, "Export PNG");
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(errors).toEqual([]);
});

test("a large run's export embeds the canvas", async ({ page }) => {
  await page.goto("/?bench=timeline&writes=200");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-renderer", "canvas");
  const svg = await parseSvg(page, (await exported(page, "Export SVG")).toString("utf8"));
  expect(svg.error).toBeNull();
  expect(svg.images).toBe(1);
});
