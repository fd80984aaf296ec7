import { COLORS } from "../layout";
import type { Track } from "./track";

/** Stores: what each applies, refuses and answers; the key and value it now holds beside an apply. */
export const stores: Track = {
  group: "stores",
  marks: {
    apply: {
      shape: "circle",
      color: COLORS.apply,
      label: "store applies",
      definition:
        "A store applies a write; the label above it is the key and the value it now holds.",
    },
    reject: {
      shape: "box-minus",
      color: COLORS.apply,
      label: "store rejects",
      definition: "A store refuses a write (for example a stale version).",
    },
    read: {
      shape: "diamond",
      color: COLORS.apply,
      label: "read",
      definition: "A store answers a read; the label is the value it returned.",
    },
    "add-store": {
      shape: "ring-plus",
      color: COLORS.apply,
      label: "store added",
      definition: "A store joins the system late and is filled from what came before.",
    },
  },
  label: (e) => (e.type === "apply" && e.key !== undefined ? `${e.key}=${e.value ?? ""}` : null),
};
