import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./src/cli/chromium";

// E2E_PORT lets several checkouts (or people) run the suite side by side: each
// port builds into its own folder and serves it.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = port === 4173 ? "dist" : `dist-e2e-${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: port === 4173 ? "test-results/artifacts" : `test-results/artifacts-${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --strictPort --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
