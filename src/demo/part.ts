// What a demo part is: one area's synthetic data, loaded in order by src/demo/index.ts.
import type { Db } from '../db/client.js';
import type { Rng } from '../domain/core/random.js';

export interface DemoContext {
  seed: number;
  /** The demo's "today": history runs up to this date. */
  asAt: Date;
  /** An independent seeded stream per name, so one part's draws never shift another's. */
  rng(stream: string): Rng;
  log(message: string): void;
  /** Report progress within the current part (for the CLI progress bar). */
  progress(done: number, total: number): void;
}

export interface DemoPart {
  name: string;
  description: string;
  load(db: Db, ctx: DemoContext): Promise<void>;
}
