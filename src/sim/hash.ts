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
