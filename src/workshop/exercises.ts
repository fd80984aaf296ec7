/**
 * Workshop exercises: a goal a learner reaches by editing a scenario in the
 * app. A check judges the lesson, not only the outcome:
 *
 * 1. the scenario must come from the exercise's start (not a preset or
 *    another exercise's start that already holds the answer);
 * 2. it is compared with the start field by field, and anything changed
 *    beyond what the exercise allows is named, with why it is not the lesson;
 * 3. the run is judged on its outcome and on its mechanism (the duplicate at
 *    the crashed consumer's store while the log holds each record once, the
 *    late store replaying writes made before it joined, …);
 * 4. on several seeds, since the lesson must hold whatever the network's luck.
 */
import { type Anomaly, type AnomalyKind, check } from "../check/index";
import { eventsOf } from "../sim/event-reader";
import { PRESET_NAMES, presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import type { Scenario, ScheduleEntry, Trace } from "../sim/types";
import { entryPhrase } from "../url/schedule-text";
import type { ExerciseId } from "../url/workshop-names";
import {
  type Change,
  labelOf,
  pathAllowed,
  type ScheduleDiff,
  scenarioChanges,
  scheduleDiff,
} from "./scenario-diff";

export interface Verdict {
  ok: boolean;
  /** What the run showed, or what is still missing or wrong, for the learner to read. */
  reason: string;
}

export interface Exercise {
  id: ExerciseId;
  /** 1-based, as the app and the guide number it. */
  number: number;
  title: string;
  /** What to achieve, for the learner. */
  goal: string;
  /** Which part of the scenario the learner may change; everything else must stay as it started. */
  mayChange: string;
  hint: string;
  /** What the exercise teaches, for the facilitator's guide. */
  teaches: string;
  /** A fresh copy each call. It does not meet the goal. */
  start: () => Scenario;
  /** A reference answer, reachable with the app's controls (for tests and the facilitator). */
  solution: () => Scenario;
  /** Checks a scenario, simulating here without a budget (tests, the CLI). */
  verify: (s: Scenario) => Verdict;
  /**
   * The same check, with every run asked of `run` (the page passes its
   * budgeted run door, so an oversized scenario is cut short, not run on the
   * main thread). A run cut short by the budget fails the check.
   */
  verifyWith: (s: Scenario, run: Runner) => Promise<Verdict>;
}

/** Simulates and checks one scenario (its own seed) and hands back the run. */
export type Runner = (s: Scenario) => Promise<Run>;

/** A check in steps: it yields each scenario it needs run and receives the run. */
type Steps<T> = Generator<Scenario, T, Run>;

/** How many seeds a check runs: the learner's (the start's) and the next ones. */
export const CHECK_SEEDS = 5;

/** One checked run. */
export interface Run {
  seed: number;
  trace: Trace;
  anomalies: Anomaly[];
}

interface Spec {
  id: ExerciseId;
  title: string;
  goal: string;
  mayChange: string;
  hint: string;
  teaches: string;
  start: () => Scenario;
  solution: (start: Scenario) => Scenario;
  /** Paths the learner may change (a path allows everything under it). */
  fields: readonly string[];
  /** How the schedule may change: a reason when this change is not allowed. Absent: not at all. */
  schedule?: (d: ScheduleDiff) => string | null;
  /** Why changing a path (or anything under it) is not this lesson, keyed by path. */
  whyNot?: Readonly<Record<string, string>>;
  /** A reason the allowed change cannot be right before running anything. */
  precheck?: (s: Scenario) => string | null;
  /** Judges one run of the submitted scenario. */
  judge: (run: Run, s: Scenario, start: Scenario) => Verdict;
  /** A remark added to a pass (e.g. which changed setting played no part); may ask for runs. */
  note?: (s: Scenario, start: Scenario) => Steps<string>;
}

const pass = (reason: string): Verdict => ({ ok: true, reason });
const fail = (reason: string): Verdict => ({ ok: false, reason });

function preset(name: string): Scenario {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`exercises: preset ${name} is missing`);
  return s;
}

