/** A first-in, first-out queue of person ids on a growable ring buffer (no allocation per push). */
export class IntQueue {
  buf = new Int32Array(64);
  head = 0;
  size = 0;

  /** Add an id at the back. */
  push(v: number): void {
    if (this.size === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) % this.buf.length];
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.size) % this.buf.length] = v;
    this.size++;
  }

  /** Remove and return the id at the front (the queue must not be empty). */
  shift(): number {
    const v = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.size--;
    return v;
  }

  /** The id at the front without removing it (the queue must not be empty). */
  peek(): number {
    return this.buf[this.head];
  }

  /** The i-th id from the front. */
  at(i: number): number {
    return this.buf[(this.head + i) % this.buf.length];
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}
