import type { Anomaly, AnomalyKind } from "../check/index";
import { eventsOf } from "../sim/event-reader";
import { presetScenario } from "../sim/presets";
import type { Scenario, ScheduleEntry } from "../sim/types";
import { entryPhrase } from "../url/schedule-text";
import type { ExerciseId } from "../url/workshop-names";
import { fail, pass, type Run, type Spec, startName } from "./exercise-parts";
import { labelOf, scheduleDiff } from "./scenario-diff";

/*
 * The seven exercises as data: their starting scenarios, what each lets the
 * learner change, and how one run of a submission is judged. The judging
 * itself (what changed, the seeds, the verdict) is exercises.ts.
 */

function preset(name: string): Scenario {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`exercises: preset ${name} is missing`);
  return s;
}

function named(s: Scenario, id: ExerciseId): Scenario {
  return { ...s, name: startName(id) };
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

export const SEED_WHY = (start: Scenario) =>
  `The seed only picks the network's luck, and this lesson must hold without it: put the seed back to ${start.seed}.`;
export const NETWORK_WHY =
  "The network is part of the set-up: a different timing only dodges the moment the exercise is about.";

// --- the exercises ----------------------------------------------------------

export const SPECS: Spec[] = [
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
