/** `npm run -s exercise -- …`: workshop exercises on the command line. See EXERCISE_USAGE in run-exercise.ts. */
import { readFileSync } from "node:fs";
import { runExerciseCli } from "./run-exercise";

const result = runExerciseCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
