import { DEFAULT_LINK, defaultScenario } from "./defaults";
import type { Scenario, ScriptOp } from "./types";

export interface Preset {
  name: string;
  /** One line a person reads in the Scenario menu. */
  description: string;
  scenario: Scenario;
}

/** A quiet network with a fixed 5 ms delay, so a talk's story plays the same way every time. */
const steady = { ...DEFAULT_LINK, delayMsMin: 5, delayMsMax: 5 };

function scripted(
  name: string,
  description: string,
  ops: ScriptOp[],
  patch: Partial<Scenario>,
): Scenario {
  return {
    ...defaultScenario(),
    name,
    description,
    network: { default: steady, links: {} },
    workload: { kind: "script", ops },
    ...patch,
  };
}

const sets = (
  client: number,
  key: string,
  values: string[],
  startMs: number,
  gapMs: number,
): ScriptOp[] =>
  values.map((value, i) => ({ at: startMs + i * gapMs, client, op: "set", key, value }));

function build(): Preset[] {
  const presets: Array<Omit<Preset, "scenario"> & { scenario: Scenario }> = [
    {
      name: "default",
      description:
        "Two clients write three keys to db, cache and search over a slightly lossy network.",
      scenario: defaultScenario(),
    },
    {
      name: "kleppmann-race",
      description:
        "Two clients set x to A and B at nearly the same time; with dual writes db and search disagree.",
      scenario: scripted(
        "kleppmann-race",
        "Client 1 sets x = A, client 2 sets x = B 2 ms later; client 1's path to search is slow.",
        [
          { at: 10, client: 1, op: "set", key: "x", value: "A" },
          { at: 12, client: 2, op: "set", key: "x", value: "B" },
        ],
        {
          stores: ["db", "search"],
          network: {
            default: steady,
            links: { "client-1->search": { delayMsMin: 40, delayMsMax: 40 } },
          },
        },
      ),
    },
    {
      name: "crash-between-writes",
      description: "A client crashes after writing the db and before writing cache and search.",
      scenario: scripted(
        "crash-between-writes",
        "Client 1 writes x = A, crashes at 18 ms (db acknowledged, cache not yet written), restarts at 200 ms.",
        [
          { at: 10, client: 1, op: "set", key: "x", value: "A" },
          { at: 300, client: 1, op: "set", key: "y", value: "B" },
        ],
        { clients: 1, schedule: [{ at: 18, kind: "crash", node: "client-1", restartAt: 200 }] },
      ),
    },
    {
      name: "log-replay",
      description:
        "A search index joins late and rebuilds itself by replaying the log from offset 0.",
      scenario: scripted(
        "log-replay",
        "Six writes reach db and cache; search joins at 500 ms, then two more writes follow.",
        [
          ...sets(1, "x", ["A", "D"], 10, 150),
          ...sets(2, "y", ["B", "E"], 40, 150),
          ...sets(1, "z", ["C", "F"], 80, 150),
          { at: 700, client: 1, op: "set", key: "x", value: "G" },
          { at: 720, client: 2, op: "set", key: "u", value: "H" },
        ],
        {
          strategy: "log",
          stores: ["db", "cache"],
          schedule: [{ at: 500, kind: "add-store", store: "search" }],
        },
      ),
    },
    {
      name: "acks1-leader-failover",
      description:
        "acks=1: the leader acknowledges x = A, then dies before any follower has it; A is lost.",
      scenario: failover("acks1-leader-failover", 1),
    },
    {
      name: "acks-all-leader-failover",
      description:
        "acks=all: the same leader failure, but nothing is acknowledged until the in-sync replicas have it.",
      scenario: failover("acks-all-leader-failover", "all"),
    },
    {
      name: "consumer-crash-incr",
      description:
        "The cache's consumer crashes mid-batch and replays increments it had already applied.",
      scenario: scripted(
        "consumer-crash-incr",
        "Ten increments of x; consumer-cache is down until 300 ms, then crashes again 15 ms into its first batch.",
        Array.from({ length: 10 }, (_, i) => ({
          at: 10 + i * 20,
          client: 1,
          op: "incr" as const,
          key: "x",
          value: 1,
        })),
        {
          strategy: "log",
          clients: 1,
          stores: ["db", "cache"],
          schedule: [
            { at: 1, kind: "crash", node: "consumer-cache", restartAt: 300 },
            { at: 315, kind: "crash", node: "consumer-cache", restartAt: 400 },
          ],
        },
      ),
    },
    {
      name: "cdc-outbox",
      description:
        "Clients write only the db; a connector publishes its commits through the log to cache and search.",
      scenario: scripted(
        "cdc-outbox",
        "The Kleppmann race again, under change data capture; the connector crashes once and re-sends what it had not flushed.",
        [
          { at: 10, client: 1, op: "set", key: "x", value: "A" },
          { at: 12, client: 2, op: "set", key: "x", value: "B" },
          ...sets(1, "y", ["C", "D", "E"], 60, 40),
          ...sets(2, "z", ["F", "G"], 80, 50),
        ],
        {
          strategy: "cdc",
          network: {
            default: steady,
            links: { "client-1->search": { delayMsMin: 40, delayMsMax: 40 } },
          },
          schedule: [{ at: 150, kind: "crash", node: "cdc", restartAt: 260 }],
        },
      ),
    },
  ];
  return presets;
}

/** FIDELITY §6.1: ack a record, lose the leader before any follower fetched it. */
function failover(name: string, acks: 1 | "all"): Scenario {
  const base = defaultScenario();
  return scripted(
    name,
    `acks=${acks}: broker-1 leads; its replies to followers are cut from 0 to 200 ms; it crashes at 40 ms and returns at 400 ms.`,
    [
      { at: 10, client: 1, op: "set", key: "x", value: "A" },
      { at: 300, client: 1, op: "set", key: "y", value: "B" },
    ],
    {
      strategy: "log",
      clients: 1,
      log: { ...base.log, acks },
      schedule: [
        {
          at: 0,
          kind: "partition",
          a: ["broker-1"],
          b: ["broker-2", "broker-3"],
          oneWay: true,
          until: 200,
        },
        { at: 40, kind: "crash", node: "broker-1", restartAt: 400 },
      ],
    },
  );
}

export const PRESETS: readonly Preset[] = build();
export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

/** A fresh copy of a preset's scenario, or undefined for an unknown name. */
export function presetScenario(name: string): Scenario | undefined {
  const preset = PRESETS.find((p) => p.name === name);
  return preset === undefined ? undefined : structuredClone(preset.scenario);
}
