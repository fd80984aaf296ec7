import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultScenario } from "../sim/defaults";
import type { Scenario } from "../sim/types";
import { resetAppStore, useAppStore } from "./app-store";
import { compareRun } from "./compare";
import { openScenario } from "./open-scenario";
import { resetPlayback } from "./playback";
import { BACKGROUND_OPS, type Run, runScenario } from "./run";

interface Pending {
  scenario: Scenario;
  resolve: (run: Run) => void;
  reject: (e: Error) => void;
}
const pending: Pending[] = [];

// The worker itself is exercised in the browser (e2e); here it is a promise the test settles.
vi.mock("./run-remote", () => ({
  runInBackground: (scenario: Scenario) =>
    new Promise<Run>((resolve, reject) => pending.push({ scenario, resolve, reject })),
}));

function heavy(seed: number): Scenario {
  const s = defaultScenario();
  s.seed = seed;
  if (s.workload.kind !== "generated") throw new Error("default is generated");
  s.workload.writes = BACKGROUND_OPS;
  return s;
}

/** Waits out the tasks a run from the worker takes to show (its warm-up: a task per index, warm-up.ts). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(() => {
  pending.length = 0;
  resetAppStore();
  resetPlayback();
});

describe("big scenarios run in the background", () => {
  it("shows the new scenario at once, the previous run until the new one arrives, then the new run", async () => {
    const before = useAppStore.getState().trace;
    const big = heavy(3);
    useAppStore.getState().setScenario(big);
    let state = useAppStore.getState();
    expect(state.computing).toBe(true);
    expect(state.scenario).toBe(big);
    expect(state.trace).toBe(before);
    expect(pending).toHaveLength(1);

    const run = runScenario(big);
    pending[0].resolve(run);
    await settle();
    state = useAppStore.getState();
    expect(state.computing).toBe(false);
    expect(state.trace.traceHash).toBe(run.trace.traceHash);
    expect(state.report).toBe(run.report);
  });

  it("drops a background run that finishes after a newer change", async () => {
    useAppStore.getState().setScenario(heavy(3));
    const small = defaultScenario();
    small.seed = 9;
    useAppStore.getState().setScenario(small);
    const shown = useAppStore.getState().trace;
    expect(useAppStore.getState().computing).toBe(false);

    pending[0].resolve(runScenario(pending[0].scenario));
    await settle();
    expect(useAppStore.getState().trace).toBe(shown);
    expect(useAppStore.getState().scenario).toBe(small);

    useAppStore.getState().setScenario(heavy(4));
    useAppStore.getState().loadPreset("kleppmann-race");
    pending[1].resolve(runScenario(pending[1].scenario));
    await settle();
    expect(useAppStore.getState().presetName).toBe("kleppmann-race");
    expect(useAppStore.getState().trace.scenario.name).toBe("kleppmann-race");
  });

  it("runs the scenario here after all when the worker fails", async () => {
    const big = heavy(5);
    useAppStore.getState().setScenario(big);
    pending[0].reject(new Error("worker gone"));
    await settle();
    const state = useAppStore.getState();
    expect(state.computing).toBe(false);
    expect(state.trace.scenario).toBe(big);
    expect(state.trace.traceHash).toBe(runScenario(big).trace.traceHash);
  });

  it("a big link's playhead is applied when its run arrives, not clamped to the previous run", async () => {
    const big = heavy(6);
    const previousEnd = useAppStore.getState().trace.endTime;
    const run = runScenario(big);
    const wanted = Math.round((previousEnd + run.trace.endTime) / 2);
    expect(wanted).toBeGreaterThan(previousEnd);
    openScenario(big, { playhead: wanted });
    expect(useAppStore.getState().computing).toBe(true);
    pending[0].resolve(run);
    await settle();
    expect(useAppStore.getState().computing).toBe(false);
    expect(useAppStore.getState().playhead).toBe(wanted);
  });

  it("a stale big run whose worker fails is not run here (nobody waits for it)", async () => {
    useAppStore.getState().setScenario(heavy(7));
    const small = defaultScenario();
    small.seed = 11;
    useAppStore.getState().setScenario(small);
    const shown = useAppStore.getState().trace;
    pending[0].reject(new Error("worker gone"));
    await settle();
    expect(useAppStore.getState().trace).toBe(shown);
    expect(useAppStore.getState().computing).toBe(false);
  });
});

describe("compare mode's other strategy goes through the same door", () => {
  it("runs a big scenario's other strategy in the background, once, then hands out the run itself", async () => {
    const big = heavy(8);
    const own = runScenario(big);
    const other = big.strategy === "log" ? "dual-write" : "log";
    const first = compareRun(big, own, other);
    expect(first).toBeInstanceOf(Promise);
    expect(pending).toHaveLength(1);
    expect(pending[0].scenario.strategy).toBe(other);
    expect(compareRun(big, own, other)).toBe(first);
    expect(pending).toHaveLength(1);
    const run = runScenario(pending[0].scenario);
    pending[0].resolve(run);
    await expect(first).resolves.toBe(run);
    await settle();
    expect(compareRun(big, own, other)).toBe(run);
  });

  it("a small scenario's other strategy runs at once", () => {
    const small = defaultScenario();
    const own = runScenario(small);
    const other = small.strategy === "log" ? "dual-write" : "log";
    const run = compareRun(small, own, other);
    expect(run).not.toBeInstanceOf(Promise);
    expect(pending).toHaveLength(0);
  });
});