const startName = (id: string): string => `exercise: ${id}`;

function named(s: Scenario, id: ExerciseId): Scenario {
  return { ...s, name: startName(id) };
}

/** Simulates and checks one seed of a scenario. */
export function runSeed(s: Scenario, seed: number): Run {
  const trace = simulate({ ...s, seed });
  return { seed, trace, anomalies: check(trace).anomalies };
}

const ofKind = (run: Run, kind: AnomalyKind): Anomaly[] =>
  run.anomalies.filter((a) => a.kind === kind);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** Entries of `s`'s schedule that are not in the start's. */
const addedEntries = (s: Scenario, start: Scenario): ScheduleEntry[] =>
  scheduleDiff(start.schedule, s.schedule).added;

// --- starting scenarios --------------------------------------------------

const oneFaultStart = (): Scenario =>
  named({ ...preset("crash-between-writes"), schedule: [] }, "one-fault");

const failoverStart = (): Scenario => named(preset("acks-all-leader-failover"), "lost-ack");

/**
 * One client writes x six times, each write followed at once by a read of x
 * from the cache (a client handles one operation at a time, so the read
 * starts when the write is acknowledged). The network is reliable with
 * random delays: the seed moves timings, never the lesson.
 */
const staleStart = (): Scenario => {
  const s = preset("default");
  const values = ["A", "B", "C", "D", "E", "F"];
  return named(
    {
      ...s,
      description:
        "Client 1 writes x six times, 100 ms apart, and reads x from the cache right after each write.",
      clients: 1,
      network: { default: { ...s.network.default, dropRate: 0, reorderRate: 0 }, links: {} },
      workload: {
        kind: "script",
        ops: values.flatMap((value, i) => [
          { at: 10 + i * 100, client: 1, op: "set" as const, key: "x", value },
          { at: 11 + i * 100, client: 1, op: "read" as const, key: "x" },
        ]),
      },
    },
    "stale-read",
  );
};

const rebuildStart = (): Scenario =>
  named({ ...preset("log-replay"), strategy: "dual-write" }, "rebuild");

const incrStart = (): Scenario =>
  named({ ...preset("consumer-crash-incr"), schedule: [] }, "incr-double");

const incrFixStart = (): Scenario => named(preset("consumer-crash-incr"), "incr-fix");

const raceStart = (): Scenario => named(preset("kleppmann-race"), "cdc-race");

// --- explanations shared by several exercises -----------------------------

const SEED_WHY = (start: Scenario) =>
  `The seed only picks the network's luck, and this lesson must hold without it: put the seed back to ${start.seed}.`;
const NETWORK_WHY =
  "The network is part of the set-up: a different timing only dodges the moment the exercise is about.";

// --- the exercises ----------------------------------------------------------

