/**
 * The scenario file format: a JSON object that names its own type and
 * version (excalidraw's `{ type, version, elements }`), so a file picked by
 * mistake — a package.json, another app's export — is recognised and refused
 * with a sentence, not a list of unknown fields.
 */
import type { Scenario } from "../sim/types";
import type { RestoreError } from "./errors";
import { quote } from "./rules";
import { isPlainObject } from "./schema";

export const SCENARIO_FILE_TYPE = "inside-out/scenario";
/** The wrapper's own version; the scenario inside carries its schema version as `v`. */
export const SCENARIO_FILE_VERSION = 1;
export const SCENARIO_FILE_EXTENSION = ".inside-out.json";

export interface ScenarioFile {
  type: typeof SCENARIO_FILE_TYPE;
  version: typeof SCENARIO_FILE_VERSION;
  scenario: Scenario;
}

export function scenarioFile(scenario: Scenario): ScenarioFile {
  return { type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, scenario };
}

/** Pretty-printed: people open these files in editors and diff them in pull requests. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenarioFile(scenario), null, 2)}\n`;
}

/** `<name>.inside-out.json`, the name reduced to characters every file system accepts. */
export function scenarioFileName(scenario: Pick<Scenario, "name">): string {
  const base = (scenario.name ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
  return `${base === "" ? "scenario" : base}${SCENARIO_FILE_EXTENSION}`;
}

export type Unwrapped = { ok: true; doc: unknown } | { ok: false; error: RestoreError };

/**
 * Takes the scenario out of a file wrapper; anything without a `type` field
 * is a bare scenario and passes through unchanged.
 */
export function unwrapScenarioFile(doc: unknown): Unwrapped {
  if (!isPlainObject(doc) || !("type" in doc)) return { ok: true, doc };
  if (doc.type !== SCENARIO_FILE_TYPE) {
    const shown = typeof doc.type === "string" ? ` (${quote(doc.type)})` : "";
    return refuse(
      `This file is not an Inside Out scenario: its type${shown} should be "${SCENARIO_FILE_TYPE}".`,
    );
  }
  if (typeof doc.version !== "number" || !Number.isInteger(doc.version) || doc.version < 1) {
    return refuse("The scenario file's version should be a whole number from 1 up.");
  }
  if (doc.version > SCENARIO_FILE_VERSION) {
    return refuse(
      `The file was saved by a newer Inside Out (file version ${doc.version}); this one reads versions up to ${SCENARIO_FILE_VERSION}.`,
      "version",
    );
  }
  const extra = Object.keys(doc).filter((k) => !["type", "version", "scenario"].includes(k));
  if (extra.length > 0) {
    return refuse(
      `The scenario file has unknown fields (${extra
        .slice(0, 3)
        .map((k) => quote(k))
        .join(", ")}); only type, version and scenario belong at its top level.`,
    );
  }
  if (!("scenario" in doc)) return refuse("The scenario file has no scenario in it.");
  return { ok: true, doc: doc.scenario };
}

function refuse(message: string, code: RestoreError["code"] = "invalid"): Unwrapped {
  return { ok: false, error: { code, message } };
}
