/**
 * The one door for every scenario input (excalidraw's `restore`): a link,
 * a JSON file, a preset, an older version. It parses, checks the size, reads
 * the version, migrates step by step, validates and fills defaults — or
 * returns a typed error. It never throws, whatever it is given.
 */
import type { Scenario } from "../sim/types";
import { errorFromIssues, type RestoreError } from "./errors";
import { unwrapScenarioFile } from "./file";
import { checkLimit, utf8Length } from "./limits";
import { CURRENT_VERSION, migrate, OLDEST_VERSION } from "./migrations";
import { isPlainObject, scenarioSchema } from "./schema";

export type RestoreResult =
  | { ok: true; scenario: Scenario; migratedFrom?: number }
  | { ok: false; error: RestoreError };

/**
 * Accepts a scenario object or its JSON text, bare or in the exported file's
 * `{ type: "inside-out/scenario", version, scenario }` wrapper. A missing `v`
 * means the current version (hand-written files rarely carry one).
 */
export function restoreScenario(input: unknown): RestoreResult {
  try {
    return restoreUnsafe(input);
  } catch {
    // Only reachable through exotic objects (throwing getters, proxies); JSON input cannot get here.
    return fail(
      "invalid",
      "The scenario could not be read: it contains values that are not plain data.",
    );
  }
}

function restoreUnsafe(input: unknown): RestoreResult {
  let doc: unknown = input;
  if (typeof input === "string") {
    const parsed = parseJsonText(input, "fileBytes");
    if (!parsed.ok) return parsed;
    doc = parsed.value;
  }
  const unwrapped = unwrapScenarioFile(doc);
  if (!unwrapped.ok) return unwrapped;
  doc = unwrapped.doc;
  if (!isPlainObject(doc)) {
    return fail("invalid", `A scenario must be a JSON object, not ${kindOf(doc)}.`);
  }
  const version = readVersion(doc.v);
  if (!version.ok) return version;
  let current = doc;
  if (version.value < CURRENT_VERSION) {
    const migrated = migrate(doc, version.value);
    if (!migrated.ok) {
      return fail(
        "version",
        `The scenario could not be upgraded from schema version ${migrated.failedAt}.`,
      );
    }
    current = migrated.doc;
  }
  const result = scenarioSchema.safeParse(current, { reportInput: true });
  if (!result.success) return { ok: false, error: errorFromIssues(result.error.issues) };
  return {
    ok: true,
    scenario: result.data,
    ...(version.value < CURRENT_VERSION ? { migratedFrom: version.value } : {}),
  };
}

type Step<T> = { ok: true; value: T } | { ok: false; error: RestoreError };

/** Size-checks then parses JSON text; shared with the link decoder. */
export function parseJsonText(text: string, cap: "fileBytes" | "inflatedBytes"): Step<unknown> {
  const tooLarge = checkLimit(cap, utf8Length(text));
  if (tooLarge) return fail("too-large", tooLarge);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    // V8 reports the position, which helps someone fixing a hand-edited file.
    const detail = e instanceof Error ? e.message.slice(0, 120) : "";
    return fail("parse", `The scenario is not valid JSON${detail ? ` (${detail})` : ""}.`);
  }
}

function readVersion(v: unknown): Step<number> {
  if (v === undefined) return { ok: true, value: CURRENT_VERSION };
  if (typeof v !== "number" || !Number.isInteger(v)) {
    return fail("version", "The scenario's version (v) should be a whole number.");
  }
  if (v > CURRENT_VERSION) {
    return fail(
      "version",
      `The scenario was made by a newer Inside Out (schema version ${v}); this one reads versions up to ${CURRENT_VERSION}. Open it in the newer version.`,
    );
  }
  if (v < OLDEST_VERSION) {
    return fail(
      "version",
      `Schema version ${v} does not exist; versions start at ${OLDEST_VERSION}.`,
    );
  }
  return { ok: true, value: v };
}

export function fail(
  code: RestoreError["code"],
  message: string,
): { ok: false; error: RestoreError } {
  return { ok: false, error: { code, message } };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}
