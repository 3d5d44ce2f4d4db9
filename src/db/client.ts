// One PostgreSQL dialect everywhere: PGlite (WASM Postgres, data in a local directory) by default,
// a PostgreSQL server when DATABASE_URL is set. Both give the same Drizzle `Db`.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.js';
import { retryTransactions } from './errors.js';

/** A Drizzle database or transaction; repository functions take this as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, the server URL (password hidden) for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}

/**
 * The checkout's root folder (the one holding package.json, drizzle/ and web/), found from this module's place,
 * whether it runs from the TypeScript sources (src/db) or compiled (dist/src/db).
 */
export const PROJECT_ROOT = projectRootFrom(path.dirname(fileURLToPath(import.meta.url)));

function projectRootFrom(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) throw new Error(`No package.json above ${dir}: cannot find Steward's folder`);
  }
}
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');

/** The embedded database's folder: STEWARD_DATA_DIR, else .steward-data under the current folder (absolute). */
export function defaultDataDir(): string {
  return path.resolve(process.env.STEWARD_DATA_DIR ?? path.join(process.cwd(), '.steward-data'));
}

export interface OpenOptions {
  /** PostgreSQL connection URL; defaults to DATABASE_URL. When absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. Defaults to STEWARD_DATA_DIR or ./.steward-data */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** PostgreSQL statement_timeout in milliseconds; none when absent or 0. */
  statementTimeoutMs?: number;
}

/** The web server's statement timeout: STEWARD_STATEMENT_TIMEOUT_MS, default 60 seconds (0 for none). */
export function serverStatementTimeoutMs(): number {
  const v = Number(process.env.STEWARD_STATEMENT_TIMEOUT_MS ?? 60_000);
  return Number.isFinite(v) && v >= 0 ? v : 60_000;
}

/**
 * Open Steward's database: PostgreSQL when `url` (or DATABASE_URL) is given, else PGlite in `dataDir`.
 * A PGlite folder is held by one process at a time: throws `Conflict` when another live Steward process has it
 * open (see `lockDataDir`); throws the driver's error when a PostgreSQL server cannot be reached.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      // The web server sets one so no single statement holds the server for long (it is cancelled and the
      // request answered 503); migrations, the demo and imports run without.
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    });
    // An idle client can be cut off by the server (restart, admin termination): the pool replaces it on the
    // next query, so this must not crash the process.
    pool.on('error', (err) => {
      if (process.env.NODE_ENV !== 'test' && !process.env.VITEST)
        console.error(`PostgreSQL connection lost: ${err.message}`);
    });
    // Surface a bad URL or unreachable server now, not on the first request.
    const client = await pool.connect();
    client.release();
    return {
      db: retryTransactions(drizzlePg(pool) as unknown as Db),
      kind: 'postgres',
      location: redactUrl(url),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  if (dataDir.startsWith('memory://')) {
    const client = yieldingBetweenQueries(await PGlite.create(dataDir));
    return {
      db: drizzlePglite(client) as unknown as Db,
      kind: 'pglite',
      location: dataDir,
      close: () => client.close(),
    };
  }
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = yieldingBetweenQueries(await PGlite.create(dataDir));
  } catch (err) {
    unlock();
    throw err;
  }
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    location: dataDir,
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * PGlite runs each query on this thread, and its promises resolve as microtasks: a request making fifty queries
 * would hold the event loop for all fifty, so nothing else (a health check, another user's small request) is
 * even read off its socket until it ends. Each query (outside a transaction) now first yields to the event loop
 * (setImmediate), so other requests get their turn between one query and the next. Returns the same client.
 */
function yieldingBetweenQueries(client: PGlite): PGlite {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  client.query = (async (...args: Parameters<typeof query>) => {
    await turn();
    return query(...args);
  }) as typeof client.query;
  client.exec = (async (...args: Parameters<typeof exec>) => {
    await turn();
    return exec(...args);
  }) as typeof client.exec;
  return client;
}

/** Apply the versioned migrations in drizzle/ (idempotent). */
export async function migrateDatabase(database: Database): Promise<void> {
  try {
    if (database.kind === 'pglite') {
      await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  } catch (err) {
    // 42P07 duplicate_table: the baseline met tables it creates, so the database was made by a development
    // version of Steward from before the migrations were squashed into one baseline (November 2026).
    const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (code === '42P07')
      throw new Error(
        'This database was created by a development version of Steward whose migrations have since been squashed ' +
          'into one baseline, and cannot be upgraded. Start from an empty database (for the embedded one, delete ' +
          'its data folder; see STEWARD_DATA_DIR in the README), then set up your council and import your files again.',
        { cause: err },
      );
    throw err;
  }
}

/** A database URL fit for logs and messages: the password replaced by ***; a string that is not a URL unchanged. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** Run raw SQL and return its rows (PGlite and node-postgres both answer with `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
