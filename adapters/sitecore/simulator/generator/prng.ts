/**
 * Small seeded PRNG (mulberry32): the same seed gives the same instance on
 * every machine, which is what makes the ground truth reproducible.
 */
const HEX_DIGITS = '0123456789abcdef';

/** Writes n as 8 hex digits into out at offset. */
function hex8(out: string[], offset: number, n: number): void {
  for (let i = 7; i >= 0; i--) {
    out[offset + i] = HEX_DIGITS[n & 0xf] ?? '0';
    n >>>= 4;
  }
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A version-4-shaped GUID in canonical spelling (lower-case dashed). */
  guid(): string {
    // Built in an array and joined: one flat string, not a rope of fragments (millions of these are kept).
    const hex: string[] = new Array<string>(32);
    hex8(hex, 0, this.nextU32());
    hex8(hex, 8, this.nextU32());
    hex8(hex, 16, this.nextU32());
    hex8(hex, 24, this.nextU32());
    hex[12] = '4';
    hex[16] = HEX_DIGITS[8 + (parseInt(hex[16] ?? '0', 16) & 0x3)] ?? '8';
    return [hex.slice(0, 8).join(''), hex.slice(8, 12).join(''), hex.slice(12, 16).join(''), hex.slice(16, 20).join(''), hex.slice(20).join('')].join('-');
  }

  /** A 32-hex string (e.g. a media hash). */
  hex32(): string {
    return this.guid().replaceAll('-', '');
  }
}
