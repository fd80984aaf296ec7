import type { ScheduleEntry, StoreName } from "./types";

/**
 * The schedule's kinds in one place: when an entry's effect ends, moving it in
 * time, which nodes it names, its words for people, and what it does to a run.
 * Every `switch` over `ScheduleEntry["kind"]` ends in `assertNever`, so a new
 * kind is a compile error wherever it must be handled: here, and in
 * `url/schema.ts` (the restore door's schema, held equal to the type).
 */

/** A compile-time exhaustiveness check: reaching it with a value means a case is missing. */
export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}

/** When the entry's effect is undone by itself (a partition heals, a crashed node restarts); undefined when it is not. */
export function entryEnd(e: ScheduleEntry): number | undefined {
  switch (e.kind) {
    case "partition":
      return e.until;
    case "crash":
      return e.restartAt;
    case "heal":
    case "restart":
    case "add-store":
      return undefined;
    default:
      return assertNever(e);
  }
}

/**
 * The field that holds an entry's end, with words for a message about it
 * ("heals at 90 ms, not after it starts at 120 ms"); undefined for an entry without an end.
 */
export function entryEndField(
  e: ScheduleEntry,
): { field: string; verb: string; start: string } | undefined {
  switch (e.kind) {
    case "partition":
      return { field: "until", verb: "heals", start: "it starts" };
    case "crash":
      return { field: "restartAt", verb: "restarts", start: "the crash" };
    case "heal":
    case "restart":
    case "add-store":
      return undefined;
    default:
      return assertNever(e);
  }
}

/** The nodes an entry names, each with the field that names it (the restore door checks they exist). */
export function entryNodes(e: ScheduleEntry): { field: string; node: string }[] {
  switch (e.kind) {
    case "partition":
      return [
        ...e.a.map((node) => ({ field: "a", node })),
        ...e.b.map((node) => ({ field: "b", node })),
      ];
    case "crash":
    case "restart":
      return [{ field: "node", node: e.node }];
    case "heal":
    case "add-store":
      return [];
    default:
      return assertNever(e);
  }
}

/** One line a person reads in the schedule list: `120 ms: crash db, restart at 300 ms`. */
export function describeEntry(e: ScheduleEntry): string {
  switch (e.kind) {
    case "partition": {
      const arrow = e.oneWay ? "→" : "↔";
      const until = e.until === undefined ? "" : ` until ${e.until} ms`;
      return `${e.at} ms: partition ${e.a.join(", ")} ${arrow} ${e.b.join(", ")}${until}`;
    }
    case "heal":
      return `${e.at} ms: heal the network`;
    case "crash":
      return `${e.at} ms: crash ${e.node}${e.restartAt === undefined ? "" : `, restart at ${e.restartAt} ms`}`;
    case "restart":
      return `${e.at} ms: restart ${e.node}`;
    case "add-store":
      return `${e.at} ms: ${e.store} joins`;
    default:
      return assertNever(e);
  }
}

/** The entry as a noun phrase inside a sentence (shrinking's and exercises' notes): `crash of db at 120 ms`. */
export function entryPhrase(e: ScheduleEntry): string {
  switch (e.kind) {
    case "partition":
      return `partition ${e.a.join(",")} | ${e.b.join(",")} at ${e.at} ms${e.until !== undefined ? ` until ${e.until} ms` : ""}`;
    case "crash":
      return `crash of ${e.node} at ${e.at} ms`;
    case "restart":
      return `restart of ${e.node} at ${e.at} ms`;
    case "heal":
      return `heal at ${e.at} ms`;
    case "add-store":
      return `${e.store} joining at ${e.at} ms`;
    default:
      return assertNever(e);
  }
}

/** The last time at which the entry makes something happen. */
export function entryLast(e: ScheduleEntry): number {
  const end = entryEnd(e);
  return end === undefined ? e.at : Math.max(e.at, end);
}

/** Sets when the entry's effect ends (only for an entry that has an end: see `entryEnd`). */
export function setEntryEnd(e: ScheduleEntry, end: number): void {
  switch (e.kind) {
    case "partition":
      e.until = end;
      return;
    case "crash":
      e.restartAt = end;
      return;
    case "heal":
    case "restart":
    case "add-store":
      return;
    default:
      assertNever(e);
  }
}

/** Moves the entry `ms` earlier, its end with it. */
export function shiftEntry(e: ScheduleEntry, ms: number): void {
  const end = entryEnd(e);
  e.at -= ms;
  if (end !== undefined) setEntryEnd(e, end - ms);
}

/** What the engine offers a schedule entry: a timer and the faults it can cause. */
export interface ScheduleEffects<P> {
  at(t: number, fn: () => void): void;
  partition(a: string[], b: string[], oneWay: boolean): P;
  /** Heals one partition, or every one when none is named. */
  heal(p?: P): void;
  crash(node: string): void;
  restart(node: string): void;
  addStore(store: StoreName): void;
}

/** Schedules what the entry does. */
export function scheduleEntry<P>(e: ScheduleEntry, fx: ScheduleEffects<P>): void {
  switch (e.kind) {
    case "partition":
      fx.at(e.at, () => {
        const p = fx.partition(e.a, e.b, e.oneWay === true);
        if (e.until !== undefined) {
          const until = e.until;
          fx.at(until, () => fx.heal(p));
        }
      });
      return;
    case "heal":
      fx.at(e.at, () => fx.heal());
      return;
    case "crash":
      fx.at(e.at, () => fx.crash(e.node));
      if (e.restartAt !== undefined) fx.at(e.restartAt, () => fx.restart(e.node));
      return;
    case "restart":
      fx.at(e.at, () => fx.restart(e.node));
      return;
    case "add-store":
      fx.at(e.at, () => fx.addStore(e.store));
      return;
    default:
      assertNever(e);
  }
}
