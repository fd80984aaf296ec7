import type { TraceEvent, WriteOp } from "../sim/types";

/** `"x = 42"` or `"x += 5"`: what a write does, in the words a person would use. */
export function describeEffect(op: WriteOp): string {
  return op.op === "incr" ? `${op.key} += ${op.value}` : `${op.key} = ${showValue(op.value)}`;
}

/** `"write #7 (x = 42)"`. */
export function describeWrite(op: WriteOp | undefined, id: number): string {
  return op === undefined ? `write #${id}` : `write #${id} (${describeEffect(op)})`;
}

export function showValue(value: string | number | undefined): string {
  return value === undefined ? "nothing" : String(value);
}

/** `"x = 42"`, or `"no value for x"` when the key is absent. */
export function describeHolding(key: string, value: string | number | undefined): string {
  return value === undefined ? `no value for ${key}` : `${key} = ${showValue(value)}`;
}

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DROP_REASON: Record<string, string> = {
  loss: "was lost in the network",
  partition: "was cut off by a network partition",
  crashed: "arrived while its receiver was down",
};

/** Why a write went wrong, from the first event that showed trouble; a clause after a colon. */
export function describeCause(
  e: TraceEvent | undefined,
  clientOf: (write: number) => string,
): string {
  if (e === undefined) return "nothing carried it there before the system went quiet";
  switch (e.type) {
    case "crash":
      return e.node.startsWith("client")
        ? `the client ${e.node} crashed before it finished`
        : `${e.node} crashed`;
    case "fail":
      return `${e.write === undefined ? "the client" : clientOf(e.write)} gave up (${e.detail ?? "failed"})`;
    case "timeout":
      return `${e.node} timed out waiting for ${e.peer ?? "an answer"}`;
    case "drop": {
      const what = DROP_REASON[e.detail ?? ""] ?? "was lost";
      return `the message from ${e.peer ?? "its sender"} to ${e.node} carrying it ${what}`;
    }
    case "reject":
      return `${e.node} refused it (${e.detail ?? "rejected"})`;
    case "truncate":
      return `${e.node} cut it from its log after a leader change`;
    case "elect":
      return `${e.node} became leader without having it`;
    default:
      return `${e.type} at ${e.node}`;
  }
}
