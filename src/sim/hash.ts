import { hashString } from "./prng";
import type { TraceEvent } from "./types";

/**
 * A streaming 64-bit hash (two independent 32-bit FNV-1a lanes) over the
 * trace's fields. Integer-only arithmetic, so Node and every browser agree.
 */
export class TraceHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;

  number(n: number): void {
    // Integers dominate; non-integers are folded in through their text.
    if ((n | 0) === n) this.word(n);
    else this.text(String(n));
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(0x1f);
  }

  word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ (w + 0x9e3779b9), 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
  }

  hex(): string {
    return (
      (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0")
    );
  }
}

/**
 * The run's identity: every field of every event, in order. Strings (names,
 * types, keys, values, details) enter as their own string hash, computed once
 * each — never as an index, so the hash does not depend on first appearance.
 */
export function hashTrace(events: readonly TraceEvent[]): string {
  const h = new TraceHasher();
  const word = stringWords();
  for (const e of events) hashEvent(h, word, e);
  return h.hex();
}

/** A string's word for the hash (its `hashString`), remembered per string. */
export function stringWords(): (s: string) => number {
  const interned = new Map<string, number>();
  return (s) => {
    let v = interned.get(s);
    if (v === undefined) {
      v = hashString(s);
      interned.set(s, v);
    }
    return v;
  };
}

/** One event's fields into the hash, in `hashTrace`'s order. */
export function hashEvent(h: TraceHasher, word: (s: string) => number, e: TraceEvent): void {
  h.number(e.t);
  h.word(word(e.type));
  h.word(word(e.node));
  if (e.peer !== undefined) h.word(word(e.peer));
  if (e.msg !== undefined) h.number(e.msg);
  if (e.write !== undefined) h.number(e.write);
  if (e.key !== undefined) h.word(word(e.key));
  if (e.value !== undefined) {
    if (typeof e.value === "number") h.number(e.value);
    else h.word(word(e.value));
  }
  if (e.offset !== undefined) h.number(e.offset);
  if (e.partition !== undefined) h.number(e.partition);
  if (e.ref !== undefined) h.number(e.ref);
  if (e.detail !== undefined) h.word(word(e.detail));
}
