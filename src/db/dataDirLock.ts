// One process at a time per PGlite data folder. PGlite keeps the whole database in the memory of the process that
// opened it and writes it back to the folder; a second process (a `steward import` while `steward serve` runs)
// would work on its own copy and one of the two would silently lose its writes. A lock file with the owner's
// process ID makes the second process stop with a plain message instead.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { londonDateTimeText } from '../domain/core/dates.js';
import { Conflict } from '../domain/core/errors.js';

/** The lock file's name inside a data folder. */
export const LOCK_FILE = 'steward.lock';

interface LockOwner {
  pid: number;
  command: string;
  since: string;
}

/** Opens held by this process, per folder: the same process may open its own folder more than once. */
const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number'
      ? { pid: owner.pid, command: owner.command ?? '', since: owner.since ?? '' }
      : null;
  } catch {
    return null;
  }
}

/**
 * Take the data folder for this process, or throw `Conflict` naming the process that holds it
 * ("… is in use by another Steward process (pid 1234, `steward serve`, since …)"). A lock left by a process that
 * has ended (a crash, kill -9) is taken over. Returns the function that gives the folder back.
 */
export function lockDataDir(dataDir: string): () => void {
  const key = path.resolve(dataDir);
  const file = path.join(key, LOCK_FILE);
  const count = held.get(key) ?? 0;
  if (count === 0) {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        const owner: LockOwner = {
          pid: process.pid,
          command: process.argv
            .slice(2)
            .filter((a) => !a.startsWith('-'))
            .slice(0, 2)
            .join(' '),
          since: new Date().toISOString(),
        };
        writeSync(fd, JSON.stringify(owner));
        closeSync(fd);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
        const owner = readOwner(file);
        if (owner && owner.pid !== process.pid && alive(owner.pid))
          throw new Conflict(
            `The database folder ${key} is in use by another Steward process (pid ${owner.pid}` +
              `${owner.command ? `, \`steward ${owner.command}\`` : ''}${sinceText(owner.since)}). ` +
              'The embedded database serves one process at a time: stop that process first and run this again, ' +
              'or set DATABASE_URL to use a PostgreSQL server, which many processes can share.',
          );
        unlinkSync(file); // left by a process that has ended
      }
    }
  }
  held.set(key, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(key) ?? 1) - 1;
    if (left > 0) {
      held.set(key, left);
      return;
    }
    held.delete(key);
    try {
      if (readOwner(file)?.pid === process.pid) unlinkSync(file);
    } catch {
      // the folder was removed with its lock
    }
  };
}

/**
 * When the other process took the folder, as people in England read it (", since 30 November 2026 at 22:39 (UK
 * time)"), from the ISO instant the lock file holds; empty when it holds none or not a date.
 */
export function sinceText(since: string | undefined): string {
  const at = since ? new Date(since) : null;
  return at && !Number.isNaN(at.getTime()) ? `, since ${londonDateTimeText(at)} (UK time)` : '';
}
