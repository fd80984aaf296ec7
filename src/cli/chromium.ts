import { existsSync } from "node:fs";

/**
 * How every headless Chromium here is launched (the e2e suite, bench:ui):
 * Debian's browser where it exists, Playwright's own elsewhere, and no
 * background networking, which this workplace's closed network refuses.
 * It lives in src/cli (the Node side) so that bench:ui and playwright.config.ts
 * (for e2e/) share it without src/ importing e2e/.
 */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const chromiumLaunchOptions = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
