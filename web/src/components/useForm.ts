// One form's plumbing, the same on every page: its values, the problems found (by the page's own checks, all at
// once, or by the server's problem+json field errors put on this form's inputs), busy while sending and the
// success banner's heading. Pair it with <ErrorSummary errors={form.errors} />, which lists them in page order
// with links to the fields.
import { useCallback, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import type { ZodType } from 'zod';
import { ApiError } from '../api';
import { userMessage, type SchemaIssue } from '../../../src/domain/core/messages';
import { apiErrorsToSummary, fieldError, type SummaryError } from './ErrorSummary';

/**
 * The domain's checks, run by a form before it sends: what `schema` (the very schema the API applies to the body,
 * from src/domain) finds wrong with `body`, as summary entries on this form's inputs, so every problem the server
 * would report shows at once, in the same words. `ids` maps the API's top-level field to the input's id (a date's
 * `startDate` → `startDate-day`; undefined lists it without a link); unmapped fields keep their name. Fields the
 * page's own reading of what was typed already found wrong (`found`, by input id) are left out: each field is
 * named once.
 */
export function domainProblems(
  schema: ZodType,
  body: unknown,
  ids: Readonly<Record<string, string | undefined>> = {},
  found: readonly SummaryError[] = [],
): SummaryError[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const out: SummaryError[] = [];
  const seen = new Set(found.map((e) => e.field).filter(Boolean));
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const field = key in ids ? ids[key] : key || undefined;
    const mark = field ?? key;
    if (seen.has(mark)) continue;
    seen.add(mark);
    out.push({ field, message: userMessage(issue as SchemaIssue) });
  }
  return out;
}

/** How the server's field names become this form's input ids. */
export interface ServerFieldMapping {
  /** Fields entered in a DateInput: a server error on `startDate` (or `x.startDate`) links to its `startDate-day` box. */
  dateFields?: readonly string[];
  /** Prefixes dropped from the server's field name, like `changes.` on a PATCH body: `changes.title` → `title`. */
  prefixes?: readonly string[];
  /**
   * Any other renaming, applied after the prefixes and instead of the date mapping: the input's id for the
   * server's field, or undefined to list the error without a link.
   */
  rename?: (field: string) => string | undefined;
}

/**
 * The error summary's entries for a failed send: the API's field errors on this form's inputs (see
 * ServerFieldMapping), or the problem's detail, or the message of any other error.
 */
export function serverErrorsForForm(err: unknown, mapping: ServerFieldMapping = {}): SummaryError[] {
  if (!(err instanceof ApiError)) return [{ message: String(err) }];
  const { dateFields = [], prefixes = [], rename } = mapping;
  return apiErrorsToSummary(err).map((e) => {
    if (!e.field) return e;
    const bare = prefixes.reduce((f, p) => (f.startsWith(p) ? f.slice(p.length) : f), e.field);
    if (rename) return { ...e, field: rename(bare) };
    const date = dateFields.find((d) => bare === d || bare.endsWith(`.${d}`));
    return { ...e, field: date ? `${date}-day` : bare };
  });
}

export interface Form<V> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** A setter for one field, for an input's onChange: `onChange={form.set('title')}`. */
  set: <K extends keyof V>(key: K) => (value: V[K]) => void;
  /** Every problem shown, for <ErrorSummary errors={...} /> and the page's `hasErrors`. */
  errors: SummaryError[];
  setErrors: Dispatch<SetStateAction<SummaryError[]>>;
  /** The message for one input id (a date's is `${name}-day`), for its `error` prop. */
  error: (field: string) => string | undefined;
  /** True while a send is under way: disable the submit button. */
  busy: boolean;
  /** The success banner's heading after a send that returned one; null before and while sending again. */
  done: string | null;
  setDone: Dispatch<SetStateAction<string | null>>;
  /**
   * Shows `problems` (the page's own checks, all of them) and sends nothing when there are any; otherwise runs
   * `send`, which may return the success banner's heading (or navigate away). A failure's errors go on the fields
   * (see ServerFieldMapping) and `onFailure` runs. True when sent.
   */
  run: (
    problems: readonly SummaryError[],
    send: () => Promise<string | void>,
    onFailure?: () => void,
  ) => Promise<boolean>;
  /** A form's onSubmit: stops the browser's own submit, then calls `handler` (which usually calls `run`). */
  onSubmit: (handler: () => unknown) => (e: FormEvent) => void;
}

/**
 * A form's state and sending. `initial` is the values (use a type with null for values loaded later);
 * `mapping` puts the server's field errors on this form's inputs.
 */
export function useForm<V>(initial: V | (() => V), mapping: ServerFieldMapping = {}): Form<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((v) => ({ ...v, [key]: value })),
    [],
  );
  const run = async (problems: readonly SummaryError[], send: () => Promise<string | void>, onFailure?: () => void) => {
    setErrors([...problems]);
    if (problems.length) return false;
    setBusy(true);
    setDone(null);
    try {
      const heading = await send();
      if (heading) setDone(heading);
      return true;
    } catch (err) {
      setErrors(serverErrorsForForm(err, mapping));
      onFailure?.();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (handler: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    void handler();
  };
  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    error: (field) => fieldError(errors, field),
    busy,
    done,
    setDone,
    run,
    onSubmit,
  };
}
