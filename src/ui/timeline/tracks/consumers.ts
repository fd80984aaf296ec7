import { COLORS } from "../layout";
import type { Track } from "./track";

/** Consumers and the CDC connector: fetching from the log and recording how far they read. */
export const consumers: Track = {
  group: "consumers",
  marks: {
    poll: {
      shape: "triangle-down",
      color: COLORS.arrow,
      label: "poll",
      definition: "A consumer fetches records from the log.",
    },
    "commit-offset": {
      shape: "flag",
      color: COLORS.arrow,
      label: "commit offset",
      definition: "A consumer records how far it has read (its committed offset).",
    },
  },
};
