import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { playback } from "../app/playback";
import { defaultScenario } from "../sim/defaults";
import { eventsOf } from "../sim/event-reader";
import type { Scenario } from "../sim/types";
import { exposeRenderStats } from "./timeline/render-stats";

/**
 * `?bench=timeline&writes=1500`: load a run big enough to stress the timeline
 * (about 40 events per write under `log`), park the playhead at its end so
 * every mark is drawn, and expose the timeline's render figures. Used by
 * `src/cli/bench-ui.ts`; a person can open the same URL to see the big run.
 * Lives in src/ui, not src/app, because it reaches into the timeline's stats.
 */
export function benchScenario(writes: number): Scenario {
  const s = defaultScenario();
  s.name = `bench-${writes}`;
  s.strategy = "log";
  if (s.workload.kind === "generated") {
    s.workload.writes = writes;
    // Faster than the default rate so 1,500 writes fit in a few simulated minutes.
    s.workload.ratePerSec = 100;
  }
  s.caps = { maxEvents: 500_000, maxTimeMs: 600_000 };
  return s;
}

declare global {
  interface Window {
    /** Set once the bench run is loaded: what the driver reports as "events". */
    __bench?: { events: number };
  }
}

const MAX_BENCH_WRITES = 5_000;

export function startBenchMode(search: string): boolean {
  const q = new URLSearchParams(search);
  if (q.get("bench") !== "timeline") return false;
  const asked = Number(q.get("writes") ?? 1500);
  const writes = Number.isFinite(asked) ? Math.max(1, Math.min(MAX_BENCH_WRITES, asked)) : 1500;
  exposeRenderStats();
  actions.loadScenario(benchScenario(Math.round(writes)));
  // A big run comes back from the run worker: report it once it is on show.
  actions.whenShown(() => {
    const { trace } = useAppStore.getState();
    playback.send({ type: "SEEK", t: trace.endTime });
    window.__bench = { events: eventsOf(trace).length };
  });
  return true;
}

// Imported for its effect from main.tsx, so that entry point stays one line longer only.
if (typeof window !== "undefined") startBenchMode(window.location.search);
