/**
 * The JavaScript a first visit loads, gzipped: builds the app into a scratch
 * folder and follows index.html's module script and modulepreload links. The
 * entry (src/main.tsx) imports the simulator dynamically, and the build
 * preloads those modules from index.html (vite.config.ts, `preloadSimulator`),
 * so they are counted here. The default run uses no worker (it is small and
 * runs on the page). src/cli/bench-first-visit.ts cross-checks this figure in
 * the browser: `jsKBBeforeReady`, every script received before Play and the
 * timeline are on screen (the two agree within a few tenths of a KB).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipKB: number;
}

export function firstVisitScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1]);
  return [...out];
}

export function measureBundle(): BundleSize {
  const dir = mkdtempSync(join(tmpdir(), "inside-out-bundle-"));
  try {
    execFileSync(
      "npx",
      ["vite", "build", "--outDir", dir, "--emptyOutDir", "--logLevel", "error"],
      { stdio: "pipe" },
    );
    const html = readFileSync(join(dir, "index.html"), "utf8");
    const files = firstVisitScripts(html).map((src) => {
      const data = readFileSync(join(dir, src.replace(/^\.?\//, "")));
      return { file: src, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
    const gzipKB = Number((files.reduce((n, f) => n + f.gzipBytes, 0) / 1024).toFixed(1));
    return { files, gzipKB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
