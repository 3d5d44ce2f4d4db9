// The edge check every request passes before its route's own schema: text PostgreSQL cannot store (NUL
// bytes, lone UTF-16 surrogates), integers no column can hold, and dates that are not real calendar dates
// or lie outside the years Steward deals in. Each refusal is a 400 problem+json naming the field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../domain/core/errors.js';
import { invalid, schemaErrors, type ValidationFailure } from './problem.js';
import { isIsoDate } from '../domain/core/dates.js';
import { fieldLabel } from '../domain/core/messages.js';
import { textUploadProblem } from '../importers/framework.js';

/** PostgreSQL's integer (int4) range: counts, pence and most numbers are stored in it. */
export const INT4_MAX = 2_147_483_647;
/**
 * Fields stored as bigint: a contract's value in pence, and a Better Care Fund line's planned or actual spend in
 * pence, can pass £21 million; the audit trail's id (a cursor) is a bigserial.
 */
const BIGINT_FIELD = /^(?:\w*ValuePence|plannedPence|actualPence|before)$/;

/** Whether a field (by its last key) is stored as bigint, so may pass int4's range (up to 2^53 − 1). */
export function isBigintField(key: string): boolean {
  return BIGINT_FIELD.test(key);
}
/** Years a date in Steward can plausibly carry (history back to 1900, plans and contracts to 2199). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A date or an ISO date-time, whole (free text that merely starts with digits is left alone). */
const DATE_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** What is wrong with one text value, or null. */
export function textProblem(value: string): string | null {
  const c = characterProblem(value);
  if (c) return c;
  const d = DATE_LIKE.exec(value);
  if (d) {
    const year = Number(d[1]);
    // The calendar check is the one every date schema uses (core/dates isIsoDate).
    if (!isIsoDate(value.slice(0, 10))) return 'Enter a real date, for example 27 March 2026 (written 2026-03-27)';
    if (year < FIRST_YEAR || year > LAST_YEAR) return `Enter a date between ${FIRST_YEAR} and ${LAST_YEAR}`;
  }
  return null;
}

/** Characters PostgreSQL text cannot hold. */
export function characterProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'Remove the NUL character (\\u0000): text cannot contain it';
  if (LONE_SURROGATE.test(value)) return 'Text contains a broken character (a lone UTF-16 surrogate): retype it';
  return null;
}

/**
 * What is wrong with one number, or null: an integer past what its column holds, named by the field's label and
 * said in the user's units (pounds for a `…Pence` field).
 */
export function numberProblem(value: number, key: string): string | null {
  const label = fieldLabel(key);
  const L = label ? label[0].toUpperCase() + label.slice(1) : 'The number';
  if (!Number.isFinite(value)) return `${L} must be a number`;
  if (!Number.isInteger(value)) return null;
  const max = isBigintField(key) ? Number.MAX_SAFE_INTEGER : INT4_MAX;
  const shown = (n: number) =>
    /Pence$/.test(key)
      ? `${n < 0 ? '-' : ''}£${(BigInt(Math.abs(n)) / 100n).toLocaleString('en-GB')}.${String(Math.abs(n) % 100).padStart(2, '0')}`
      : n.toLocaleString('en-GB');
  if (value > max) return `${L} must be ${shown(max)} or less`;
  if (value < -max) return `${L} must be ${shown(-max)} or more`;
  return null;
}

/** A problem the guard found; `number` marks an integer past its column's range (which the route's schema may own). */
export type GuardProblem = FieldError & { number?: true };

/** Every problem in a parsed value (JSON body, query or params), at most `limit`, with dotted field paths. */
export function inputProblems(value: unknown, where: string, limit = 20): GuardProblem[] {
  const out: GuardProblem[] = [];
  const visit = (v: unknown, path: string, key: string, depth: number) => {
    if (out.length >= limit) return;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) out.push({ field: path || where, message: p, in: where });
    } else if (typeof v === 'number') {
      const p = numberProblem(v, key);
      if (p) out.push({ field: path || where, message: p, in: where, number: true });
    } else if (v && typeof v === 'object' && depth < 64) {
      // Only parsed JSON, form and query values: plain objects and arrays. A streamed upload's body (a stream,
      // a Buffer, a typed array) is the importer's to read, and walking a stream's object graph never ends.
      const proto = Object.getPrototypeOf(v) as unknown;
      if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return;
      for (const [k, child] of Object.entries(v)) {
        const kp = characterProblem(k);
        if (kp) {
          out.push({ field: path || where, message: `A field name: ${kp}`, in: where });
          continue;
        }
        visit(child, path ? `${path}.${k}` : k, k, depth + 1);
      }
    }
  };
  visit(value, '', where, 0);
  return out;
}

/** One Zod issue, as `safeParse` reports it. */
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  [part: string]: unknown;
}

