/**
 * A map from small non-negative integer ids (op ids, message ids) to event
 * indices, backed by a typed array: the ids of a trace are dense, and a
 * 100k-event check spends most of its time in these lookups. Same surface as
 * the `Map` methods the checkers use.
 */
export class IdTable {
  private slots: Int32Array;
  private count = 0;

  constructor(capacity = 64) {
    this.slots = new Int32Array(Math.max(16, capacity + 1)).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  get(id: number): number | undefined {
    const v = id >= 0 && id < this.slots.length ? this.slots[id] : -1;
    return v < 0 ? undefined : v;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.slots.length && this.slots[id] >= 0;
  }

  set(id: number, value: number): this {
    if (!Number.isInteger(id) || id < 0) throw new Error(`id ${id} is not a small integer`);
    if (id >= this.slots.length) this.grow(id);
    if (this.slots[id] < 0) this.count++;
    this.slots[id] = value;
    return this;
  }

  /** Calls `fn(value, id)` for every id in increasing order, like `Map.forEach`. */
  forEach(fn: (value: number, id: number) => void): void {
    const { slots } = this;
    for (let id = 0; id < slots.length; id++) if (slots[id] >= 0) fn(slots[id], id);
  }

  private grow(id: number): void {
    let size = this.slots.length;
    while (size <= id) size *= 2;
    const next = new Int32Array(size).fill(-1);
    next.set(this.slots);
    this.slots = next;
  }
}
