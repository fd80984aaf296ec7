import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import { defineConfig } from "vitest/config";
import { offline, strictPage } from "./build/offline.ts";
import { inlineWorkers, singleFilePage } from "./build/single-file.ts";

/**
 * `vite build --mode single` (`npm run build:single`): one self-contained
 * `dist-single/inside-out.html` — scripts, styles, lazy chunks and workers
 * inlined — that works opened from disk (file://). See build/single-file.ts.
 */
const SINGLE = "single";

/** Page tests that need a fresh jsdom and module graph of their own (see test.projects). */
const ISOLATED_DOM = [
  "src/app/app-store.background.test.ts",
  "src/ui/ComparePane.test.tsx",
  "src/ui/help/FirstVisit.test.tsx",
  "src/ui/timeline/Timeline.test.tsx",
  "src/ui/timeline/cause-select.test.tsx",
];

/**
 * The entry (src/main.tsx) imports the simulator dynamically, so a speaker
 * window (`?view=speaker`) never runs it. A plain dynamic import would cost
 * the first visit a round trip after the entry; instead index.html preloads
 * the modules the entry imports for the default page (`PAGE_MODULES`) and
 * everything they import statically, all in parallel with the entry.
 * src/cli/bundle-size.ts counts them: they are first-visit JavaScript.
 */
const PAGE_MODULES = [
  "src/ui/App.tsx",
  "src/ui/PanelBoundary.tsx",
  "src/tour/tour-store.ts",
  "src/ui/bench-mode.ts",
];

export function preloadSimulator(): Plugin {
  return {
    name: "inside-out-preload-simulator",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [c] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<string>();
        const add = (file: string) => {
          if (wanted.has(file)) return;
          wanted.add(file);
          for (const dep of byFile.get(file)?.imports ?? []) add(dep);
        };
        for (const c of chunks) {
          const id = c.facadeModuleId?.replaceAll("\\", "/") ?? "";
          if (PAGE_MODULES.some((m) => id.endsWith(`/${m}`))) add(c.fileName);
        }
        const already = (file: string) => html.includes(`/${file}"`);
        // Their stylesheets too: a dynamic import waits for its chunk's CSS, a second round trip.
        const css = [...wanted].flatMap((f) => [
          ...(byFile.get(f)?.viteMetadata?.importedCss ?? []),
        ]);
        const links = [
          ...[...wanted]
            .filter((f) => !already(f))
            .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
          ...[...new Set(css)]
            .filter((f) => !already(f))
            .map((f) => `<link rel="stylesheet" crossorigin href="./${f}">`),
        ].join("\n    ");
        return links === "" ? html : html.replace("</head>", `  ${links}\n  </head>`);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  // Relative base: the built folder works from any static host or sub-path.
  base: "./",
  plugins:
    mode === SINGLE
      ? [
          inlineWorkers(),
          react(),
          viteSingleFile({ outputFileName: "inside-out.html" }),
          singleFilePage(import.meta.dirname),
        ]
      : [react(), strictPage(), offline(), preloadSimulator()],
  build: mode === SINGLE ? { outDir: "dist-single", copyPublicDir: false } : {},
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    projects: [
      // The pure layers need no isolation between files: one module graph per worker
      // saves re-importing the simulator for every file.
      {
        extends: true,
        test: {
          name: "core",
          environment: "node",
          isolate: false,
          include: ["src/{sim,check,truth,url,cli,tour,workshop,export}/**/*.test.ts"],
        },
      },
      // Page code shares one jsdom per worker (a fresh jsdom per file cost ~1 s each).
      // A file that mocks modules or leaves the app store changed for the next file
      // goes in ISOLATED_DOM instead: it fails when run shared, so it cannot hide.
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          isolate: false,
          include: ["src/{app,ui}/**/*.test.{ts,tsx}"],
          exclude: ISOLATED_DOM,
          setupFiles: ["./src/test-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom-isolated",
          environment: "jsdom",
          include: ISOLATED_DOM,
          setupFiles: ["./src/test-setup.ts"],
        },
      },
    ],
  },
}));
