import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";

/** The CLI's trace hash for a preset, to compare with what the page shows. */
export function cliHash(preset: string, strategy?: string, seed?: number): string {
  const args = ["tsx", "src/cli/sim.ts", "--preset", preset, "--json"];
  if (strategy !== undefined) args.push("--strategy", strategy);
  if (seed !== undefined) args.push("--seed", String(seed));
  const out = execFileSync("npx", args, { encoding: "utf8" });
  return JSON.parse(out).traceHash as string;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: false });
}

/** Collects uncaught page errors so every journey can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}
