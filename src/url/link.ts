/**
 * Share links: `#s=<schema version>.<payload>&m=<model>[&t=…][&strategy=…][&compare=a,b][&tour=c.s][&sweep=…][&ex=<exercise id>]`.
 *
 * `m` is the model version the link was made under (`MODEL_VERSION`): the
 * scenario keeps its meaning forever, but the run it shows may change when the
 * simulator's semantics do, and the page says so. Links without `m` were made
 * before it existed, under model 1.
 *
 * The payload is the scenario minus its v1 fill-ins, as sorted-key JSON,
 * raw-deflated (fflate, level 9) and base64url-encoded. Measured when choosing
 * the compressor (characters after `#s=1.`, on sorted-key stripped JSON):
 *
 *   scenario                        JSON   fflate deflateSync   lz-string URI
 *   default                           18            27                 32
 *   default + 5 scheduled faults     340           231                291
 *   40-op script                    2380           516                995
 *   (unstripped default, no sort)    714           544                616
 *
 * Whole hashes: default 32, default + 5 faults 236 (255 with `&t=850&strategy=log`),
 * 40-op script 521.
 *
 * Deflate wins everywhere that matters, and both are synchronous, so a page
 * can decode its link before first render without awaiting anything.
 *
 * View state sits in plain parameters beside the payload: it changes on every
 * scrub, and keeping it out of the compressed part keeps that part stable.
 */
import { deflateSync, inflateSync } from "fflate";
import { MODEL_VERSION } from "../sim/model";
import type { Scenario } from "../sim/types";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { canonicalJson, stripDefaults } from "./compact";
import type { RestoreError } from "./errors";
import { checkLimit, formatCount, LIMITS } from "./limits";
import { CURRENT_VERSION } from "./migrations";
import { fail, parseJsonText, restoreScenario } from "./restore";
import { isPlainObject } from "./schema";
import { EXERCISE_PARAM, restoreView, type ViewState } from "./view";

export type LinkResult =
  | {
      ok: true;
      scenario: Scenario;
      view: ViewState;
      /**
       * The model version the link was made under: 1 for links without `m`
       * (or with an unreadable one); the run replays under `MODEL_VERSION`.
       */
      model: number;
      migratedFrom?: number;
      /** The view part was unreadable and was dropped; the scenario itself is fine. */
      viewError?: RestoreError;
    }
  | { ok: false; error: RestoreError };

/** Returns the hash, `#s=…`; the caller puts it on whatever URL it is serving. */
export function encodeLink(scenario: Scenario, view: ViewState = {}): string {
  const json = canonicalJson(stripDefaults(scenario));
  const payload = encodeBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }));
  const params = [`s=${CURRENT_VERSION}.${payload}`, `m=${MODEL_VERSION}`, ...viewParams(view)];
  return `#${params.join("&")}`;
}

function viewParams(view: ViewState): string[] {
  const params: string[] = [];
  if (view.playhead !== undefined) params.push(`t=${view.playhead}`);
  if (view.strategy !== undefined) params.push(`strategy=${view.strategy}`);
  if (view.compare !== undefined) params.push(`compare=${view.compare.join(",")}`);
  if (view.tour !== undefined) params.push(`tour=${view.tour.chapter}.${view.tour.step}`);
  if (view.sweep !== undefined) params.push(`sweep=${sweepParam(view.sweep)}`);
  if (view.exercise !== undefined) params.push(`${EXERCISE_PARAM}=${view.exercise}`);
  return params;
}

/**
 * `param+values+strategies+seeds[+kind]`, e.g. `dropRate+0,0.1+dual-write,log+100+atomicity`:
 * "+" because values carry dots and commas, and it keeps the hash readable.
 */
function sweepParam(sweep: NonNullable<ViewState["sweep"]>): string {
  const parts = [
    sweep.param,
    sweep.values.join(","),
    sweep.strategies.join(","),
    String(sweep.seeds),
  ];
  if (sweep.kind !== undefined) parts.push(sweep.kind);
  return parts.join("+");
}

/** The raw sweep object of a `sweep=` parameter; `restoreView` validates it. */
function readSweep(text: string): unknown {
  const [param, values, strategies, seeds, kind, ...rest] = text.split("+");
  if (rest.length > 0 || values === undefined || strategies === undefined || seeds === undefined)
    return text;
  return {
    param,
    // Numbers where the text is one ("0.05"), words otherwise ("all", "atomic").
    values: values
      .split(",")
      .map((v) => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v)),
    strategies: strategies.split(","),
    seeds: Number(seeds),
    ...(kind === undefined ? {} : { kind }),
  };
}

