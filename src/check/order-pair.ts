/**
 * Whether one store applied a key's writes in the same order as a reference
 * (the db, or the log). Each write is placed at its *last* apply, so an update
 * only ever moves a write to the end of one side. The writes both sides hold
 * are kept in reference order in a Fenwick tree; the store orders them the same
 * way exactly when no two neighbours in that order are inverted in the store,
 * so counting inverted neighbours ("descents") answers the question in
 * O(log n) per apply instead of comparing all pairs.
 */
export class OrderPair {
  /** Fenwick tree over reference positions of the writes both sides hold. */
  private readonly tree: Int32Array;
  private readonly writeAt: Int32Array;
  private readonly refPos = new Map<number, number>();
  private readonly storePos = new Map<number, number>();
  private readonly topBit: number;
  private count = 0;
  private descents = 0;
  /** The inverted neighbours found by the latest insert, reference order first. */
  witness: [number, number] | null = null;

  /** `capacity`: the largest reference position that will be placed. */
  constructor(readonly capacity: number) {
    this.tree = new Int32Array(capacity + 1);
    this.writeAt = new Int32Array(capacity + 1);
    let bit = 1;
    while (bit * 2 <= capacity) bit *= 2;
    this.topBit = bit;
  }

  get inverted(): boolean {
    return this.descents > 0;
  }

  /** The reference now holds `write` at `pos` (1-based, at most `capacity`). */
  placeRef(write: number, pos: number): void {
    if (pos < 1 || pos > this.capacity) throw new Error(`reference position ${pos} out of range`);
    if (this.isCommon(write)) this.remove(write);
    this.refPos.set(write, pos);
    this.writeAt[pos] = write;
    if (this.storePos.has(write)) this.insert(write);
  }

  /** The store applied `write`; `pos` must exceed every earlier store position. */
  placeStore(write: number, pos: number): void {
    if (this.isCommon(write)) this.remove(write);
    this.storePos.set(write, pos);
    if (this.refPos.has(write)) this.insert(write);
  }

  /** The store forgot everything (a cache crash). */
  clearStore(): void {
    for (const write of this.storePos.keys()) if (this.refPos.has(write)) this.remove(write);
    this.storePos.clear();
    this.descents = 0;
  }

  private isCommon(write: number): boolean {
    return this.refPos.has(write) && this.storePos.has(write);
  }

  private descent(a: number, b: number): boolean {
    if (a === 0 || b === 0) return false;
    return (this.storePos.get(a) ?? 0) > (this.storePos.get(b) ?? 0);
  }

  private insert(write: number): void {
    const pos = this.refPos.get(write) ?? 0;
    const before = this.prefix(pos - 1);
    const prev = before > 0 ? this.writeAt[this.kth(before)] : 0;
    const next = before < this.count ? this.writeAt[this.kth(before + 1)] : 0;
    const left = this.descent(prev, write);
    const right = this.descent(write, next);
    this.descents += Number(left) + Number(right) - Number(this.descent(prev, next));
    if (left) this.witness = [prev, write];
    else if (right) this.witness = [write, next];
    this.add(pos, 1);
  }

  private remove(write: number): void {
    const pos = this.refPos.get(write) ?? 0;
    const before = this.prefix(pos - 1);
    const prev = before > 0 ? this.writeAt[this.kth(before)] : 0;
    const next = before + 1 < this.count ? this.writeAt[this.kth(before + 2)] : 0;
    this.descents -=
      Number(this.descent(prev, write)) +
      Number(this.descent(write, next)) -
      Number(this.descent(prev, next));
    this.add(pos, -1);
  }

  private add(pos: number, delta: number): void {
    this.count += delta;
    for (let i = pos; i <= this.capacity; i += i & -i) this.tree[i] += delta;
  }

  private prefix(pos: number): number {
    let sum = 0;
    for (let i = pos; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  /** The smallest position whose prefix count reaches k (1 ≤ k ≤ count). */
  private kth(k: number): number {
    let pos = 0;
    let rest = k;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = pos + bit;
      if (next <= this.capacity && this.tree[next] < rest) {
        pos = next;
        rest -= this.tree[next];
      }
    }
    return pos + 1;
  }
}
