// Database errors: find PostgreSQL's SQLSTATE behind Drizzle's wrapper, retry transactions that lost a race
// (serialisation failure, deadlock), and describe an error for the logs without its parameters (a failed
// write's parameters can hold a person's name or NHS number).

/** What PostgreSQL (node-postgres or PGlite) says about a failed statement; values are never kept. */
export interface PgErrorFacts {
  /** SQLSTATE, e.g. '23505' unique violation, '40P01' deadlock detected. */
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The server's message with every quoted value replaced by "…". */
  message: string;
}

/** SQLSTATEs that mean "another transaction got there first": the whole transaction may be tried again. */
export const RETRYABLE_CODES = new Set(['40001', '40P01']);

/** The PostgreSQL error inside `err` (Drizzle wraps it in DrizzleQueryError whose message holds the SQL and its parameters). */
export function pgErrorOf(err: unknown): PgErrorFacts | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; message?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      return {
        code: o.code,
        ...(typeof o.constraint === 'string' ? { constraint: o.constraint } : {}),
        ...(typeof o.table === 'string' ? { table: o.table } : {}),
        ...(typeof o.column === 'string' ? { column: o.column } : {}),
        message: redactValues(typeof o.message === 'string' ? o.message : ''),
      };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Is this a DrizzleQueryError (or anything carrying a query and its parameters)? */
export function isQueryError(err: unknown): boolean {
  return !!err && typeof err === 'object' && 'query' in err && 'params' in err;
}

/** PostgreSQL quotes the values it complains about ("invalid input syntax for type integer: "…""). */
export function redactValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)');
}

/**
 * An error as it may be logged: the SQLSTATE, constraint, table and column for database errors, never the
 * statement's parameters; other errors keep their type, message and stack.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const pgFacts = pgErrorOf(err);
  if (pgFacts || isQueryError(err)) {
    return { type: 'DatabaseError', ...(pgFacts ?? { message: 'database query failed' }) };
  }
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { type: typeof err, message: String(err) };
}

/** True for a PostgreSQL serialisation failure or deadlock: the transaction may be run again. */
export function isRetryable(err: unknown): boolean {
  const facts = pgErrorOf(err);
  return !!facts && RETRYABLE_CODES.has(facts.code);
}

/**
 * Run `attempt` and run it again (up to `tries` times in all, with a short random pause) while it fails with
 * a serialisation failure or a deadlock. The last error is rethrown; the server answers it with 409.
 */
export async function withRetry<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= tries || !isRetryable(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * n));
    }
  }
}

/**
 * Make `db.transaction` retry a whole transaction that lost a race. Only the outermost transaction is
 * retried (a nested one is a savepoint inside it); the callback must not have effects outside the database.
 */
export function retryTransactions<D extends { transaction: (...args: never[]) => Promise<unknown> }>(db: D): D {
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = (...args: unknown[]) => withRetry(() => original(...args));
  return db;
}
