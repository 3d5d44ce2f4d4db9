/**
 * Binary min-heap of simulation events on typed arrays (no object per event).
 * Ordered by time, then by insertion order, so simultaneous events run first-scheduled-first.
 * Each event carries one 32-bit integer payload (the engine packs type, service and person into it).
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private count = 0;
  private seq = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.payloads = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    this.seq = 0;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  push(time: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const seq = this.seq++;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Remove the earliest event and return its payload (read its time first with peekTime). */
  pop(): number {
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    const n = --this.count;
    if (n > 0) {
      const time = times[n];
      const seq = seqs[n];
      const payload = payloads[n];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (
          right < n &&
          (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))
        ) {
          child = right;
        }
        const ct = times[child];
        if (time < ct || (time === ct && seq < seqs[child])) break;
        times[i] = ct;
        seqs[i] = seqs[child];
        payloads[i] = payloads[child];
        i = child;
      }
      times[i] = time;
      seqs[i] = seq;
      payloads[i] = payload;
    }
    return top;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const payloads = new Int32Array(size);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
}
