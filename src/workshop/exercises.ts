/**
 * Workshop exercises: a goal a learner reaches by editing a scenario in the
 * app, checked by simulating it and running the checkers, so "solved" means
 * the run shows what the goal asks for, not that the answer matches a key.
 */
import { type AnomalyKind, check, countByKind } from "../check/index";
import { presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import type { LinkOptions, LogOptions, Scenario, Trace } from "../sim/types";
import { describeEntry } from "./shrink";

export interface Verdict {
  ok: boolean;
  /** One sentence the learner reads: what the run showed, or what is still missing. */
  reason: string;
}

export interface Exercise {
  id: string;
  title: string;
  /** What to achieve, for the learner. */
  goal: string;
  hint: string;
  /** What the exercise teaches, for the facilitator's guide. */
  teaches: string;
  /** A fresh copy each call. It does not meet the goal. */
  start: () => Scenario;
  /** A reference answer (for tests and the facilitator). */
  solution: () => Scenario;
  verify: (s: Scenario) => Verdict;
}

interface Run {
  trace: Trace;
  counts: Record<AnomalyKind, number>;
}

function run(s: Scenario): Run {
  const trace = simulate(s);
  return { trace, counts: countByKind(check(trace).anomalies) };
}

const pass = (reason: string): Verdict => ({ ok: true, reason });
const fail = (reason: string): Verdict => ({ ok: false, reason });

function preset(name: string): Scenario {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`exercises: preset ${name} is missing`);
  return s;
}

function named(s: Scenario, id: string): Scenario {
  return { ...s, name: `exercise: ${id}` };
}

const RATE_FIELDS = ["dropRate", "duplicateRate", "reorderRate"] as const;

/** True when no link (default or override) loses, duplicates or reorders messages. */
function reliableNetwork(s: Scenario): boolean {
  const links: Array<Partial<LinkOptions>> = [s.network.default, ...Object.values(s.network.links)];
  return links.every((l) => RATE_FIELDS.every((f) => (l[f] ?? 0) === 0));
}

