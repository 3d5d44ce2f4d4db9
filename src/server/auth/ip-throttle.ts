// Failed sign-ins per client address, in memory: MAX_IP_FAILURES failures within WINDOW_MS from one address
// block further sign-ins from it until the window has passed. Counts failures only, so a whole council
// signing in through one office address in the morning is not held up by its own successes.

export const MAX_IP_FAILURES = 30;
export const IP_WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 50_000;

export class IpThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = MAX_IP_FAILURES,
    private readonly windowMs = IP_WINDOW_MS,
  ) {}

  private recent(ip: string, now: number): number[] {
    const list = (this.failures.get(ip) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(ip, list);
    else this.failures.delete(ip);
    return list;
  }

  /** Milliseconds until this address may try again, or 0. */
  blockedFor(ip: string, now = Date.now()): number {
    const list = this.recent(ip, now);
    return list.length >= this.max ? list[list.length - this.max] + this.windowMs - now : 0;
  }

  fail(ip: string, now = Date.now()): void {
    if (this.failures.size >= MAX_TRACKED) {
      // Bounded memory: forget the oldest addresses first (Map keeps insertion order).
      for (const key of [...this.failures.keys()].slice(0, MAX_TRACKED / 10)) this.failures.delete(key);
    }
    const list = this.recent(ip, now);
    list.push(now);
    this.failures.set(ip, list);
  }
}
