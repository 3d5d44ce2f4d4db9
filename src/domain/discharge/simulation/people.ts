/**
 * The people in a replication, as parallel typed arrays indexed by a person id; ids are recycled through a
 * free list, so a long run holds only as many rows as people in the system at once.
 */
export class People {
  /** Clock time the person joined the current queue (referral, move, or minus their wait so far). */
  arrivedAt = new Float64Array(1024);
  /** Clock time they could first take a place (after handover). */
  readyAt = new Float64Array(1024);
  /** Drawn length of the stay in the service they are queueing for or in, in days. */
  stay = new Float64Array(1024);
  /** Where they go after it: a service index, or an exit -(k+1). */
  route = new Int32Array(1024);
  /** The service whose place they hold while waiting to move on (bed blocking), or -1. */
  blockedIn = new Int32Array(1024);
  /** 1 when waiting in an acute bed (referred from hospital), 0 when moving on from another service. */
  fromAcute = new Uint8Array(1024);
  isPriority = new Uint8Array(1024);
  /** 1 when their wait is in the statistics (referred in the measured period, or waiting today). */
  counted = new Uint8Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private count = 0;

  /** Forget everyone (start of a replication). */
  reset(): void {
    this.freeCount = 0;
    this.count = 0;
  }

  /** A free person id. @throws Error beyond 8 million people in the system at once (a runaway scenario) */
  add(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    const p = this.count++;
    if (p === this.arrivedAt.length) this.grow();
    return p;
  }

  /** Return an id to the free list. */
  release(p: number): void {
    if (this.freeCount === this.free.length) {
      const grown = new Int32Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    this.free[this.freeCount++] = p;
  }

  private grow(): void {
    const n = this.arrivedAt.length * 2;
    if (n > 1 << 23) throw new Error('more than 8 million people in the system at once: check the arrival rates');
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.arrivedAt = grow(this.arrivedAt, (k) => new Float64Array(k));
    this.readyAt = grow(this.readyAt, (k) => new Float64Array(k));
    this.stay = grow(this.stay, (k) => new Float64Array(k));
    this.route = grow(this.route, (k) => new Int32Array(k));
    this.blockedIn = grow(this.blockedIn, (k) => new Int32Array(k));
    this.fromAcute = grow(this.fromAcute, (k) => new Uint8Array(k));
    this.isPriority = grow(this.isPriority, (k) => new Uint8Array(k));
    this.counted = grow(this.counted, (k) => new Uint8Array(k));
  }
}
