import { PRESET_NAMES, presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { decodeLink, restoreScenario } from "../url/index";

/** A bad command line: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export type Reader = (path: string) => string;

function isLink(source: string): boolean {
  return (
    source.startsWith("#") ||
    source.startsWith("s=") ||
    /^https?:\/\//.test(source) ||
    source.includes("#s=")
  );
}

/**
 * The scenario a command names: a preset, a share link, or a JSON file —
 * links and files through the one restore path, as in the app.
 */
export function loadScenario(
  o: { preset: string | null; source: string | null },
  read: Reader,
): Scenario {
  if (o.preset !== null) {
    const s = presetScenario(o.preset);
    if (s === undefined)
      throw new UsageError(
        `unknown preset "${o.preset}"; choose one of ${PRESET_NAMES.join(", ")}`,
      );
    return s;
  }
  const source = o.source ?? "";
  if (isLink(source)) {
    const r = decodeLink(source);
    if (!r.ok) throw new UsageError(`the link is not valid: ${r.error.message}`);
    return r.scenario;
  }
  let text: string;
  try {
    text = read(source);
  } catch {
    throw new UsageError(`cannot read scenario file "${source}"`);
  }
  const r = restoreScenario(text);
  if (!r.ok)
    throw new UsageError(`${source}: ${r.error.path ? `${r.error.path}: ` : ""}${r.error.message}`);
  return r.scenario;
}
