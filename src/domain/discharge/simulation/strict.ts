import { z } from 'zod';
import type { FieldError } from '../../core/errors.js';
import { enterMessage, fieldLabel, userMessage, type SchemaIssue } from '../../core/messages.js';

/**
 * Strict input: a scenario with a field the engine does not know (a misspelling such as `warmUpDays`, or a
 * field in the wrong place such as `services.0.initialOccupancy`) is refused, never silently dropped. Each
 * unknown field is reported on its own, by its full path, with the nearest field the schema does know there.
 */

/** A field at fault in a scenario, by its dotted path (`services.2.lengthOfStay.mean`). */
export type FieldIssue = FieldError;

/**
 * Fields people often write for something the schema has under another name or in another place; the
 * value says where it lives. Checked before the spelling distance, so the hint is about meaning.
 */
const HINTS: Record<string, string> = {
  initialqueue: 'services.N.initialState.waiting (people already waiting, with the days each has waited)',
  initialoccupancy: 'initialState.inService (people already in service, with the days each has spent)',
  occupancy: 'initialState.inService',
  warmup: 'warmupDays',
  capacitychange: 'capacityChanges',
  los: 'lengthOfStay',
  arrival: 'arrivals',
  costperplace: 'costPerPlaceDayPence',
  costperplaceday: 'costPerPlaceDayPence (money is in whole pence)',
  costperacutebedday: 'costPerAcuteBedDayPence (money is in whole pence)',
  costpervisit: 'costPerVisitPence (money is in whole pence)',
};

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive.
 * @returns the number of single-character edits turning `a` into `b`
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const m = s.length;
  const n = t.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/**
 * The known name nearest to an unknown one: smallest edit distance, ties to the one sharing the longer
 * prefix, then alphabetical. @returns null when there are no known names
 */
export function nearestName(unknown: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const name of known) {
    const distance = editDistance(unknown, name);
    let prefix = 0;
    while (
      prefix < name.length &&
      prefix < unknown.length &&
      name[prefix].toLowerCase() === unknown[prefix].toLowerCase()
    )
      prefix++;
    const score = distance * 1000 - prefix;
    if (score < bestScore || (score === bestScore && best !== null && name < best)) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/** The message for one unknown field: what it is not, and the nearest name known at that place. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const hint = HINTS[key.toLowerCase().replace(/[^a-z]/g, '')];
  const nearest = nearestName(key, known);
  const list = known.length <= 12 ? ` Known fields here: ${known.join(', ')}.` : '';
  if (hint)
    return `Unknown field "${key}": did you mean ${hint}?${nearest ? ` (nearest name here: "${nearest}")` : ''}`;
  if (nearest) return `Unknown field "${key}": did you mean "${nearest}"?${list}`;
  return `Unknown field "${key}": this object takes no fields`;
}

type AnySchema = z.ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    if (
      s instanceof z.ZodDefault ||
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodPrefault
    )
      s = s.unwrap() as AnySchema;
    else if (s instanceof z.ZodPipe) s = s.in as AnySchema;
    else break;
  }
  return s;
}

function pick(schema: AnySchema, input: unknown): AnySchema | null {
  const s = unwrap(schema);
  if (s instanceof z.ZodDiscriminatedUnion) {
    const key = (s._zod.def as { discriminator: string }).discriminator;
    const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
    for (const option of s.options as AnySchema[]) {
      const o = unwrap(option);
      if (o instanceof z.ZodObject) {
        const d = unwrap(o.shape[key] as AnySchema);
        const values = (d._zod as { values?: Set<unknown> }).values;
        if (values?.has(value)) return o;
      }
    }
    return null;
  }
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as AnySchema[]) {
      const o = unwrap(option);
      if (o instanceof z.ZodObject || o instanceof z.ZodArray) return o;
    }
    return null;
  }
  return s;
}

/** The field names the schema knows for the object at `path` of `input` (null when it is not an object). */
export function knownFieldsAt(schema: AnySchema, input: unknown, path: readonly PropertyKey[]): string[] | null {
  let s = pick(schema, input);
  let value = input;
  for (const step of path) {
    if (!s) return null;
    if (s instanceof z.ZodObject) {
      const next = s.shape[String(step)] as AnySchema | undefined;
      if (!next) return null;
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(step)] : undefined;
      s = pick(next, value);
    } else if (s instanceof z.ZodArray) {
      value = Array.isArray(value) ? value[Number(step)] : undefined;
      s = pick(s.element as AnySchema, value);
    } else return null;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : null;
}

/**
 * Zod issues as field errors: paths dotted (`services.0.capacity`), unknown fields one error each, named
 * by their own path with the nearest known name. `prefix` is put before every path (e.g. `scenario`).
 */
export function fieldIssues(
  schema: AnySchema,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): FieldIssue[] {
  const join = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter((p) => p !== '').join('.');
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownFieldsAt(schema, input, issue.path) ?? [];
      for (const key of issue.keys)
        out.push({ field: join([...issue.path, key]), message: unknownFieldMessage(key, known) });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ field: join(issue.path) || prefix || '(input)', message: enterMessage(fieldLabel(issue.path)) });
    } else {
      // The schema's own messages (ranges in words) are kept; Zod's default wording is put in words.
      out.push({ field: join(issue.path) || prefix || '(input)', message: userMessage(issue as SchemaIssue) });
    }
  }
  return out;
}

/**
 * Parses untrusted input with a strict schema.
 * @returns the parsed value, or every field at fault (unknown fields with the nearest known name)
 */
export function parseStrict<S extends AnySchema>(
  schema: S,
  input: unknown,
  prefix = '',
): { ok: true; value: z.infer<S> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data as z.infer<S> };
  return { ok: false, issues: fieldIssues(schema, input, result.error.issues, prefix) };
}