/** The issues with which a route's own Zod schema refuses `value` (none when it has no schema, or accepts it). */
function schemaIssues(schema: unknown, value: unknown): ZodIssueLike[] {
  const parse = (schema as { safeParse?: unknown } | undefined)?.safeParse;
  if (typeof parse !== 'function') return [];
  try {
    const result = (parse as (v: unknown) => { success: boolean; error?: { issues: ZodIssueLike[] } }).call(
      schema,
      value,
    );
    return result.success ? [] : (result.error?.issues ?? []);
  } catch {
    // A transform that throws on hostile input: the guard's own problems stand alone.
    return [];
  }
}

/** The dotted paths at which a route's own Zod schema refuses `value` (empty when it has none, or accepts it). */
export function schemaRefusedPaths(schema: unknown, value: unknown): Set<string> {
  return new Set(schemaIssues(schema, value).map((i) => i.path.map(String).join('.')));
}

/**
 * The guard's problems less the oversized numbers the route's own schema refuses too: the schema knows the
 * field's real range and label ("Total value must be £1,000,000,000 or less"), the guard only the column's.
 */
export function withoutSchemaRefused(problems: GuardProblem[], refused: ReadonlySet<string>): GuardProblem[] {
  return problems.filter((p) => !(p.number && refused.has(p.field)));
}

/**
 * The field errors a route's own schema gives for `value` (`where`: body or querystring), in the user's words
 * exactly as the error handler gives them when the guard finds nothing (problem.ts `schemaErrors`).
 */
export function schemaFieldErrors(schema: unknown, value: unknown, where: string): FieldError[] {
  const failures: ValidationFailure[] = schemaIssues(schema, value).map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: path.length ? `/${path.map(String).join('/')}` : '',
    message,
    params,
  }));
  return schemaErrors(failures, where);
}

/**
 * Every problem with a request part at once (issue 12: all errors together): the guard's own (a NUL byte, an
 * impossible date, an integer past its column), then the route schema's for every other field, so a bad date and
 * a bad amount in one form are both named in one answer. A field the guard names keeps the guard's message.
 */
export function mergeSchemaErrors(guard: readonly FieldError[], schema: readonly FieldError[]): FieldError[] {
  const named = new Set(guard.map((p) => p.field));
  return [...guard, ...schema.filter((e) => !named.has(e.field))];
}

/**
 * The problem with a raw text body (a CSV or text file uploaded as text/csv or text/plain), or none: a file that is
 * not text (an image, a PDF, a workbook: bytes PostgreSQL text cannot hold, like NUL) is refused by what it is, on
 * the field `file`, in the importers' words, never as a character of "body" (issue 13: a PNG named fake.csv).
 */
export function rawUploadProblems(body: string): GuardProblem[] {
  const kind = textUploadProblem(body);
  if (kind) return [{ field: 'file', message: kind, in: 'body' }];
  const c = characterProblem(body);
  return c
    ? [{ field: 'file', message: `The file cannot be read: ${c[0].toLowerCase()}${c.slice(1)}`, in: 'body' }]
    : [];
}

/** Refuse hostile input on every route (registered on the root instance before the routes). */
export function guardInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const schema = (request.routeOptions.schema ?? {}) as Record<string, unknown>;
    const part = (value: unknown, where: 'params' | 'querystring' | 'body'): FieldError[] => {
      const found = inputProblems(value, where);
      const kept = found.some((p) => p.number)
        ? withoutSchemaRefused(found, schemaRefusedPaths(schema[where], value))
        : found;
      return kept.map(({ number: _, ...p }) => p);
    };
    const params = part(request.params, 'params');
    const query = part(request.query, 'querystring');
    const body = typeof request.body === 'string' ? rawUploadProblems(request.body) : part(request.body, 'body');
    if (!params.length && !query.length && !body.length) return;
    // Something is refused: name, with it, everything the route's schema would refuse in the same part, so the
    // user corrects the whole form in one go (a malformed id in the address stays the guard's alone).
    const withSchema = (found: FieldError[], value: unknown, where: 'querystring' | 'body') =>
      found.length ? mergeSchemaErrors(found, schemaFieldErrors(schema[where], value, where)) : found;
    const problems = [
      ...params,
      ...withSchema(query, request.query, 'querystring'),
      ...(typeof request.body === 'string' ? body : withSchema(body, request.body, 'body')),
    ];
    if (problems.length)
      throw invalid(
        problems,
        problems.every((p) => p.field === 'file') ? 'The file was not imported' : problemDetail(problems),
      );
  });
}

/**
 * The problem's detail in words for the problems found: the one problem's message (which names its field by its
 * label), else the GOV.UK summary sentence; never field codes ("effectiveFrom: …"). Each problem is in `errors`.
 */
export function problemDetail(problems: readonly FieldError[]): string {
  return problems.length === 1 ? problems[0].message : 'There is a problem with the information you gave';
}
