/**
 * `npm run -s golden` rewrites src/sim/golden.json from the current engine;
 * `npm run -s golden -- --check` only compares, and exits 1 on any difference
 * (for CI, and for a person about to decide whether a change was intended).
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  GOLDEN_CHANGED,
  GOLDEN_PATH,
  type GoldenTable,
  goldenDiff,
  goldenRuns,
} from "../url/golden-runs";

const check = process.argv.includes("--check");
const actual = goldenRuns();
const runs =
  Object.values(actual.presets).reduce((n, row) => n + Object.keys(row).length, 0) +
  Object.keys(actual.links).length;

if (check) {
  let expected: GoldenTable;
  try {
    expected = JSON.parse(readFileSync(GOLDEN_PATH, "utf8")) as GoldenTable;
  } catch {
    process.stderr.write(
      `golden: cannot read ${GOLDEN_PATH}; run npm run -s golden to create it\n`,
    );
    process.exit(1);
  }
  const diff = goldenDiff(expected, actual);
  if (diff.length > 0) {
    process.stderr.write(`golden: ${GOLDEN_CHANGED}\n${diff.map((l) => `  ${l}\n`).join("")}`);
    process.exitCode = 1;
  } else process.stdout.write(`golden: all ${runs} runs match ${GOLDEN_PATH}\n`);
} else {
  writeFileSync(GOLDEN_PATH, `${JSON.stringify(actual, null, 2)}\n`);
  process.stdout.write(`golden: wrote ${runs} runs to ${GOLDEN_PATH}\n`);
}