const SPECS: Spec[] = [
  {
    id: "one-fault",
    title: "Break atomicity with one fault",
    goal: "Under dual writes, on a reliable network, add exactly one fault to the schedule so that a write lands in some stores and not in others, for good.",
    mayChange:
      "Add exactly one fault (one crash or one partition) to the schedule; change nothing else.",
    hint: "The client writes db, then cache, then search. Pause just after the db acknowledged x = A (about 18 ms) and crash client-1, or cut it off from the cache.",
    teaches:
      "Dual writes have no atomicity: any crash or partition between two writes leaves stores disagreeing for good (chapter 5).",
    start: oneFaultStart,
    solution: (s) => ({ ...s, schedule: [{ at: 18, kind: "crash", node: "client-1" }] }),
    fields: [],
    schedule(d) {
      if (d.removed.length > 0) return "Keep the schedule's entries and add one fault.";
      if (d.added.length !== 1)
        return `Add exactly one fault: the schedule has ${plural(d.added.length, "new entry", "new entries")} (${d.added.map(entryPhrase).join("; ")}).`;
      const e = d.added[0];
      if (e.kind === "heal")
        return "A heal is not a fault: it ends partitions, and nothing is partitioned here. Add one crash or one partition instead.";
      if (e.kind === "restart")
        return "A restart is not a fault (nothing crashed). Add one crash or one partition instead.";
      if (e.kind === "add-store")
        return "A store joining late is not a fault. Add one crash or one partition instead.";
      return null;
    },
    whyNot: {
      network:
        "The network must stay reliable and as it was: the partial write must come from your one fault, not from lost, slow or repeated messages.",
      strategy: "Keep dual writes: they are what the fault breaks.",
    },
    judge(run, s, start) {
      const fault = addedEntries(s, start)[0];
      const what = fault === undefined ? "fault" : entryPhrase(fault);
      const atomicity = ofKind(run, "atomicity");
      const lasting = atomicity.filter((a) => a.state !== "healed");
      if (lasting.length > 0)
        return pass(
          `One ${what} left ${plural(lasting.length, "write")} in some stores and not in others, for good. ${lasting[0].explanation}`,
        );
      if (atomicity.length > 0)
        return fail(
          `After the ${what} the stores disagreed only until a retry healed it. Strike so that a write never reaches the other stores.`,
        );
      return fail(
        `The ${what} left every write complete. Strike between the db's acknowledgement and the cache's write: the client writes db, then cache, then search.`,
      );
    },
  },
  {
    id: "lost-ack",
    title: "Lose an acknowledged write",
    goal: 'The leader broker crashes before its followers copy x = A. Change the log\'s settings so that the client is told "ok" and the write is lost anyway.',
    mayChange:
      "Change only the log's settings (Log: acks, min.insync.replicas, unclean leader election); keep the faults, the writes, the stores, the network and the seed.",
    hint: 'Who has to have a record before the producer hears "acknowledged"? Look at acks in the Log group of Break it live.',
    teaches:
      "Durability in a log comes from replication: acks=all over min.insync.replicas; acks=1 (or 0) acknowledges what one disk, or nobody, has (chapter 6).",
    start: failoverStart,
    solution: (s) => ({ ...s, log: { ...s.log, acks: 1 } }),
    fields: ["log.acks", "log.minInsyncReplicas", "log.uncleanLeaderElection"],
    whyNot: {
      log: "Only acks, min.insync.replicas and unclean leader election decide what an acknowledgement promises here.",
      strategy: "Keep the log: the lesson is what its acknowledgement promises.",
      dedupe:
        "Deduplication changes how often a write applies, not whether an acknowledged one survives.",
    },
    judge(run, s) {
      const lost = ofKind(run, "durability");
      if (lost.length > 0)
        return pass(
          `With ${logSettings(s)} the client was told ok and the write vanished when a follower without it became leader. ${lost[0].explanation}`,
        );
      if (s.log.acks === "all")
        return fail(
          `With acks=all the leader acknowledges only once every in-sync replica has the record; here the followers are still in sync when it dies, so x = A is never acknowledged before the crash and is written again to the new leader. (min.insync.replicas matters only once the in-sync set shrinks; unclean election only when no in-sync replica is alive.)`,
        );
      return fail(`With ${logSettings(s)} no acknowledged write was lost.`);
    },
    *note(s, start) {
      // A setting changed beside the one that matters: say it played no part.
      const changed = (["minInsyncReplicas", "uncleanLeaderElection", "acks"] as const).filter(
        (k) => s.log[k] !== start.log[k],
      );
      if (changed.length < 2) return "";
      const idle: typeof changed = [];
      for (const k of changed) {
        const without = { ...s, log: { ...s.log, [k]: start.log[k] } };
        if (ofKind(yield without, "durability").length > 0) idle.push(k);
      }
      return idle.length === 0
        ? ""
        : ` (${list(idle.map((k) => labelOf(`log.${k}`)))} played no part: the write is lost without ${idle.length === 1 ? "that change" : "those changes"} too.)`;
    },
  },
  {
    id: "stale-read",
    title: "Make the cache serve a stale read",
    goal: "Client 1 writes x and then reads it from the cache, six times. Change how writes travel so that the client reads a value older than the one it was just told was written.",
    mayChange:
      "Change only how writes travel: the strategy, or the dual-write options (write order, when the caller is told “done”).",
    hint: "Sequential dual writes acknowledge only after the cache has the value. Which way of writing tells the client “done” once the db has it and updates the cache later?",
    teaches:
      "Asynchronous propagation (CDC, write-behind, the log) gives up read-your-writes on derived stores: they lag the system of record, so read from the db or wait for the position.",
    start: staleStart,
    solution: (s) => ({ ...s, strategy: "cdc" }),
    fields: ["strategy", "dualWrite.order", "dualWrite.ackAfter"],
    judge(run, s) {
      const stale = ofKind(run, "stale-read");
      if (stale.length > 0)
        return pass(
          `${plural(stale.length, "read")} returned a value older than the reader's own acknowledged write. ${stale[0].explanation}`,
        );
      if (s.strategy === "single-db")
        return fail(
          "single-db changes the cache inside the db's own transaction, so the client is told “done” only when the cache has the value.",
        );
      if (s.strategy === "log")
        return fail(
          "Under the log the client's ack waits for the in-sync replicas, and the cache's consumer usually applies the record before the read arrives: every read saw its own write. The gap is real but short; which way of writing acknowledges as soon as the db commits?",
        );
      if (s.strategy === "dual-write" && (s.dualWrite.ackAfter ?? "all") === "all")
        return fail(
          "The client is told “done” only after every store, the cache too, accepted the write, so every read sees it.",
        );
      return fail("Every read saw the reader's own latest write.");
    },
  },
  {
    id: "rebuild",
    title: "Rebuild the search index from history",
    goal: "A search index joins at 500 ms, after six writes. Make it end with exactly what the db has, without writing those six again.",
    mayChange: "Change only the strategy; keep the writes and search joining late.",
    hint: "Under dual writes a late store only sees writes made after it joined. Which strategy keeps the history so a new store can replay it?",
    teaches:
      "A log is the history of every change: a new derived store is built by replaying it from offset 0 (chapters 6–7, turning the database inside out).",
    start: rebuildStart,
    solution: (s) => ({ ...s, strategy: "log" }),
    fields: ["strategy"],
    precheck: (s) =>
      s.strategy === "single-db"
        ? "single-db keeps search inside the db itself; rebuild a separate store from history instead."
        : null,
    judge(run, s) {
      const { db = {}, search = {} } = run.trace.final.stores;
      const keys = Object.keys(db);
      if (keys.length === 0) return fail("The db holds nothing to rebuild from.");
      const missing = keys.filter((k) => search[k] !== db[k]);
      if (missing.length > 0)
        return fail(
          `search differs from the db on ${list(missing)}: under ${s.strategy} a store that joins late only sees the writes made after it joined.`,
        );
      const joinAt = s.schedule.find((e) => e.kind === "add-store" && e.store === "search")?.at;
      const earlier = new Set(
        run.trace.writes.filter((w) => joinAt !== undefined && w.at < joinAt).map((w) => w.id),
      );
      const replayed = new Set<number>();
      const events = eventsOf(run.trace);
      for (let i = 0; i < events.length; i++) {
        const w = events.write(i);
        if (
          events.type(i) === "apply" &&
          events.node(i) === "search" &&
          w !== undefined &&
          earlier.has(w)
        )
          replayed.add(w);
      }
      if (replayed.size === 0)
        return fail(
          "search ends like the db, but it never applied the writes made before it joined.",
        );
      return pass(
        `search joined at ${joinAt} ms, replayed the ${plural(replayed.size, "write")} made before it from history, and ends with all ${plural(keys.length, "key")} the db has.`,
      );
    },
  },
  {
    id: "incr-double",
    title: "Make increments count twice",
    goal: "Ten increments of x flow through the log to the cache. Crash the cache's consumer so that it applies an increment twice.",
    mayChange: "Only crash (and restart) a consumer, in the schedule; change nothing else.",
    hint: "consumer-cache commits its offset after applying a batch (after-apply). Pause at 33 ms, when it has applied the first increment but not yet committed (at 34 ms), crash consumer-cache there, then move the playhead on (to 100 ms, say) and restart it.",
    teaches:
      "At-least-once delivery plus a non-idempotent operation is a double count: offsets resume where a consumer left off, but only as precisely as it committed them.",
    start: incrStart,
    solution: (s) => ({
      ...s,
      schedule: [
        { at: 33, kind: "crash", node: "consumer-cache" },
        { at: 100, kind: "restart", node: "consumer-cache" },
      ],
    }),
    fields: [],
    schedule(d) {
      if (d.added.length === 0) return "Crash a consumer: add a crash of consumer-cache.";
      for (const e of d.added) {
        if (e.kind !== "crash" && e.kind !== "restart")
          return `Only a consumer's crash counts here, and the ${entryPhrase(e)} is not one: the network stays reliable.`;
        if (!e.node.startsWith("consumer-"))
          return `Only a consumer's crash counts here, and ${e.node} is not a consumer. ${
            e.node.startsWith("broker")
              ? "Crashing a broker makes the producer retry, so the log itself holds an increment twice: the idempotent producer's lesson, not this one."
              : "Crash the consumer that reads the log for the cache (consumer-cache)."
          }`;
      }
      if (!d.added.some((e) => e.kind === "crash"))
        return "A restart alone crashes nothing: add a crash of consumer-cache.";
      return null;
    },
    judge(run, s, start) {
      const added = addedEntries(s, start);
      const crashes = added.filter((e) => e.kind === "crash");
      const crashed = new Set(crashes.map((e) => e.node.replace(/^consumer-/, "")));
      const twice = ofKind(run, "duplicate").filter((a) => a.stores.some((x) => crashed.has(x)));
      const inLog = run.trace.final.log.flat();
      if (new Set(inLog).size !== inLog.length)
        return fail(
          "The log itself holds an increment twice (a producer retry): the double count must come from the consumer replaying, not from the log.",
        );
      const last = crashes[crashes.length - 1];
      const back =
        last !== undefined &&
        (last.restartAt !== undefined ||
          added.some((e) => e.kind === "restart" && e.node === last.node && e.at > last.at));
      if (twice.length === 0 && !back)
        return fail(
          `${last?.node ?? "The consumer"} never comes back after its crash, so it replays nothing: restart it (Restart node) a little later, and it resumes from the offset it last committed.`,
        );
      if (twice.length === 0)
        return fail(
          `Every increment was applied once. Crash the consumer after it applies a record and before it commits the offset (watch consumer-cache's apply and commit-offset events).`,
        );
      return pass(
        `The consumer crashed after applying and before committing its offset; on restart it read again from the old offset, so ${plural(twice.length, "increment")} counted twice while the log holds each once. ${twice[0].explanation}`,
      );
    },
  },
  {
    id: "incr-fix",
    title: "Fix the double count with a commit policy",
    goal: "Keep the consumer crashes and change only when the consumer commits its offset, so that every increment counts exactly once and the cache agrees with the db.",
    mayChange:
      "Change only the commit policy (Log: commit); keep the crashes, the increments, the network and the seed.",
    hint: "before-apply loses increments, after-apply repeats them; one policy stores the offset together with the state.",
    teaches:
      "Exactly-once effects need the offset and the state to change atomically (a transaction, or an idempotent apply).",
    start: incrFixStart,
    solution: (s) => ({ ...s, log: { ...s.log, commit: "atomic" } }),
    fields: ["log.commit"],
    whyNot: {
      dedupe:
        "Deduplicate retries also stops the double count (the consumer skips offsets its store already applied), a fine fix in production; this exercise asks what the commit policy alone does, so turn it off.",
      network:
        "Moving the timing only dodges this crash: the next crash in the same window counts twice again. Put the network back.",
      workload: "Keep the ten increments.",
      log: "Only the commit policy is the lesson here.",
    },
    judge(run, s) {
      const twice = ofKind(run, "duplicate").length;
      if (twice > 0)
        return fail(
          `${plural(twice, "increment")} still count twice: with commit ${s.log.commit} a crash between applying and committing replays what was already applied.`,
        );
      const lost = ofKind(run, "atomicity").length + ofKind(run, "consistency").length;
      if (lost > 0)
        return fail(
          `No double count, but the cache lost increments and disagrees with the db: with commit ${s.log.commit} the offset moves on before the apply, so a crash skips what was never applied (at most once).`,
        );
      return pass(
        `With commit ${s.log.commit} the offset is stored with the cache's own state, so a crash rolls both back together: every increment counts exactly once, crashes and all.`,
      );
    },
  },
  {
    id: "cdc-race",
    title: "Let CDC settle the Kleppmann race",
    goal: "Two clients set x to A and B 2 ms apart and client 1's path to search is slow, so db and search disagree. Keep the slow link and make them agree with change data capture.",
    mayChange: "Change only the strategy; keep the slow link and the two writes.",
    hint: "Let clients write only the db and publish its commits, in the db's order, to the other stores.",
    teaches:
      "One order for every consumer: when derived stores follow the db's commit log they apply racing writes in the same order the db did.",
    start: raceStart,
    solution: (s) => ({ ...s, strategy: "cdc" }),
    fields: ["strategy"],
    whyNot: {
      network: "Keep the slow link: it is what makes the race.",
      versionedWrites:
        "Versioned writes settle it too (a store refuses the older version), but this exercise is about one order for every store: change data capture.",
    },
    precheck(s) {
      if (s.strategy === "log")
        return "The log settles it too (every store follows the log's one order), but here the lesson is the db's own commit log setting the order: choose cdc.";
      if (s.strategy === "single-db")
        return "single-db has no separate search to disagree with: keep search a store of its own and choose cdc.";
      return null;
    },
    judge(run) {
      const { db = {}, search = {} } = run.trace.final.stores;
      const c = ofKind(run, "isolation").length + ofKind(run, "consistency").length;
      if (c > 0 || search.x !== db.x)
        return fail("db and search still apply the race in different orders.");
      return pass(
        `db and search applied A and B in the db's commit order and both end with x = ${db.x}.`,
      );
    },
  },
];

