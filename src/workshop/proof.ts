/**
 * A learner's proof of solving, for the facilitator: a short code carrying
 * the learner's solutions (and an optional name), never a "solved" flag. Each
 * solution travels as what the learner changed from the exercise's start (a
 * few fields, not the whole scenario), so a proof of all seven exercises
 * stays short enough for a chat message. Whoever reads a proof rebuilds each
 * scenario from the start and checks it again; nothing here says whether a
 * solution is right.
 *
 * `1.<base64url(deflate(JSON))>`, usually inside a link: `#proof=1.…`.
 */
import { deflateSync, inflateSync } from "fflate";
import type { Scenario } from "../sim/types";
import { decodeBase64Url, encodeBase64Url } from "../url/base64url";
import { restoreScenario } from "../url/index";
import type { ExerciseId } from "../url/workshop-names";
import { EXERCISES, exerciseById } from "./exercises";

export const PROOF_VERSION = 1;
/** The hash parameter of a proof link: `#proof=1.…`. */
export const PROOF_PARAM = "proof";
/** Longest proof read (characters); seven real solutions take a few hundred. */
export const PROOF_MAX_CHARS = 8000;
/** Largest decompressed proof read (bytes). */
const PROOF_MAX_BYTES = 64_000;
export const NAME_MAX = 40;

/** What changed from a start: objects recurse, anything else (arrays too) is replaced; null deletes. */
export type Patch = { [key: string]: unknown };

export interface Proof {
  name: string;
  /** Per exercise, the scenario the learner submitted, rebuilt from the start (not yet checked). */
  solutions: Array<{ id: ExerciseId; scenario: Scenario } | { id: string; error: string }>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `to` that differ from `from`. */
export function patchOf(from: unknown, to: unknown): Patch {
  const patch: Patch = {};
  if (!isObject(from) || !isObject(to)) return patch;
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[key];
    const b = to[key];
    if (same(a, b)) continue;
    if (b === undefined) patch[key] = null;
    else if (isObject(a) && isObject(b)) patch[key] = patchOf(a, b);
    else patch[key] = b;
  }
  return patch;
}

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** `base` with `patch` laid over it; throws on a key no scenario has a use for. */
export function applyPatch(base: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN.has(key)) throw new Error(`the field name “${key}” is not allowed`);
    if (value === null) delete out[key];
    else out[key] = isObject(value) ? applyPatch(out[key], value) : value;
  }
  return out;
}

/** The proof code for a name and solved scenarios (exercise id → the learner's scenario). */
export function encodeProof(name: string, solved: Partial<Record<string, Scenario>>): string {
  const s: Record<string, Patch> = {};
  for (const e of EXERCISES) {
    const scenario = solved[e.id];
    if (scenario !== undefined) s[e.id] = patchOf(e.start(), scenario);
  }
  const body = { n: name.trim().slice(0, NAME_MAX), s };
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(body)), { level: 9 });
  return `${PROOF_VERSION}.${encodeBase64Url(bytes)}`;
}

/** The proof code inside a line of text: a proof link, `proof=…`, or the bare code. */
export function proofCodeIn(line: string): string | null {
  const text = line.trim();
  const m = /(?:^|[#&?\s])proof=([0-9]+\.[A-Za-z0-9_-]+)/.exec(text);
  if (m !== null) return m[1];
  return /^[0-9]+\.[A-Za-z0-9_-]+$/.test(text) ? text : null;
}

export type ProofResult = { ok: true; proof: Proof } | { ok: false; error: string };

/** Reads a proof code. It checks the form only: every solution still has to be verified. */
export function decodeProof(code: string): ProofResult {
  if (code.length > PROOF_MAX_CHARS)
    return { ok: false, error: `It is too long (${code.length} characters) to be a proof.` };
  const dot = code.indexOf(".");
  const version = Number(code.slice(0, dot));
  if (dot < 1 || !Number.isInteger(version)) return { ok: false, error: "It is not a proof code." };
  if (version !== PROOF_VERSION)
    return { ok: false, error: `It is a proof of version ${version}; this page reads version 1.` };
  const bytes = decodeBase64Url(code.slice(dot + 1));
  if (bytes === null)
    return { ok: false, error: "It is damaged (characters were lost or added on the way)." };
  let body: unknown;
  try {
    const raw = inflateSync(bytes);
    if (raw.length > PROOF_MAX_BYTES) return { ok: false, error: "It unpacks to too much data." };
    body = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return { ok: false, error: "It is damaged: it does not unpack." };
  }
  if (!isObject(body) || !isObject(body.s))
    return { ok: false, error: "It unpacks, but holds no solutions." };
  const name = typeof body.n === "string" ? body.n.trim().slice(0, NAME_MAX) : "";
  const solutions: Proof["solutions"] = [];
  for (const [id, patch] of Object.entries(body.s)) {
    const exercise = exerciseById(id);
    if (exercise === undefined) {
      solutions.push({ id: id.slice(0, 40), error: "There is no exercise by this id." });
      continue;
    }
    try {
      const restored = restoreScenario(applyPatch(exercise.start(), patch));
      solutions.push(
        restored.ok
          ? { id: exercise.id, scenario: restored.scenario }
          : { id: exercise.id, error: `Its scenario is not valid: ${restored.error.message}` },
      );
    } catch (e) {
      solutions.push({
        id: exercise.id,
        error: `Its scenario could not be rebuilt: ${e instanceof Error ? e.message : String(e)}.`,
      });
    }
  }
  if (solutions.length === 0) return { ok: false, error: "It holds no solutions." };
  return { ok: true, proof: { name, solutions } };
}
