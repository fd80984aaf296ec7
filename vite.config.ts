import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { offline, strictPage } from "./build/offline.ts";

export default defineConfig({
  // Relative base: the built folder works from any static host or sub-path.
  base: "./",
  plugins: [react(), strictPage(), offline()],
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
});
