import { defineConfig } from "@playwright/test";
import { E2E_ARTIFACTS, E2E_OUT_DIR as outDir, E2E_PORT as port } from "./e2e/build-dir";
import { chromiumLaunchOptions } from "./src/cli/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: E2E_ARTIFACTS,
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
