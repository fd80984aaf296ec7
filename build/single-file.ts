import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "vite";

/**
 * The single-file build (`npm run build:single`): modules that start a worker
 * from a file of the build (`run-worker.ts`, `sweep-worker.ts`) are swapped
 * for their `.inline.ts` twins, whose worker code is inlined in the page.
 */
export function inlineWorkers(): Plugin {
  return {
    name: "inside-out-inline-workers",
    enforce: "pre",
    resolveId(source, importer) {
      if (importer === undefined || !/(^|\/)(run|sweep)-worker$/.test(source)) return null;
      const inline = resolve(dirname(importer), `${source}.inline.ts`);
      return existsSync(inline) ? inline : null;
    },
  };
}

/**
 * The Content-Security-Policy of the single file. Everything is inline, so
 * scripts and styles are allowed by their SHA-256 hashes only (no
 * 'unsafe-inline', no eval); workers start from blob: URLs the page makes from
 * its own inlined code; images (exports, the favicon) are data: or blob:.
 * Nothing may be fetched: no 'self' (a file:// page's "self" would be the
 * whole disk), no other origin.
 */
export function singleFilePolicy(scripts: string[], styles: string[]): string {
  const hashes = (xs: string[]) =>
    xs.map((x) => `'sha256-${createHash("sha256").update(x, "utf8").digest("base64")}'`).join(" ");
  return [
    "default-src 'none'",
    `script-src ${hashes(scripts)}`,
    `style-src ${hashes(styles)}`,
    "img-src data: blob:",
    "worker-src blob:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Inline `<script>` and `<style>` bodies of an HTML page, in order. */
export function inlineBodies(html: string, tag: "script" | "style"): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, "g");
  for (const m of html.matchAll(re)) out.push(m[1]);
  return out;
}

/**
 * After vite-plugin-singlefile has inlined everything: the favicon becomes a
 * data: URL, and the policy is written with the hashes of what ended up inline.
 * Must come after `viteSingleFile()` in the plugin list.
 */
export function singleFilePage(root: string): Plugin {
  return {
    name: "inside-out-single-file-page",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== "asset" || !file.fileName.endsWith(".html")) continue;
          let html = String(file.source);
          const icon = readFileSync(join(root, "public", "favicon.svg"));
          html = html.replace(
            /href="\.\/favicon\.svg"/,
            `href="data:image/svg+xml;base64,${icon.toString("base64")}"`,
          );
          const policy = singleFilePolicy(
            inlineBodies(html, "script"),
            inlineBodies(html, "style"),
          );
          html = html.replace(
            "<head>",
            `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
          );
          file.source = html;
        }
        // The service worker and the favicon file are not needed: the page is the one file.
        for (const name of Object.keys(bundle))
          if (name === "sw.js" || name === "favicon.svg") delete bundle[name];
      },
    },
  };
}
