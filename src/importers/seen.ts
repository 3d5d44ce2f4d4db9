// A compact record of the keys an import has seen, for spotting repeats in a file of millions of rows without
// holding the keys themselves: each key is kept as a 53-bit hash and the line it was first seen on, 12 bytes a
// key in typed arrays (a million package IDs take 16 MiB at most, against ~80 MiB as a Set of strings).
// A hash can collide, so a hit is only a candidate repeat: the importer confirms it against the file's own text
// (see `confirmRepeats` in placements.ts) before reporting it.

/** 53-bit hash of a string (cyrb53: two 32-bit multiply-xorshift lanes); never 0, which marks an empty slot. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return h === 0 ? 1 : h;
}

/** An open-addressing hash set of keys with the line each was first seen on; grows by doubling at half full. */
export class SeenKeys {
  private hashes: Float64Array;
  private lines: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.hashes = new Float64Array(size);
    this.lines = new Int32Array(size);
  }

  /** Keys recorded so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Records `key` first seen on `line`; returns null for a new key, or the line an earlier key with the same hash
   * was recorded on (almost always the same key: the caller confirms).
   */
  add(key: string, line: number): number | null {
    if (this.count * 2 >= this.hashes.length) this.grow();
    const h = hash53(key);
    const mask = this.hashes.length - 1;
    let i = ((h % 4294967296) >>> 0) & mask;
    for (;;) {
      const at = this.hashes[i];
      if (at === 0) {
        this.hashes[i] = h;
        this.lines[i] = line;
        this.count++;
        return null;
      }
      if (at === h) return this.lines[i];
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hashes, lines } = this;
    this.hashes = new Float64Array(hashes.length * 2);
    this.lines = new Int32Array(hashes.length * 2);
    const mask = this.hashes.length - 1;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j];
      if (h === 0) continue;
      let i = ((h % 4294967296) >>> 0) & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = h;
      this.lines[i] = lines[j];
    }
  }
}
