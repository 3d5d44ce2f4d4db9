import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conflict } from '../domain/core/errors.js';
import { LOCK_FILE, lockDataDir } from './dataDirLock.js';

describe('lockDataDir: one process at a time per PGlite data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'steward-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes this process as the owner and removes the lock when the last holder lets go', () => {
    const first = lockDataDir(dir);
    const second = lockDataDir(dir); // the same process may open its own folder again (start: migrate, then serve)
    const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    first();
    first(); // releasing twice counts once
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    second();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a folder another live process holds, naming that process and what to do', () => {
    // The test runner's parent process is alive for the whole test.
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, command: 'serve', since: '2026-11-30T09:00:00.000Z' }),
    );
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Error).message).toContain(
      `pid ${process.ppid}, \`steward serve\`, since 30 November 2026 at 09:00 (UK time)`,
    );
    expect((error as Error).message).toContain('DATABASE_URL');
    // The other process's lock is left alone.
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock left by a process that has ended (a crash or kill -9)', () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: ended, command: 'import cqc', since: '' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over an unreadable lock file', () => {
    writeFileSync(path.join(dir, LOCK_FILE), 'not json');
    const release = lockDataDir(dir);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