function logSettings(s: Scenario): string {
  return `acks=${s.log.acks}, min.insync.replicas=${s.log.minInsyncReplicas}, unclean leader election ${s.log.uncleanLeaderElection ? "on" : "off"}`;
}

/** The scenario came from somewhere else than this exercise's start: say where. */
function provenanceProblem(s: Scenario, start: Scenario): string | null {
  if (s.name === start.name) return null;
  const other = SPECS.findIndex((x) => startName(x.id) === s.name);
  if (other >= 0)
    return `This is the start of exercise ${other + 1} (“${SPECS[other].title}”), not your change to this exercise: press Start on this exercise and change its scenario.`;
  if (s.name !== undefined && PRESET_NAMES.includes(s.name))
    return `This is the “${s.name}” preset from the Scenario menu, not this exercise's scenario: press Start on the exercise and make the change yourself.`;
  return `This scenario (“${s.name ?? "unnamed"}”) did not start from this exercise: press Start on the exercise and change its scenario.`;
}

function whyNot(spec: Spec, c: Change, start: Scenario): string {
  const own = Object.entries(spec.whyNot ?? {}).find(([p]) => pathAllowed(c.path, [p]));
  if (own !== undefined) return own[1];
  if (c.path === "seed") return SEED_WHY(start);
  if (c.path.startsWith("network")) return NETWORK_WHY;
  return "Put it back (or press Start again).";
}

