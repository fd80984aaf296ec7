/**
 * A binary min-heap of events ordered by (time, seq). Times and seqs live in
 * parallel typed arrays so a push/pop touches no objects but the payload.
 */
export class EventHeap<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: T[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  peekTime(): number {
    return this.count > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  push(time: number, seq: number, item: T): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const { times, seqs, items } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < time || (times[p] === time && seqs[p] < seq)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest item; the heap must not be empty. */
  pop(): T {
    const { times, seqs, items } = this;
    const top = items[0];
    const n = --this.count;
    if (n > 0) {
      const time = times[n];
      const seq = seqs[n];
      const item = items[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
        if (time < times[c] || (time === times[c] && seq < seqs[c])) break;
        times[i] = times[c];
        seqs[i] = seqs[c];
        items[i] = items[c];
        i = c;
      }
      times[i] = time;
      seqs[i] = seq;
      items[i] = item;
    }
    items.length = n;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