/** Accepts a full URL, a `#s=…` hash or a bare `s=…`. Never throws. */
export function decodeLink(hashOrUrl: string): LinkResult {
  try {
    return decodeUnsafe(hashOrUrl);
  } catch {
    return fail("parse", "The link could not be read.");
  }
}

function decodeUnsafe(hashOrUrl: string): LinkResult {
  if (typeof hashOrUrl !== "string") return fail("parse", "A link must be text.");
  const tooLong = checkLimit("linkBytes", hashOrUrl.length);
  if (tooLong) return fail("too-large", tooLong);
  const hashAt = hashOrUrl.indexOf("#");
  const hash = hashAt >= 0 ? hashOrUrl.slice(hashAt + 1) : hashOrUrl;
  const params = splitParams(hash);
  const s = params.get("s");
  if (s === undefined) {
    return fail(
      "parse",
      "The link has no scenario in it (it should contain #s=…); it may have been cut short.",
    );
  }
  const match = /^(\d{1,6})\.([\s\S]*)$/.exec(s);
  if (!match)
    return fail(
      "parse",
      "The link's scenario part is damaged: it should start with a version number and a dot.",
    );
  const version = Number(match[1]);
  if (version > CURRENT_VERSION) {
    return fail(
      "version",
      `The link was made by a newer Inside Out (schema version ${version}); this one reads versions up to ${CURRENT_VERSION}.`,
    );
  }
  const doc = decodePayload(match[2]);
  if (!doc.ok) return doc;
  // The version travels outside the payload, so the payload never carries a stale one.
  const restored = restoreScenario({ ...doc.value, v: version });
  if (!restored.ok) return restored;
  const view = restoreView(readView(params));
  return {
    ...restored,
    view: view.ok ? view.view : {},
    model: readModel(params.get("m")),
    ...(view.ok ? {} : { viewError: view.error }),
  };
}

/** Links before `m` existed were model 1; so is one whose `m` is not a whole number from 1 up. */
function readModel(text: string | undefined): number {
  if (text === undefined || !/^[1-9]\d{0,8}$/.test(text)) return 1;
  return Number(text);
}

const DAMAGED = "The link is damaged or incomplete; it may have been cut short when it was copied.";

function decodePayload(
  payload: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: RestoreError } {
  const bytes = decodeBase64Url(payload);
  if (bytes === null || bytes.length === 0) return fail("parse", DAMAGED);
  // One byte more than the cap: filling it means the payload would inflate past the cap.
  const out = new Uint8Array(LIMITS.inflatedBytes + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes, { out });
  } catch {
    return fail("parse", DAMAGED);
  }
  if (inflated.length > LIMITS.inflatedBytes) {
    return fail(
      "too-large",
      `The link unpacks to more than ${formatCount(LIMITS.inflatedBytes)} bytes, the limit.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    return fail("parse", DAMAGED);
  }
  const parsed = parseJsonText(text, "inflatedBytes");
  if (!parsed.ok) return parsed.error.code === "parse" ? fail("parse", DAMAGED) : parsed;
  if (!isPlainObject(parsed.value)) return fail("parse", DAMAGED);
  return { ok: true, value: parsed.value };
}

function splitParams(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of hash.split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    // First occurrence wins: a pasted link with a stray second `s=` keeps its original scenario.
    if (!params.has(key)) params.set(key, safeDecode(part.slice(eq + 1)));
  }
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Builds the raw view object; `restoreView` decides whether it is valid. */
function readView(params: Map<string, string>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const t = params.get("t");
  if (t !== undefined) view.playhead = t.trim() === "" ? t : Number(t);
  const strategy = params.get("strategy");
  if (strategy !== undefined) view.strategy = strategy;
  const compare = params.get("compare");
  if (compare !== undefined) view.compare = compare.split(",");
  const tour = params.get("tour");
  if (tour !== undefined) {
    const [chapter, step, ...rest] = tour.split(".");
    view.tour =
      rest.length === 0 && step !== undefined
        ? { chapter: Number(chapter), step: Number(step) }
        : tour;
  }
  const sweep = params.get("sweep");
  if (sweep !== undefined) view.sweep = readSweep(sweep);
  const exercise = params.get(EXERCISE_PARAM);
  if (exercise !== undefined) view.exercise = exercise;
  return view;
}
