// Vitest global setup for database-backed tests: find a PostgreSQL server once, share its URL with every file.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresRequired } from './test-env.js';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Vitest global set-up: checks whether a PostgreSQL server answers at STEWARD_TEST_DATABASE_URL (or the CI default
 * 127.0.0.1:5432) and provides its URL to the integration tests as `postgresUrl` ('' when none answers, and then
 * every [postgres] suite fails under CI).
 * @throws Error when STEWARD_TEST_DATABASE_URL is set explicitly but the server cannot be reached
 */
export default async function setup(project: TestProject): Promise<void> {
  const explicit = process.env.STEWARD_TEST_DATABASE_URL;
  const url = explicit || DEFAULT_TEST_POSTGRES_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
    console.log(
      `[steward tests] PostgreSQL reachable at ${url.replace(/:[^:@/]*@/, ':***@')}: integration tests run on PGlite and PostgreSQL`,
    );
  } catch (err) {
    if (explicit) throw new Error(`STEWARD_TEST_DATABASE_URL is set but unreachable: ${(err as Error).message}`);
    project.provide('postgresUrl', '');
    console.log(
      postgresRequired()
        ? '[steward tests] No PostgreSQL server reachable at 127.0.0.1:5432: CI is set, so every [postgres] suite FAILS'
        : '[steward tests] No PostgreSQL server reachable at 127.0.0.1:5432: integration tests run on PGlite only',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
