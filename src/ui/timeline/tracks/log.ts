import { COLORS } from "../layout";
import type { Track } from "./track";

/** The log's brokers: appends, replication, the high watermark, elections and truncation. */
export const log: Track = {
  group: "log",
  marks: {
    append: {
      shape: "square",
      color: COLORS.append,
      label: "log append",
      definition: "A broker appends a record to the log; the label is its offset.",
    },
    replicate: {
      shape: "box",
      color: COLORS.append,
      label: "replicate",
      definition: "A follower broker copies a record from the leader.",
    },
    "hw-advance": {
      shape: "tick",
      color: COLORS.hw,
      label: "high watermark",
      definition:
        "The high watermark moves: records below it are on every in-sync replica and may be read.",
    },
    "isr-change": {
      shape: "plus",
      color: COLORS.hw,
      label: "ISR change",
      definition: "The set of in-sync replicas changes (a broker falls behind or catches up).",
    },
    elect: {
      shape: "triangle",
      color: COLORS.hw,
      label: "leader elected",
      definition: "A broker is elected leader of a log partition.",
    },
    truncate: {
      shape: "i-beam",
      color: COLORS.hw,
      label: "log truncated",
      definition:
        "A broker cuts its log back to match a new leader: records above the cut are gone.",
    },
  },
  label: (e) => {
    if (e.type === "append" && e.offset !== undefined) return `@${e.offset}`;
    if (e.type === "hw-advance" && e.offset !== undefined) return `HW ${e.offset}`;
    if (e.type === "elect") return "leader";
    if (e.type === "truncate" && e.offset !== undefined) return `trunc ${e.offset}`;
    return null;
  },
};
