/**
 * Makes a scenario small before compression: every field equal to the v1
 * fill-in is dropped (restore puts it back), and keys are sorted so equal
 * scenarios always give the same link, whatever order their keys were built in.
 */
import type { Scenario } from "../sim/types";
import { V1_DEFAULTS } from "./defaults-v1";
import { isPlainObject } from "./schema";

/**
 * The scenario minus its fill-in values. Objects are diffed field by field;
 * lists are kept or dropped whole, since an item's meaning depends on its
 * neighbours (a schedule is an ordered list of faults).
 */
export function stripDefaults(scenario: Scenario): Record<string, unknown> {
  const stripped = strip(scenario, V1_DEFAULTS);
  if (!isPlainObject(stripped)) return {};
  for (const [key, off] of Object.entries(OFF_WHEN_ABSENT))
    if (stripped[key] === off) delete stripped[key];
  return stripped;
}

/**
 * Optional fields that came after v1's fill-ins were frozen, with the value
 * that means the same as leaving them out. They are not v1 fill-ins (restore
 * does not add them), but a link drops them too, so a scenario that leaves
 * them off gives the same link, byte for byte, as before they existed.
 */
const OFF_WHEN_ABSENT: Readonly<Partial<Record<keyof Scenario, unknown>>> = { dedupe: false };

function strip(value: unknown, base: unknown): unknown {
  if (deepEqual(value, base)) return undefined;
  if (!isPlainObject(value) || !isPlainObject(base)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const kept = strip(value[key], base[key]);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with object keys in sorted order; `undefined` fields vanish as in JSON.stringify. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isPlainObject(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = v[key];
    return sorted;
  });
}
