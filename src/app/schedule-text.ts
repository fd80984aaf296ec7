import type { ScheduleEntry } from "../sim/types";

/** One line a person reads in the schedule list. */
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
  }
}
