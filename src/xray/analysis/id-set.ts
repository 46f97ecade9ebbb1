/**
 * A set of item ids that costs 16 bytes per GUID and no heap object: the
 * canonical GUID (8-4-4-4-12 lower-case hex) is packed into four 32-bit words
 * in an open-addressing table. At a million items a Set<string> of ids costs
 * ~100 MB of small strings that every full GC must walk; this costs 32 MB of
 * one typed array it never looks into. Ids that are not canonical GUIDs
 * (other CMSs) go to an ordinary Set.
 */
const EMPTY_SLOTS = 1024;

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Packs a canonical GUID into `out` (4 words); false when `id` is not one. */
function pack(id: string, out: Uint32Array): boolean {
  if (id.length !== 36 || id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45 || id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45) return false;
  let word = 0;
  let digits = 0;
  let w = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const d = hexDigit(id.charCodeAt(i));
    if (d < 0) return false;
    word = (word << 4) | d;
    if (++digits === 8) { out[w++] = word >>> 0; word = 0; digits = 0; }
  }
  return true;
}

function unpack(a: number, b: number, c: number, d: number): string {
  const hex = [a, b, c, d].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isZero(k: Uint32Array): boolean {
  return ((k[0] ?? 0) | (k[1] ?? 0) | (k[2] ?? 0) | (k[3] ?? 0)) === 0;
}

export class IdSet {
  private table = new Uint32Array(EMPTY_SLOTS * 4);
  private mask = EMPTY_SLOTS - 1;
  private count = 0;
  private zero = false;
  private readonly others = new Set<string>();
  private readonly key = new Uint32Array(4);

  get size(): number {
    return this.count + (this.zero ? 1 : 0) + this.others.size;
  }

  add(id: string): void {
    if (!pack(id, this.key)) { this.others.add(id); return; }
    const k = this.key;
    if (isZero(k)) { this.zero = true; return; }
    if (this.slotOf(k) >= 0) return;
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.insert(k[0] ?? 0, k[1] ?? 0, k[2] ?? 0, k[3] ?? 0);
    this.count++;
  }

  has(id: string): boolean {
    if (!pack(id, this.key)) return this.others.has(id);
    const k = this.key;
    if (isZero(k)) return this.zero;
    return this.slotOf(k) >= 0;
  }

  *values(): Generator<string> {
    if (this.zero) yield '00000000-0000-0000-0000-000000000000';
    const t = this.table;
    for (let s = 0; s <= this.mask; s++) {
      const i = s * 4;
      if (((t[i] ?? 0) | (t[i + 1] ?? 0) | (t[i + 2] ?? 0) | (t[i + 3] ?? 0)) !== 0) yield unpack(t[i] ?? 0, t[i + 1] ?? 0, t[i + 2] ?? 0, t[i + 3] ?? 0);
    }
    yield* this.others;
  }

  private hash(a: number, b: number, c: number, d: number): number {
    return (a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35)) & this.mask;
  }

  /** The slot holding `k`, or -1. */
  private slotOf(k: Uint32Array): number {
    const [a = 0, b = 0, c = 0, d = 0] = k;
    const t = this.table;
    for (let s = this.hash(a, b, c, d); ; s = (s + 1) & this.mask) {
      const i = s * 4;
      const ta = t[i] ?? 0;
      const tb = t[i + 1] ?? 0;
      const tc = t[i + 2] ?? 0;
      const td = t[i + 3] ?? 0;
      if ((ta | tb | tc | td) === 0) return -1;
      if (ta === a && tb === b && tc === c && td === d) return s;
    }
  }

  private insert(a: number, b: number, c: number, d: number): void {
    const t = this.table;
    let s = this.hash(a, b, c, d);
    while (((t[s * 4] ?? 0) | (t[s * 4 + 1] ?? 0) | (t[s * 4 + 2] ?? 0) | (t[s * 4 + 3] ?? 0)) !== 0) s = (s + 1) & this.mask;
    t.set([a, b, c, d], s * 4);
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = old.length / 2 - 1;
    for (let i = 0; i < old.length; i += 4) {
      const [a = 0, b = 0, c = 0, d = 0] = [old[i], old[i + 1], old[i + 2], old[i + 3]];
      if ((a | b | c | d) !== 0) this.insert(a, b, c, d);
    }
  }
}
