/**
 * Numbered schema migrations, tldraw-style: `migrations[n]` turns a version-n
 * document into a version-(n+1) one, and a document is walked up one step at
 * a time, so each migration is written once against the version just before it.
 *
 * Rules for adding one (schema v2 and on):
 * - A migration receives loose JSON that may be partial (links omit fields
 *   equal to that version's fill-ins) and may be wrong (it is validated only
 *   after the last step). Touch only the fields you move, check their types,
 *   never throw on odd input, never mutate the input (presets may be frozen).
 * - If the new version changes a fill-in value, write the old value out
 *   explicitly for a field the document omits, or old links change meaning.
 * - Freeze a fixture of the old form in `fixtures/` and test it.
 */
import { isPlainObject } from "./schema";

export type JsonObject = Record<string, unknown>;
export type Migration = (doc: JsonObject) => JsonObject;

/** The oldest version `restoreScenario` still reads. */
export const OLDEST_VERSION = 0;
export const CURRENT_VERSION = 1;

/**
 * v0 is the link format's first sketch (before the contract was frozen):
 * `until` instead of `caps.maxTimeMs`, `delayMs: {min, max}` instead of
 * `delayMsMin`/`delayMsMax`, and a generated workload's `ops: 'set'|'incr'`
 * instead of `op`. Everything else it has is already v1-shaped.
 */
export const v0ToV1: Migration = (doc) => {
  const out: JsonObject = { ...doc, v: 1 };
  if (Object.hasOwn(out, "until")) {
    const caps = isPlainObject(out.caps) ? out.caps : {};
    // An explicit caps.maxTimeMs wins over the old field.
    out.caps = Object.hasOwn(caps, "maxTimeMs") ? caps : { ...caps, maxTimeMs: out.until };
    delete out.until;
  }
  if (isPlainObject(out.network)) {
    const network: JsonObject = { ...out.network };
    if (isPlainObject(network.default)) network.default = splitDelay(network.default);
    if (isPlainObject(network.links)) {
      const links: JsonObject = {};
      for (const [key, link] of Object.entries(network.links)) {
        if (key === "__proto__") continue; // would replace `links`' prototype, not add a key
        links[key] = isPlainObject(link) ? splitDelay(link) : link;
      }
      network.links = links;
    }
    out.network = network;
  }
  if (
    isPlainObject(out.workload) &&
    out.workload.kind !== "script" &&
    Object.hasOwn(out.workload, "ops")
  ) {
    const { ops, ...rest } = out.workload;
    out.workload = Object.hasOwn(rest, "op") ? rest : { ...rest, op: ops };
  }
  return out;
};

function splitDelay(link: JsonObject): JsonObject {
  if (!Object.hasOwn(link, "delayMs")) return link;
  const { delayMs, ...rest } = link;
  if (!isPlainObject(delayMs)) return { ...rest, delayMs }; // leave it for the schema to report
  const out: JsonObject = { ...rest };
  if (delayMs.min !== undefined) out.delayMsMin = delayMs.min;
  if (delayMs.max !== undefined) out.delayMsMax = delayMs.max;
  return out;
}

/** `migrations[n - OLDEST_VERSION]` migrates version n to n + 1. */
export const migrations: readonly Migration[] = [v0ToV1];

export type MigrateResult = { ok: true; doc: JsonObject } | { ok: false; failedAt: number };

/**
 * Walks `doc` from version `from` up to `to`. `table` and `oldest` are
 * parameters so tests can exercise multi-step chains with synthetic versions.
 */
export function migrate(
  doc: JsonObject,
  from: number,
  to = CURRENT_VERSION,
  table: readonly Migration[] = migrations,
  oldest = OLDEST_VERSION,
): MigrateResult {
  let current = doc;
  for (let version = from; version < to; version++) {
    const step = table[version - oldest];
    if (!step) return { ok: false, failedAt: version };
    try {
      current = step(current);
    } catch {
      return { ok: false, failedAt: version };
    }
    if (!isPlainObject(current)) return { ok: false, failedAt: version };
  }
  return { ok: true, doc: current };
}
