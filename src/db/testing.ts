// Integration-test support: run a suite against PGlite always, and against a PostgreSQL server when one is
// reachable (STEWARD_TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres). Each suite gets a
// fresh, migrated database of its own and drops it afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { postgresRequired } from './test-env.js';
import { type Database, type DatabaseKind, type Db, migrateDatabase, openDatabase } from './client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a reachable PostgreSQL server, or '' when none (set by src/db/test-global-setup.ts). */
    postgresUrl: string;
  }
}

export interface DbContext {
  readonly db: Db;
  readonly kind: DatabaseKind;
  readonly database: Database;
}

/**
 * The PostgreSQL server integration tests run against: the URL provided by the global set-up, else
 * STEWARD_TEST_DATABASE_URL; '' when none is reachable.
 */
export function postgresTestUrl(): string {
  try {
    return inject('postgresUrl') ?? '';
  } catch {
    return process.env.STEWARD_TEST_DATABASE_URL ?? '';
  }
}

/**
 * Declares an integration suite twice, `<name> [pglite]` and `<name> [postgres]`, each with its own migrated
 * database in `ctx`. The PostgreSQL copy fails under CI, and is left out locally, when no server is reachable.
 */
export function describeWithDatabases(name: string, suite: (ctx: DbContext) => void): void {
  describe(`${name} [pglite]`, () => {
    const ctx = databaseContext('pglite');
    suite(ctx);
  });
  const url = postgresTestUrl();
  if (url) {
    describe(`${name} [postgres]`, () => {
      const ctx = databaseContext('postgres', url);
      suite(ctx);
    });
  } else if (postgresRequired()) {
    // In CI a missing server is a failure, never a quiet skip: the suite would otherwise pass on PGlite alone.
    describe(`${name} [postgres]`, () => {
      it('needs a PostgreSQL server (CI is set): none reachable at 127.0.0.1:5432 or STEWARD_TEST_DATABASE_URL', () => {
        throw new Error(
          'No PostgreSQL server reachable: start one (pg_ctlcluster <version> main start) or set STEWARD_TEST_DATABASE_URL',
        );
      });
    });
  } else {
    describe(`${name} [postgres]`, () => {
      it.skip('skipped: no PostgreSQL server reachable (set STEWARD_TEST_DATABASE_URL)', () => {});
    });
  }
}

/** A fresh migrated database for the enclosing describe block. */
export function databaseContext(kind: DatabaseKind, adminUrl?: string): DbContext {
  let database: Database | null = null;
  let dropDb: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    if (kind === 'pglite') {
      database = await openDatabase({ dataDir: 'memory://' });
    } else {
      const created = await createScratchDatabase(adminUrl!);
      dropDb = created.drop;
      database = await openDatabase({ url: created.url, maxConnections: 8 });
    }
    await migrateDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
    await dropDb?.();
  });
  return {
    get db() {
      if (!database) throw new Error('database not open yet: use ctx.db inside hooks and tests');
      return database.db;
    },
    get database() {
      if (!database) throw new Error('database not open yet');
      return database;
    },
    kind,
  };
}

/**
 * Creates an empty, uniquely named database on the PostgreSQL server at `adminUrl`.
 * @returns its URL and a function that drops it (ending its connections)
 * @throws the pg driver's error when the server refuses the connection or the CREATE DATABASE
 */
export async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `steward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
