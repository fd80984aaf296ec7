/** `npm run -s sim -- …`: run a scenario from the command line. See USAGE in run-cli.ts. */
import { readFileSync } from "node:fs";
import { runCli } from "./run-cli";

const result = runCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
