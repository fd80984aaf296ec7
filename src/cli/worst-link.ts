import { defaultScenario } from "../sim/defaults";
import { type Scenario, STORE_NAMES } from "../sim/types";
import { LIMITS } from "../url/limits";

/**
 * The worst link the restore door accepts, for the page benches: every cap
 * the door checks at its limit where it adds work (writes, clients, brokers,
 * partitions, event and time caps), the log strategy (the most events per
 * write) and every store. The page stops it at its wall-clock budget
 * (`RUN_BUDGET_MS`, in the run worker), so what it costs the page is set by
 * how many events that budget buys: 0.1-0.35 million on a busy two-core
 * machine (the event cap, a million, is never reached).
 */
export function worstAcceptedScenario(): Scenario {
  const s = defaultScenario();
  s.name = "worst accepted link";
  s.seed = 7;
  s.strategy = "log";
  s.stores = [...STORE_NAMES];
  s.clients = LIMITS.clients;
  s.log = { ...s.log, brokers: LIMITS.brokers, partitions: LIMITS.partitions };
  s.workload = {
    kind: "generated",
    writes: LIMITS.writes,
    keys: 1_000,
    ratePerSec: 10_000,
    op: "set",
    readRate: 0,
    startMs: 10,
  };
  s.caps = { maxEvents: LIMITS.maxEvents, maxTimeMs: LIMITS.maxTimeMs };
  return s;
}
