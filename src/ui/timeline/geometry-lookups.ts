import type { EventReader } from "../../sim/types";
import type { Geometry } from "./geometry";

/**
 * The geometry's lookups by message, write and lane: the table that pairs a
 * message's send with its end while the geometry is built, and what hovering
 * and the inspector ask for, built on their first question.
 */

/** Per lane, every event on it, in trace order: counted first, then filled, typed arrays only. */
export function laneEventsOf(
  events: EventReader,
  laneOf: ReadonlyMap<string, number>,
  lanes: number,
): Geometry["laneEvents"] {
  const laneOfEvent = new Int16Array(events.length);
  const sizes = new Int32Array(lanes);
  for (let i = 0; i < events.length; i++) {
    const lane = laneOf.get(events.node(i)) ?? -1;
    laneOfEvent[i] = lane;
    if (lane >= 0) sizes[lane]++;
  }
  const out = Array.from(sizes, (n) => ({ t: new Float64Array(n), seq: new Int32Array(n) }));
  const filled = new Int32Array(lanes);
  for (let i = 0; i < events.length; i++) {
    const lane = laneOfEvent[i];
    if (lane < 0) continue;
    const j = filled[lane]++;
    out[lane].t[j] = events.t(i);
    out[lane].seq[j] = events.seq(i);
  }
  return out;
}

/** The sends behind message ids and the invokes behind writes: what the inspector walks back along. */
export function causeMaps(
  events: EventReader,
  laneOf: ReadonlyMap<string, number>,
): { sendOfMsg: Map<number, number>; invokeOfWrite: Map<number, number> } {
  const sendOfMsg = new Map<number, number>();
  const invokeOfWrite = new Map<number, number>();
  for (let i = 0; i < events.length; i++) {
    const type = events.type(i);
    if (type === "invoke") {
      const write = events.write(i);
      if (write !== undefined && !invokeOfWrite.has(write)) invokeOfWrite.set(write, events.seq(i));
    } else if (type === "send" || type === "duplicate") {
      const msg = events.msg(i);
      if (msg !== undefined && laneOf.has(events.node(i))) sendOfMsg.set(msg, events.seq(i));
    }
  }
  return { sendOfMsg, invokeOfWrite };
}

/**
 * Message id -> number, in a typed array for the ids a simulated run uses
 * (1 up to its count of events) and a map for any other (a hand-made trace).
 */
export class MsgTable {
  private readonly slots: Int32Array;
  private readonly others = new Map<number, number>();

  constructor(size: number) {
    this.slots = new Int32Array(size + 1).fill(-1);
  }

  private inSlots(msg: number): boolean {
    return Number.isInteger(msg) && msg >= 0 && msg < this.slots.length;
  }

  get(msg: number): number | undefined {
    if (!this.inSlots(msg)) return this.others.get(msg);
    const v = this.slots[msg];
    return v < 0 ? undefined : v;
  }

  set(msg: number, value: number): void {
    if (this.inSlots(msg)) this.slots[msg] = value;
    else this.others.set(msg, value);
  }

  delete(msg: number): void {
    if (this.inSlots(msg)) this.slots[msg] = -1;
    else this.others.delete(msg);
  }
}
