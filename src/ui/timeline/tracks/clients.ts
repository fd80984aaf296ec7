import { COLORS } from "../layout";
import type { Track } from "./track";

/** Clients: an operation's start, its answer and what the client does when none comes. */
export const clients: Track = {
  group: "clients",
  marks: {
    invoke: {
      shape: "ring",
      color: COLORS.client,
      label: "client invokes",
      definition: "A client starts an operation (a write, an increment or a read).",
    },
    ack: {
      shape: "check",
      color: COLORS.client,
      label: "acked",
      definition: "The client is told its operation succeeded.",
    },
    fail: {
      shape: "box-x",
      color: COLORS.drop,
      label: "failed",
      definition: "The client gives up on its operation and reports a failure.",
    },
    timeout: {
      shape: "hourglass",
      color: COLORS.partition,
      label: "timeout",
      definition: "A client waited too long for an answer.",
    },
    retry: {
      shape: "chevrons",
      color: COLORS.partition,
      label: "retry",
      definition: "A client sends its operation again after a timeout.",
    },
  },
};
