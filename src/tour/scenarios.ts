import { DEFAULT_LINK, defaultScenario } from "../sim/defaults";
import { presetScenario } from "../sim/presets";
import type { LinkOptions, Scenario, Strategy } from "../sim/types";

/**
 * A tour step's scenario: a preset (or the default scenario) with a patch.
 * Fresh copies every call, so one step can never leak an edit into another.
 */
export function fromPreset(name: string, patch: Partial<Scenario> = {}): Scenario {
  const base = presetScenario(name);
  // A typo in a chapter file is a programming error, caught by chapters.test.ts on import.
  if (base === undefined) throw new Error(`Unknown preset in the tour: ${name}`);
  return { ...base, ...structuredClone(patch) };
}

/** The same 5 ms link the presets use, so a talk's story plays the same way every time. */
export const STEADY_LINK: LinkOptions = { ...DEFAULT_LINK, delayMsMin: 5, delayMsMax: 5 };

/** Writes a talk step's generated workload makes: few enough that arrows do not tangle. */
export const TALK_WRITES = 8;

/**
 * The default workload, cut to `TALK_WRITES` writes (two clients, three keys),
 * on a network with the given faults. A step about volume patches `workload`.
 */
export function defaultWith(
  strategy: Strategy,
  link: Partial<LinkOptions> = {},
  patch: Partial<Scenario> = {},
): Scenario {
  const base = defaultScenario();
  const workload =
    base.workload.kind === "generated" ? { ...base.workload, writes: TALK_WRITES } : base.workload;
  return {
    ...base,
    strategy,
    workload,
    network: { default: { ...DEFAULT_LINK, ...link }, links: {} },
    ...structuredClone(patch),
  };
}

/** Point-to-point integration: every writer talks to every store it keeps in sync. */
export function pointToPointLinks(scenario: Scenario): number {
  return scenario.stores.length * scenario.clients;
}

export function linkCountLabel(scenario: Scenario): string {
  const n = scenario.stores.length;
  const m = scenario.clients;
  return `${n} store${n === 1 ? "" : "s"} × ${m} writer${m === 1 ? "" : "s"} = ${n * m} link${n * m === 1 ? "" : "s"}`;
}

/** A hand-written workload of `set`s on the steady network: `[atMs, client, key, value]`. */
export function scripted(
  sets: ReadonlyArray<readonly [number, number, string, string]>,
  patch: Partial<Scenario> = {},
): Scenario {
  return {
    ...defaultScenario(),
    network: { default: { ...STEADY_LINK }, links: {} },
    workload: {
      kind: "script",
      ops: sets.map(([at, client, key, value]) => ({ at, client, op: "set", key, value })),
    },
    ...structuredClone(patch),
  };
}
