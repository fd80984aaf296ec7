/** `npm run -s sweep -- …`: many seeds per setting, shares of runs per anomaly kind. See SWEEP_USAGE in run-sweep.ts. */
import { readFileSync } from "node:fs";
import { runSweepCli } from "./run-sweep";

const result = runSweepCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
