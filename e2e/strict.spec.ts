import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { E2E_OUT_DIR } from "./build-dir";
import { shot, watchErrors } from "./helpers";

async function playAndSeeArrows(page: Page): Promise<void> {
  await page.getByRole("combobox", { name: "Speed" }).selectOption("8");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  const timeline = page.getByTestId("timeline").first();
  await expect
    .poll(async () => Number(await timeline.getAttribute("data-arrows")), { timeout: 15_000 })
    .toBeGreaterThan(0);
}

test("the built page carries a strict CSP, and a run plays without any violation", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const errors = watchErrors(page);
  await page.goto("/");
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("unsafe-inline");
  await playAndSeeArrows(page);
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("acks1-leader-failover");
  await page.getByRole("combobox", { name: "Strategy" }).selectOption("log");
  await page.keyboard.press("End");
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(errors).toEqual([]);
});

test("offline room: opened once, the page reloads and plays with the network off, and never asks another origin", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "http://127.0.0.1:4173").origin;
  const foreign: string[] = [];
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:")
      foreign.push(r.url());
  });
  await page.goto("/");
  // The service worker precaches the build; wait until it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller === null) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: /Inside Out/ })).toBeVisible();
  await playAndSeeArrows(page);
  await page.getByRole("combobox", { name: "Strategy" }).selectOption("cdc");
  await expect(page.getByTestId("summary-strategy")).toHaveText("cdc");
  await shot(page, "offline-playing");
  await context.setOffline(false);
  expect(foreign).toEqual([]);
});

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

test("the build works from a sub-path of any static host", async ({ page }) => {
  const root = join(process.cwd(), E2E_OUT_DIR);
  const prefix = "/talks/inside-out/";
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  // Any free port: several runs of the suite may share the machine.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const errors = watchErrors(page);
    await page.goto(`http://127.0.0.1:${port}${prefix}`);
    await playAndSeeArrows(page);
    expect(errors).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
