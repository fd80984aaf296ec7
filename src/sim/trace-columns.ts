import { hashEvent, stringWords, TraceHasher } from "./hash";
import type { EventReader, EventType, TraceEvent } from "./types";

/** Events per chunk of columns (80 KB of numbers and string indexes in one buffer). */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/**
 * The first events of a run are kept as objects, as they come: a short run
 * (a preset, one run of a sweep) then costs no more than an array of events,
 * and only long runs go to columns.
 */
export const HEAD_EVENTS = 4096;

/** Numeric fields, one `Float64Array` per chunk, NaN when absent (no traced number is NaN). */
const T = 0;
const MSG = 1;
const WRITE = 2;
const OFFSET = 3;
const PARTITION = 4;
const REF = 5;
const VALUE_NUM = 6;
const NUMS = 7;

/** String fields, one `Int32Array` per chunk of indexes into the string table, -1 when absent. */
const TYPE = 0;
const NODE = 1;
const PEER = 2;
const KEY = 3;
/** The value when it is a string; `VALUE_IS_NUMBER` when it is a number (then in `VALUE_NUM`). */
const VALUE_STR = 4;
const DETAIL = 5;
const STRS = 6;

const ABSENT = -1;
const VALUE_IS_NUMBER = -2;

/**
 * The trace as the engine writes it. Past its first `HEAD_EVENTS` events,
 * one column per field instead of one object per event, in fixed-size chunks
 * of typed arrays, with every string stored once in a table. Recording an
 * event there allocates nothing the garbage collector has to move, and growing
 * copies nothing. A run of 100,000 events kept as objects spent 45% of its
 * time in the garbage collector, copying event objects that all survive.
 *
 * Every field of event `i` reads straight from the columns (`t(i)`,
 * `node(i)`, …: the `EventReader`); a `TraceEvent` object is made only on
 * demand (`get(i)`, `toEvents()`), and `hash()` gives exactly
 * `hashTrace(toEvents())` without making them.
 */
/** A `TraceColumns` as plain data for `postMessage`; `buffers` go in the transfer list. */
export interface PackedColumns {
  headEvents: number;
  length: number;
  head: TraceEvent[];
  buffers: ArrayBuffer[];
  strings: string[];
}

export class TraceColumns implements EventReader {
  length = 0;
  private readonly head: TraceEvent[] = [];
  private readonly numChunks: Float64Array[] = [];
  private readonly strChunks: Int32Array[] = [];
  private nums: Float64Array = new Float64Array(0);
  private strs: Int32Array = new Int32Array(0);
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();

  /** `headEvents`: how many first events stay objects (tests set it low to reach the columns). */
  constructor(private readonly headEvents = HEAD_EVENTS) {}

  /** Plain data for another thread; the chunk buffers are shared, so transfer them and drop this. */
  pack(): PackedColumns {
    return {
      headEvents: this.headEvents,
      length: this.length,
      head: this.head,
      buffers: this.numChunks.map((c) => c.buffer as ArrayBuffer),
      strings: this.strings,
    };
  }

  static unpack(p: PackedColumns): TraceColumns {
    const c = new TraceColumns(p.headEvents);
    for (const e of p.head) c.head.push(e);
    for (const buffer of p.buffers) {
      c.nums = new Float64Array(buffer, 0, CHUNK * NUMS);
      c.strs = new Int32Array(buffer, CHUNK * NUMS * 8, CHUNK * STRS);
      c.numChunks.push(c.nums);
      c.strChunks.push(c.strs);
    }
    for (const s of p.strings) c.intern(s);
    c.length = p.length;
    return c;
  }