function tooMuch(spec: Spec, others: Change[], start: Scenario): string {
  const shown = others.slice(0, 3).map((c) => c.text);
  const more = others.length > 3 ? ` and ${others.length - 3} more` : "";
  return `${spec.mayChange} You also changed ${shown.join("; ")}${more}. ${whyNot(spec, others[0], start)}`;
}

function* steps(spec: Spec, s: Scenario): Steps<Verdict> {
  const start = spec.start();
  const provenance = provenanceProblem(s, start);
  if (provenance !== null) return fail(provenance);
  const changes = scenarioChanges(start, s);
  const scheduleChange = changes.find((c) => c.path === "schedule");
  const others = changes.filter(
    (c) =>
      (c.path === "schedule" && spec.schedule === undefined) ||
      (c.path !== "schedule" && !pathAllowed(c.path, spec.fields)),
  );
  if (others.length > 0) return fail(tooMuch(spec, others, start));
  if (scheduleChange !== undefined && spec.schedule !== undefined) {
    const problem = spec.schedule(scheduleDiff(start.schedule, s.schedule));
    if (problem !== null) return fail(problem);
  }
  if (changes.length === 0) return fail(`Nothing has changed yet. ${spec.mayChange}`);
  const pre = spec.precheck?.(s);
  if (pre !== undefined && pre !== null) return fail(pre);
  const seeds = Array.from({ length: CHECK_SEEDS }, (_, i) => (s.seed + i) >>> 0);
  const verdicts: Verdict[] = [];
  for (const seed of seeds) {
    const v = spec.judge(yield { ...s, seed }, s, start);
    verdicts.push(v);
    if (!v.ok) break;
  }
  const last = verdicts[verdicts.length - 1];
  if (!last.ok) {
    if (verdicts.length === 1) return last;
    return fail(
      `It works on seed ${s.seed} but not on seed ${seeds[verdicts.length - 1]}: ${last.reason} The lesson must hold whatever the network's luck.`,
    );
  }
  const note = spec.note === undefined ? "" : yield* spec.note(s, start);
  return pass(
    `${verdicts[0].reason}${note} (Checked on seeds ${seeds[0]}–${seeds[seeds.length - 1]}.)`,
  );
}

