import { assertNever } from "../sim/schedule";
import type { ScheduleEntry } from "../sim/types";

/**
 * Schedule entries as English, in one place (the engine's side of the schedule
 * is `sim/schedule.ts`). Each `switch` ends in `assertNever`, so a new kind of
 * entry does not compile until it has its words here.
 */

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
