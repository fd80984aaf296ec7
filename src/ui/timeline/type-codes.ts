import type { EventType } from "../../sim/types";

/** Event types as small integers, so the geometry stores them in a Uint8Array. */
export const TYPE_CODE: Record<EventType, number> = Object.fromEntries(
  [
    "invoke",
    "send",
    "deliver",
    "drop",
    "duplicate",
    "apply",
    "reject",
    "ack",
    "fail",
    "timeout",
    "retry",
    "read",
    "crash",
    "restart",
    "partition",
    "heal",
    "append",
    "replicate",
    "hw-advance",
    "isr-change",
    "elect",
    "truncate",
    "poll",
    "commit-offset",
    "add-store",
    "quiesce",
  ].map((t, i) => [t, i]),
) as Record<EventType, number>;

export const TYPE_NAMES = Object.keys(TYPE_CODE) as EventType[];