function verifyHere(spec: Spec, s: Scenario): Verdict {
  const it = steps(spec, s);
  let next = it.next();
  while (!next.done) next = it.next(runSeed(next.value, next.value.seed));
  return next.value;
}

/** Why a run cut short cannot be judged. */
export const TOO_BIG =
  "This scenario is too big to check: its run was cut short by the page's time budget, and an exercise's answer is a small change to its start.";

async function verifyRemote(spec: Spec, s: Scenario, run: Runner): Promise<Verdict> {
  const it = steps(spec, s);
  let next = it.next();
  while (!next.done) {
    let r: Run;
    try {
      r = await run(next.value);
    } catch (e) {
      return fail(`The check could not run: ${e instanceof Error ? e.message : String(e)}.`);
    }
    if (r.trace.capped?.cap === "budget") return fail(TOO_BIG);
    next = it.next(r);
  }
  return next.value;
}

export const EXERCISES: readonly Exercise[] = SPECS.map((spec, i) => ({
  id: spec.id,
  number: i + 1,
  title: spec.title,
  goal: spec.goal,
  mayChange: spec.mayChange,
  hint: spec.hint,
  teaches: spec.teaches,
  start: spec.start,
  solution: () => spec.solution(spec.start()),
  verify: (s: Scenario) => verifyHere(spec, s),
  verifyWith: (s: Scenario, run: Runner) => verifyRemote(spec, s, run),
}));

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
