/**
 * src/url: the one validated, versioned door for scenario input, and share links.
 * `arbitrary.ts` (fast-check generators) is deliberately not re-exported:
 * tests import it directly, so fast-check never reaches the app bundle.
 */
export { V1_DEFAULTS } from "./defaults-v1";
export type { RestoreError, RestoreErrorCode } from "./errors";
export {
  SCENARIO_FILE_EXTENSION,
  SCENARIO_FILE_TYPE,
  SCENARIO_FILE_VERSION,
  type ScenarioFile,
  scenarioFile,
  scenarioFileName,
  scenarioFileText,
} from "./file";
export { LIMITS, type LimitName, limitMessage } from "./limits";
export { decodeLink, encodeLink, type LinkResult } from "./link";
export { CURRENT_VERSION, OLDEST_VERSION } from "./migrations";
export { nodeNames, parseLinkKey } from "./nodes";
export { type RestoreResult, restoreScenario } from "./restore";
export { BOUNDS, type ScenarioInput, scenarioSchema } from "./schema";
export { restoreView, scenarioInView, type ViewResult, type ViewState } from "./view";