/** Deep equality that ignores key order: a scenario back from a link has its keys sorted. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function changedLogFields(a: LogOptions, b: LogOptions): Array<keyof LogOptions> {
  return (Object.keys(a) as Array<keyof LogOptions>).filter((k) => a[k] !== b[k]);
}

const oneFaultStart = (): Scenario =>
  named({ ...preset("crash-between-writes"), schedule: [] }, "one-fault");

const failoverStart = (): Scenario => named(preset("acks-all-leader-failover"), "lost-ack");

const staleStart = (): Scenario => {
  const s = preset("default");
  s.network.default = { ...s.network.default, dropRate: 0, reorderRate: 0 };
  if (s.workload.kind === "generated") s.workload.readRate = 0.5;
  return named(s, "stale-read");
};

const rebuildStart = (): Scenario =>
  named({ ...preset("log-replay"), strategy: "dual-write" }, "rebuild");

const incrStart = (): Scenario =>
  named({ ...preset("consumer-crash-incr"), schedule: [] }, "incr-double");

const incrFixStart = (): Scenario => named(preset("consumer-crash-incr"), "incr-fix");

const raceStart = (): Scenario => named(preset("kleppmann-race"), "cdc-race");

export const EXERCISES: readonly Exercise[] = [
  {
    id: "one-fault",
    title: "Break atomicity with one fault",
    goal: "Under dual writes, on a reliable network, add exactly one fault to the schedule so that a write lands in some stores and not in others.",
    hint: "The client writes db, then cache, then search. Crash client-1 just after the db acknowledged (around 18 ms), or cut it off from one store.",
    teaches:
      "Dual writes have no atomicity: any crash or partition between two writes leaves stores disagreeing for good (chapter 5).",
    start: oneFaultStart,
    solution: () => ({
      ...oneFaultStart(),
      schedule: [{ at: 18, kind: "crash", node: "client-1", restartAt: 200 }],
    }),
    verify(s) {
      if (s.strategy !== "dual-write")
        return fail(`Keep the strategy dual-write (it is ${s.strategy}).`);
      if (!reliableNetwork(s))
        return fail(
          "Keep the network reliable (no drops, duplicates or reordering): the one fault must be in the schedule.",
        );
      if (s.schedule.length !== 1)
        return fail(`Use exactly one fault: the schedule has ${s.schedule.length} entries.`);
      const n = run(s).counts.atomicity;
      if (n === 0)
        return fail(
          `The ${describeEntry(s.schedule[0])} left every write complete; strike between the db and the other stores.`,
        );
      return pass(`One ${describeEntry(s.schedule[0])} left ${n} partial write(s).`);
    },
  },
  {
    id: "lost-ack",
    title: "Lose an acknowledged write",
    goal: 'The leader broker crashes before its followers copy x = A. Change exactly one log setting so that the client is told "ok" and the write is lost anyway.',
    hint: 'Who has to have a record before the producer hears "acknowledged"? Look at acks.',
    teaches:
      "Durability in a log comes from replication: acks=all over min.insync.replicas; acks=1 (or 0) acknowledges what one disk, or nobody, has (chapter 6).",
    start: failoverStart,
    solution: () => {
      const s = failoverStart();
      return { ...s, log: { ...s.log, acks: 1 } };
    },
    verify(s) {
      const start = failoverStart();
      if (s.strategy !== "log") return fail(`Keep the strategy log (it is ${s.strategy}).`);
      if (
        !same(s.schedule, start.schedule) ||
        !same(s.workload, start.workload) ||
        !same(s.network, start.network)
      )
        return fail(
          "Keep the faults, the writes and the network as they are; change only the log settings.",
        );
      const changed = changedLogFields(start.log, s.log);
      if (changed.length !== 1)
        return fail(
          `Change exactly one log setting (${changed.length === 0 ? "none changed" : `changed: ${changed.join(", ")}`}).`,
        );
      const n = run(s).counts.durability;
      if (n === 0)
        return fail(
          `With ${changed[0]} = ${String(s.log[changed[0]])} no acknowledged write is lost.`,
        );
      return pass(
        `With ${changed[0]} = ${String(s.log[changed[0]])} the client was told ok and ${n} write(s) vanished with the leader.`,
      );
    },
  },
  {
    id: "stale-read",
    title: "Make the cache serve a stale read",
    goal: "Clients read from the cache after writing. Change how writes travel so that a client reads a value older than the one it was just told was written.",
    hint: "Sequential dual writes acknowledge only after the cache has the value. Which strategy acknowledges once the db has it and updates the cache later?",
    teaches:
      "Asynchronous propagation (the log, CDC) gives up read-your-writes on derived stores: they lag the system of record, so read from the db or wait for the offset.",
    start: staleStart,
    solution: () => ({ ...staleStart(), strategy: "cdc" }),
    verify(s) {
      if (!s.stores.includes("cache")) return fail("Keep the cache: reads go to it.");
      const reads =
        s.workload.kind === "generated"
          ? s.workload.readRate > 0
          : s.workload.ops.some((o) => o.op === "read");
      if (!reads) return fail("Nobody reads: give the workload reads (read rate above 0).");
      const n = run(s).counts["stale-read"];
      if (n === 0) return fail("Every read saw the reader's own latest write.");
      return pass(`${n} read(s) returned a value older than the reader's own acknowledged write.`);
    },
  },
  {
    id: "rebuild",
    title: "Rebuild the search index from history",
    goal: "A search index joins at 500 ms, after six writes. Make it end with exactly what the db has, without writing those six again.",
    hint: "Under dual writes a late store only sees writes made after it joined. Which strategy keeps the history so a new store can replay it?",
    teaches:
      "A log is the history of every change: a new derived store is built by replaying it from offset 0 (chapter 6–7, turning the database inside out).",
    start: rebuildStart,
    solution: () => ({ ...rebuildStart(), strategy: "log" }),
    verify(s) {
      if (!s.schedule.some((e) => e.kind === "add-store" && e.store === "search"))
        return fail("Keep search joining late (an add-store search entry in the schedule).");
      if (s.strategy === "single-db")
        return fail(
          "single-db indexes inside the db itself; rebuild a separate store from history instead.",
        );
      const { db = {}, search = {} } = run(s).trace.final.stores;
      const missing = Object.keys(db).filter((k) => search[k] !== db[k]);
      if (Object.keys(db).length === 0) return fail("The db holds nothing to rebuild from.");
      if (missing.length > 0) return fail(`search differs from the db on ${missing.join(", ")}.`);
      return pass(
        `search joined late and ended with all ${Object.keys(db).length} keys the db has.`,
      );
    },
  },
  {
    id: "incr-double",
    title: "Make incr count twice",
    goal: "Ten increments of x flow through the log to the cache. Crash the cache's consumer so that it applies an increment twice.",
    hint: "A consumer that commits its offset after applying replays what it applied but had not committed. Keep it down until 300 ms, then crash it again about 15 ms into its first batch.",
    teaches:
      "At-least-once delivery plus a non-idempotent operation is a double count: offsets resume where a consumer left off, but only as precisely as it committed them.",
    start: incrStart,
    solution: incrFixStart,
    verify(s) {
      if (s.strategy !== "log") return fail(`Keep the strategy log (it is ${s.strategy}).`);
      if (!reliableNetwork(s))
        return fail("Keep the network reliable: the double count must come from a crash.");
      const n = run(s).counts.duplicate;
      if (n === 0) return fail("Every increment was applied once.");
      return pass(`${n} increment(s) were applied twice by one store.`);
    },
  },
  {
    id: "incr-fix",
    title: "Fix the double count with a commit policy",
    goal: "Keep the consumer crashes and change only when the consumer commits its offset, so that every increment counts exactly once and the cache agrees with the db.",
    hint: "before-apply loses increments, after-apply repeats them; one policy stores the offset together with the state.",
    teaches:
      "Exactly-once effects need the offset and the state to change atomically (a transaction, or an idempotent apply).",
    start: incrFixStart,
    solution: () => {
      const s = incrFixStart();
      return { ...s, log: { ...s.log, commit: "atomic" } };
    },
    verify(s) {
      const start = incrFixStart();
      if (s.strategy !== "log") return fail(`Keep the strategy log (it is ${s.strategy}).`);
      if (!same(s.schedule, start.schedule) || !same(s.workload, start.workload))
        return fail("Keep the crashes and the increments as they are.");
      const c = run(s).counts;
      if (c.duplicate > 0)
        return fail(`${c.duplicate} increment(s) still count twice (commit: ${s.log.commit}).`);
      if (c.atomicity + c.consistency > 0)
        return fail(
          `No double count, but the cache lost increments or disagrees with the db (commit: ${s.log.commit}).`,
        );
      return pass(
        `With commit ${s.log.commit} every increment counts exactly once, crashes and all.`,
      );
    },
  },
  {
    id: "cdc-race",
    title: "Let CDC settle the Kleppmann race",
    goal: "Two clients set x to A and B 2 ms apart and client 1's path to search is slow, so db and search disagree. Keep the slow link and make them agree.",
    hint: "Let clients write only the db and publish its commits, in the db's order, to the other stores.",
    teaches:
      "One order for every consumer: when derived stores follow the db's commit log they apply racing writes in the same order the db did.",
    start: raceStart,
    solution: () => ({ ...raceStart(), strategy: "cdc" }),
    verify(s) {
      const slow = s.network.links["client-1->search"]?.delayMsMin ?? s.network.default.delayMsMin;
      if (slow < 40)
        return fail("Keep client 1's path to search slow (client-1->search at least 40 ms).");
      if (s.strategy !== "cdc")
        return fail(`Show it with change data capture (strategy cdc; it is ${s.strategy}).`);
      const c = run(s).counts;
      if (c.isolation + c.consistency > 0)
        return fail("db and search still apply the race in different orders.");
      return pass("db and search applied A and B in the same order and agree.");
    },
  },
];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
