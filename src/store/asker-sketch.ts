/**
 * Distinct askers without a scan of every question: one sketch per China day and group, merged for any
 * period (a week, a year). A sketch holds the exact set of askers (48-bit prefixes of their salted hashes)
 * while it is small, so small counts are exact; past {@link SPARSE_MAX} askers it becomes a HyperLogLog of
 * 2^12 registers (4 KB, standard error 1.6 %, linear counting below ~10,000). The input is already a
 * salted hash (`user_hash`, hex digits), so its bits are uniform.
 */

/** log2 of the register count of a dense sketch. */
export const SKETCH_BITS = 12;
/** Registers of a dense sketch (4,096 bytes). */
export const SKETCH_SIZE = 1 << SKETCH_BITS;
/** Askers a stored sketch keeps exactly before it turns dense (600 × 6 bytes, about the size of a dense one). */
export const SPARSE_MAX = 600;
/** Askers a merged (query-time) sketch keeps exactly before it turns dense. */
export const MERGED_SPARSE_MAX = 10_000;

const SPARSE = 1;
const DENSE = 2;

const TWO24 = 2 ** 24;

/** Register index and rank of a 48-bit prefix. */
function registerOf(prefix: number): { index: number; rank: number } {
  const top = Math.floor(prefix / TWO24); // first 24 bits
  const lo = prefix % TWO24; // last 24 bits
  const index = top >>> 12;
  // The remaining 36 bits: the rank is the position of the first 1 bit (1-based), 37 when all are 0.
  const hi = top & 0xfff;
  const rank = hi !== 0 ? Math.clz32(hi) - 19 : lo !== 0 ? 12 + Math.clz32(lo) - 7 : 37;
  return { index, rank };
}

/** A set of askers, exact while small, a HyperLogLog once large. */
export class AskerSketch {
  private sparse?: Set<number> = new Set();
  private dense?: Uint8Array;

  constructor(private readonly sparseMax = SPARSE_MAX) {}

  /** Adds an asker's hash (hex); true when the sketch changed. */
  add(hexHash: string): boolean {
    return this.addPrefix(Number.parseInt(hexHash.slice(0, 12).padEnd(12, '0'), 16));
  }

  private addPrefix(prefix: number): boolean {
    if (this.sparse) {
      if (this.sparse.has(prefix)) return false;
      this.sparse.add(prefix);
      if (this.sparse.size > this.sparseMax) this.densify();
      return true;
    }
    const { index, rank } = registerOf(prefix);
    const d = this.dense as Uint8Array;
    if (d[index] >= rank) return false;
    d[index] = rank;
    return true;
  }

  /** Adds every asker of `other`. */
  merge(other: AskerSketch): void {
    if (other.sparse) {
      for (const p of other.sparse) this.addPrefix(p);
      return;
    }
    if (this.sparse) this.densify();
    const d = this.dense as Uint8Array;
    const o = other.dense as Uint8Array;
    for (let i = 0; i < SKETCH_SIZE; i++) if (o[i] > d[i]) d[i] = o[i];
  }

  /** The number of distinct askers: exact while sparse, else the HyperLogLog estimate (rounded). */
  count(): number {
    if (this.sparse) return this.sparse.size;
    const d = this.dense as Uint8Array;
    const m = SKETCH_SIZE;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < m; i++) {
      sum += 2 ** -d[i];
      if (d[i] === 0) zeros++;
    }
    const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
    if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
    return Math.round(raw);
  }

  /** Whether the sketch is a HyperLogLog (no longer an exact set). */
  get isDense(): boolean {
    return this.dense !== undefined;
  }

  /** Turns the sketch into a HyperLogLog now (a week sketch follows its days); true when it changed. */
  makeDense(): boolean {
    if (this.dense) return false;
    this.densify();
    return true;
  }

  /** The stored form: a tag byte, then 6-byte prefixes (sparse) or the registers (dense). */
  toBlob(): Buffer {
    if (this.dense) return Buffer.concat([Buffer.from([DENSE]), Buffer.from(this.dense)]);
    const out = Buffer.alloc(1 + 6 * (this.sparse as Set<number>).size);
    out[0] = SPARSE;
    let at = 1;
    for (const p of this.sparse as Set<number>) at = out.writeUIntBE(p, at, 6);
    return out;
  }

  /** Reads a stored sketch (`sparseMax` for what it may grow to from here). */
  static fromBlob(blob: Uint8Array, sparseMax = SPARSE_MAX): AskerSketch {
    const s = new AskerSketch(sparseMax);
    const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    if (buf[0] === DENSE) {
      s.sparse = undefined;
      s.dense = new Uint8Array(buf.subarray(1, 1 + SKETCH_SIZE));
      return s;
    }
    const set = s.sparse as Set<number>;
    for (let at = 1; at + 6 <= buf.length; at += 6) set.add(buf.readUIntBE(at, 6));
    if (set.size > sparseMax) s.densify();
    return s;
  }

  private densify(): void {
    const d = new Uint8Array(SKETCH_SIZE);
    for (const p of this.sparse ?? []) {
      const { index, rank } = registerOf(p);
      if (d[index] < rank) d[index] = rank;
    }
    this.sparse = undefined;
    this.dense = d;
  }
}
