import react from "@vitejs/plugin-react";
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
      : [react(), strictPage(), offline()],
  build: mode === SINGLE ? { outDir: "dist-single", copyPublicDir: false } : {},
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          environment: "node",
          include: ["src/{sim,check,truth,url,cli,tour,workshop,export}/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["src/{app,ui}/**/*.test.{ts,tsx}"],
          setupFiles: ["./src/test-setup.ts"],
        },
      },
    ],
  },
}));
