/**
 * `firstVisitSlowNetMs`: how long a first visit over venue Wi-Fi takes until
 * the default page is usable. Builds the app into a scratch folder, serves it
 * from a small static server, and opens it in headless Chromium with the
 * DevTools protocol's network emulation (1.6 Mb/s down, 150 ms latency) and
 * the cache disabled, a fresh browser context per load; files are served
 * gzipped, as any static host serves them. The figure is the
 * page's own clock (ms since navigation started) when the Play button and the
 * timeline are both on screen; the median of several loads.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

/** Venue Wi-Fi: 1.6 Mb/s down, 150 ms latency (upload is not the bottleneck of a page load). */
export const VENUE_WIFI = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** A static file server for one folder, on an ephemeral port of 127.0.0.1. */
export async function serveFolder(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const rel = normalize(path.endsWith("/") ? `${path}index.html` : path).replace(/^([/\\])+/, "");
    if (rel.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(dir, rel));
      // Every static host worth the name compresses text; so does this one.
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      res.writeHead(200, {
        "content-type": TYPES[extname(rel)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}/` };
}

/** The page's clock when Play and the timeline are both visible (checked every frame). */
const READY = `(() => {
  const visible = (el) => el !== null && el.getClientRects().length > 0;
  const play = [...document.querySelectorAll("button")].some(
    (b) => /^\\s*Play\\s*$/.test(b.textContent ?? "") && visible(b),
  );
  const timeline = visible(document.querySelector('[data-testid="timeline"]'));
  return play && timeline ? performance.now() : 0;
})()`;

/**
 * Bytes of JavaScript (as sent: gzipped) the page had received by `ready`:
 * every script, preload, lazy chunk and worker fetched so far, whatever
 * index.html says. A cross-check of src/cli/bundle-size.ts.
 */
const JS_BEFORE = (ready: number) => `(() => performance.getEntriesByType("resource")
  .filter((e) => /\\.m?js(\\?|$)/.test(e.name) && e.responseEnd <= ${ready})
  .reduce((n, e) => n + e.encodedBodySize, 0))()`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface FirstVisit {
  /** Median, ms from navigation to Play and the timeline on screen. */
  medianMs: number;
  loadsMs: number[];
  /** Median KB of JavaScript (gzipped, as received) loaded before that moment. */
  jsKB: number;
}

/**
 * Loads `url` `loads` times, each in a fresh context with the cache off, over
 * venue Wi-Fi (or, with `throttle: false`, over the loopback as it is).
 */
export async function measureFirstVisit(
  url: string,
  loads = 5,
  { throttle = true }: { throttle?: boolean } = {},
): Promise<FirstVisit> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const loadsMs: number[] = [];
    const jsBytes: number[] = [];
    // One unmeasured load first: the browser process itself warms up.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        serviceWorkers: "block",
        // The probe below is a string evaluated in the page; the built page's CSP forbids eval.
        bypassCSP: true,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      if (throttle) await cdp.send("Network.emulateNetworkConditions", VENUE_WIFI);
      await page.goto(url, { waitUntil: "commit" });
      const handle = await page.waitForFunction(READY, null, { polling: "raf", timeout: 60_000 });
      const ms = (await handle.jsonValue()) as number;
      const js = (await page.evaluate(JS_BEFORE(ms))) as number;
      if (i > 0) {
        loadsMs.push(Math.round(ms));
        jsBytes.push(js);
      }
      await context.close();
    }
    return {
      medianMs: median(loadsMs),
      loadsMs,
      jsKB: Number((median(jsBytes) / 1024).toFixed(1)),
    };
  } finally {
    await browser.close();
  }
}

/** Builds the app into a scratch folder and measures it there. */
export async function measureFirstVisitOfBuild(loads = 5): Promise<FirstVisit> {
  const dir = mkdtempSync(join(tmpdir(), "inside-out-bench-first-visit-"));
  try {
    execFileSync(
      "npx",
      ["vite", "build", "--outDir", dir, "--emptyOutDir", "--logLevel", "error"],
      { stdio: "pipe" },
    );
    return await measureFirstVisitOfFolder(dir, loads);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures a build already on disk (a folder `vite build` wrote). */
export async function measureFirstVisitOfFolder(
  dir: string,
  loads = 5,
  options: { throttle?: boolean } = {},
): Promise<FirstVisit> {
  const { server, base } = await serveFolder(dir);
  try {
    return await measureFirstVisit(base, loads, options);
  } finally {
    server.close();
  }
}

// `npx tsx src/cli/bench-first-visit.ts [loads] [--dir FOLDER]`: this figure alone
// (of a fresh build, or of a build already in FOLDER), over venue Wi-Fi and unthrottled.
if (process.argv[1]?.endsWith("bench-first-visit.ts")) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--dir");
  const folder = at >= 0 ? args[at + 1] : undefined;
  const loads = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--dir") ?? 5);
  const measure = async (throttle: boolean) =>
    folder === undefined
      ? throttle
        ? measureFirstVisitOfBuild(loads)
        : null
      : measureFirstVisitOfFolder(folder, loads, { throttle });
  const slow = await measure(true);
  const fast = await measure(false);
  console.log(
    JSON.stringify({
      firstVisitSlowNetMs: slow?.medianMs,
      loadsMs: slow?.loadsMs,
      jsKBBeforeReady: slow?.jsKB,
      ...(fast === null ? {} : { firstVisitFastMs: fast.medianMs, fastLoadsMs: fast.loadsMs }),
    }),
  );
}