  private intern(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  push(
    t: number,
    type: EventType,
    node: string,
    peer: string | undefined,
    msg: number | undefined,
    write: number | undefined,
    key: string | undefined,
    value: string | number | undefined,
    offset: number | undefined,
    partition: number | undefined,
    ref: number | undefined,
    detail: string | undefined,
  ): void {
    const seq = this.length;
    if (seq < this.headEvents) {
      // One fixed shape for every event, so readers stay on V8's fast path.
      this.head.push({
        t,
        seq,
        type,
        node,
        peer,
        msg,
        write,
        key,
        value,
        offset,
        partition,
        ref,
        detail,
      });
      this.length = seq + 1;
      return;
    }
    const j = (seq - this.headEvents) & MASK;
    if (j === 0) this.addChunk();
    const nums = this.nums;
    const strs = this.strs;
    const n = j * NUMS;
    const s = j * STRS;
    nums[n + T] = t;
    nums[n + MSG] = msg ?? Number.NaN;
    nums[n + WRITE] = write ?? Number.NaN;
    nums[n + OFFSET] = offset ?? Number.NaN;
    nums[n + PARTITION] = partition ?? Number.NaN;
    nums[n + REF] = ref ?? Number.NaN;
    strs[s + TYPE] = this.intern(type);
    strs[s + NODE] = this.intern(node);
    strs[s + PEER] = peer === undefined ? ABSENT : this.intern(peer);
    strs[s + KEY] = key === undefined ? ABSENT : this.intern(key);
    if (typeof value === "number") {
      nums[n + VALUE_NUM] = value;
      strs[s + VALUE_STR] = VALUE_IS_NUMBER;
    } else {
      nums[n + VALUE_NUM] = Number.NaN;
      strs[s + VALUE_STR] = value === undefined ? ABSENT : this.intern(value);
    }
    strs[s + DETAIL] = detail === undefined ? ABSENT : this.intern(detail);
    this.length = seq + 1;
  }

  private addChunk(): void {
    // One buffer per chunk: the numbers first, then the string indexes.
    const buffer = new ArrayBuffer(CHUNK * (NUMS * 8 + STRS * 4));
    this.nums = new Float64Array(buffer, 0, CHUNK * NUMS);
    this.strs = new Int32Array(buffer, CHUNK * NUMS * 8, CHUNK * STRS);
    this.numChunks.push(this.nums);
    this.strChunks.push(this.strs);
  }

  /** Numeric field `f` of event `i` past the head (NaN when absent). */
  private num(i: number, f: number): number {
    const k = i - this.headEvents;
    return this.numChunks[k >> CHUNK_BITS][(k & MASK) * NUMS + f];
  }

  /** String field `f` of event `i` past the head, as its index in the table (negative when absent). */
  private str(i: number, f: number): number {
    const k = i - this.headEvents;
    return this.strChunks[k >> CHUNK_BITS][(k & MASK) * STRS + f];
  }

  private optionalString(i: number, f: number): string | undefined {
    const s = this.str(i, f);
    return s >= 0 ? this.strings[s] : undefined;
  }

  type(i: number): EventType {
    if (i < this.headEvents) return this.head[i].type;
    return this.strings[this.str(i, TYPE)] as EventType;
  }

  t(i: number): number {
    return i < this.headEvents ? this.head[i].t : this.num(i, T);
  }

  /** An event's seq is its index (as `get` makes it). */
  seq(i: number): number {
    return i < this.headEvents ? this.head[i].seq : i;
  }

  node(i: number): string {
    return i < this.headEvents ? this.head[i].node : this.strings[this.str(i, NODE)];
  }

  peer(i: number): string | undefined {
    return i < this.headEvents ? this.head[i].peer : this.optionalString(i, PEER);
  }

  key(i: number): string | undefined {
    return i < this.headEvents ? this.head[i].key : this.optionalString(i, KEY);
  }

  detail(i: number): string | undefined {
    return i < this.headEvents ? this.head[i].detail : this.optionalString(i, DETAIL);
  }

  value(i: number): string | number | undefined {
    if (i < this.headEvents) return this.head[i].value;
    const v = this.str(i, VALUE_STR);
    return v === VALUE_IS_NUMBER ? this.num(i, VALUE_NUM) : v >= 0 ? this.strings[v] : undefined;
  }

  msg(i: number): number | undefined {
    return i < this.headEvents ? this.head[i].msg : present(this.num(i, MSG));
  }

  write(i: number): number | undefined {
    return i < this.headEvents ? this.head[i].write : present(this.num(i, WRITE));
  }

  offset(i: number): number | undefined {
    return i < this.headEvents ? this.head[i].offset : present(this.num(i, OFFSET));
  }

  partition(i: number): number | undefined {
    return i < this.headEvents ? this.head[i].partition : present(this.num(i, PARTITION));
  }

  ref(i: number): number | undefined {
    return i < this.headEvents ? this.head[i].ref : present(this.num(i, REF));
  }

  /** Event `i`: the kept object for the first events, a fresh one from the columns after. */
  get(i: number): TraceEvent {
    if (i < this.headEvents) return this.head[i];
    const k = i - this.headEvents;
    return this.fromColumns(
      this.numChunks[k >> CHUNK_BITS],
      this.strChunks[k >> CHUNK_BITS],
      k & MASK,
      i,
    );
  }

  toEvents(): TraceEvent[] {
    const n = this.length;
    const out = new Array<TraceEvent>(n);
    const head = this.head;
    for (let i = 0; i < head.length; i++) out[i] = head[i];
    for (let c = 0; c < this.numChunks.length; c++) {
      const nums = this.numChunks[c];
      const strs = this.strChunks[c];
      const first = this.headEvents + c * CHUNK;
      const end = Math.min(CHUNK, n - first);
      for (let j = 0; j < end; j++) out[first + j] = this.fromColumns(nums, strs, j, first + j);
    }
    return out;
  }

  private fromColumns(nums: Float64Array, strs: Int32Array, j: number, seq: number): TraceEvent {
    const strings = this.strings;
    const n = j * NUMS;
    const s = j * STRS;
    const peer = strs[s + PEER];
    const key = strs[s + KEY];
    const value = strs[s + VALUE_STR];
    const detail = strs[s + DETAIL];
    return {
      t: nums[n + T],
      seq,
      type: strings[strs[s + TYPE]] as EventType,
      node: strings[strs[s + NODE]],
      peer: peer >= 0 ? strings[peer] : undefined,
      msg: present(nums[n + MSG]),
      write: present(nums[n + WRITE]),
      key: key >= 0 ? strings[key] : undefined,
      value:
        value === VALUE_IS_NUMBER ? nums[n + VALUE_NUM] : value >= 0 ? strings[value] : undefined,
      offset: present(nums[n + OFFSET]),
      partition: present(nums[n + PARTITION]),
      ref: present(nums[n + REF]),
      detail: detail >= 0 ? strings[detail] : undefined,
    };
  }

  /** `hashTrace(this.toEvents())`, read straight from the columns. */
  hash(): string {
    const h = new TraceHasher();
    const word = stringWords();
    for (const e of this.head) hashEvent(h, word, e);
    // Each string of the table enters as its own hash, as in `hashTrace`.
    const words = new Uint32Array(this.strings.length);
    for (let i = 0; i < this.strings.length; i++) words[i] = word(this.strings[i]);
    for (let c = 0; c < this.numChunks.length; c++) {
      const nums = this.numChunks[c];
      const strs = this.strChunks[c];
      const end = Math.min(CHUNK, this.length - this.headEvents - c * CHUNK);
      for (let j = 0; j < end; j++) {
        const n = j * NUMS;
        const s = j * STRS;
        h.number(nums[n + T]);
        h.word(words[strs[s + TYPE]]);
        h.word(words[strs[s + NODE]]);
        if (strs[s + PEER] >= 0) h.word(words[strs[s + PEER]]);
        if (!Number.isNaN(nums[n + MSG])) h.number(nums[n + MSG]);
        if (!Number.isNaN(nums[n + WRITE])) h.number(nums[n + WRITE]);
        if (strs[s + KEY] >= 0) h.word(words[strs[s + KEY]]);
        const value = strs[s + VALUE_STR];
        if (value === VALUE_IS_NUMBER) h.number(nums[n + VALUE_NUM]);
        else if (value >= 0) h.word(words[value]);
        if (!Number.isNaN(nums[n + OFFSET])) h.number(nums[n + OFFSET]);
        if (!Number.isNaN(nums[n + PARTITION])) h.number(nums[n + PARTITION]);
        if (!Number.isNaN(nums[n + REF])) h.number(nums[n + REF]);
        if (strs[s + DETAIL] >= 0) h.word(words[strs[s + DETAIL]]);
      }
    }
    return h.hex();
  }
}

function present(x: number): number | undefined {
  return Number.isNaN(x) ? undefined : x;
}
