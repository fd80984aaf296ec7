import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./src/cli/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: "http://127.0.0.1:4173",
    viewport: { width: 1280, height: 720 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: "npx vite build && npx vite preview --host 127.0.0.1 --strictPort --port 4173",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
