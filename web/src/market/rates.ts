// Usual rates and cost of care in the browser: an amount typed in pounds → integer pence, which figure is in
// force on a date, and the checks of the "Set a usual rate" and "Set a cost of care figure" forms (the server
// checks everything again). Pure, so unit-tested in rates.test.ts.
import { BOUNDS } from '../../../src/domain/core/bounds';
import { parsePoundsInput } from '../../../src/domain/core/money';
import { inForceOn } from '../../../src/domain/market/prices';
import {
  costOfCareInputSchema,
  RATE_LABELS,
  RATE_TEXT_MAX,
  usualRateInputSchema,
} from '../../../src/domain/market/rates';
import { londonToday } from '../../../src/domain/core/dates';
import { datePartsToIso, domainProblems, type DateParts, type SummaryError } from '../components';

/** The server's limit on a note or source. */
export const TEXT_MAX = RATE_TEXT_MAX;

/**
 * "712.50", "712.5", "£1,234", ".5" → pence (71250, 71250, 123400, 50); otherwise an error in GOV.UK wording.
 * The one parser of typed money (src/domain/core/money.ts), with the API's limit (BOUNDS.weeklyPricePence).
 */
export function poundsToPence(text: string): { pence: number } | { error: string } {
  return parsePoundsInput(text, BOUNDS.weeklyPricePence, RATE_LABELS.amount);
}

/** Today's date in England (yyyy-mm-dd): a rate dated today is in force today. */
export const todayInEngland = (now: Date = new Date()): string => londonToday(now);

export type RateStatus = 'in_force' | 'scheduled' | 'replaced';
export const RATE_STATUS_LABELS: Record<RateStatus, string> = {
  in_force: 'In force',
  scheduled: 'Scheduled',
  replaced: 'Replaced',
};

export { inForceOn };

/** Every figure with its status on `date`, ordered by `order` of the keys, then newest first. */
export function rateHistory<T extends { effectiveFrom: string }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  order: readonly string[],
  date: string,
): (T & { status: RateStatus })[] {
  const current = inForceOn(rows, keyOf, date);
  const rank = (r: T) => {
    const i = order.indexOf(keyOf(r));
    return i < 0 ? order.length : i;
  };
  return [...rows]
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0),
    )
    .map((r) => ({
      ...r,
      status: r.effectiveFrom > date ? 'scheduled' : current.get(keyOf(r)) === r ? 'in_force' : 'replaced',
    }));
}

// ---- The two forms ----

/** 'rate' sets a usual rate (PUT /api/market/rates); 'cost' a cost of care figure (PUT /api/market/cost-of-care). */
export type RateFormKind = 'rate' | 'cost';

export interface RateFormValues {
  /** The band (rate) or service (cost). */
  key: string;
  effectiveFrom: DateParts;
  /** Pounds, as typed. */
  amount: string;
  /** The note (rate) or source (cost). */
  text: string;
}

export const emptyRateForm = (): RateFormValues => ({
  key: '',
  effectiveFrom: { day: '', month: '', year: '' },
  amount: '',
  text: '',
});

/** The two forms share a page, so their inputs' ids carry the form's prefix: `rate-amount`, `cost-amount`. */
export function rateFormIds(kind: RateFormKind) {
  return {
    key: `${kind}-${kind === 'rate' ? 'band' : 'service'}`,
    effectiveFrom: `${kind}-effectiveFrom`,
    /** A date's error links to its day input. */
    effectiveFromDay: `${kind}-effectiveFrom-day`,
    amount: `${kind}-amount`,
    text: `${kind}-${kind === 'rate' ? 'note' : 'source'}`,
  };
}

export type RateBody =
  | { band: string; effectiveFrom: string; amountPence: number; note: string | null }
  | { service: string; effectiveFrom: string; amountPence: number; source: string | null };

const DATE_LABEL = 'The effective from date';

/**
 * Checks a form with the API's own checks (src/domain/market/rates.ts), every problem at once: what was typed is
 * read first (an amount in pounds, a date in three boxes), then the body goes through the API's schema, so a rate
 * effective in 1999 is named together with a bad amount. `body` is the API request when there are no errors.
 */
export function checkRateForm(
  kind: RateFormKind,
  v: RateFormValues,
): { errors: SummaryError[]; body: RateBody | null } {
  const ids = rateFormIds(kind);
  const errors: SummaryError[] = [];
  const date = datePartsToIso(v.effectiveFrom, DATE_LABEL);
  if ('error' in date) errors.push({ field: ids.effectiveFromDay, message: date.error });
  const amount = poundsToPence(v.amount);
  if ('error' in amount) errors.push({ field: ids.amount, message: amount.error });
  const text = v.text.trim();
  const effectiveFrom = 'iso' in date ? date.iso : undefined;
  const amountPence = 'pence' in amount ? amount.pence : undefined;
  const body: RateBody =
    kind === 'rate'
      ? { band: v.key, effectiveFrom: effectiveFrom!, amountPence: amountPence!, note: text || null }
      : { service: v.key, effectiveFrom: effectiveFrom!, amountPence: amountPence!, source: text || null };
  const mapping = Object.fromEntries(Object.entries(SERVER_FIELDS[kind]).map(([field, f]) => [field, ids[f.id]]));
  errors.push(...domainProblems(kind === 'rate' ? usualRateInputSchema : costOfCareInputSchema, body, mapping, errors));
  const order = [ids.key, ids.effectiveFromDay, ids.amount, ids.text];
  errors.sort((a, b) => order.indexOf(a.field ?? '') - order.indexOf(b.field ?? ''));
  return errors.length ? { errors, body: null } : { errors, body };
}

/** The API's field names → the form's inputs and their labels, for messages like "Amount must be …". */
const SERVER_FIELDS: Record<
  RateFormKind,
  Record<string, { id: keyof ReturnType<typeof rateFormIds>; label: string }>
> = {
  rate: {
    band: { id: 'key', label: 'Band' },
    effectiveFrom: { id: 'effectiveFromDay', label: DATE_LABEL },
    amountPence: { id: 'amount', label: 'Amount' },
    note: { id: 'text', label: 'Note' },
  },
  cost: {
    service: { id: 'key', label: 'Service' },
    effectiveFrom: { id: 'effectiveFromDay', label: DATE_LABEL },
    amountPence: { id: 'amount', label: 'Amount' },
    source: { id: 'text', label: 'Source' },
  },
};

/**
 * A problem's field errors (`amountPence: must be a whole number …`) as summary entries linked to this form's
 * inputs ("Amount must be a whole number …" → #rate-amount). Other entries keep their message, without a link.
 */
export function serverErrorsForForm(kind: RateFormKind, errors: readonly SummaryError[]): SummaryError[] {
  const ids = rateFormIds(kind);
  return errors.map((e) => {
    const f = e.field ? SERVER_FIELDS[kind][e.field] : undefined;
    if (!f) return { message: e.message };
    const rest = e.message.startsWith(`${e.field} `) ? e.message.slice(e.field!.length + 1) : e.message;
    return { field: ids[f.id], message: /^[a-z]/.test(rest) ? `${f.label} ${rest}` : rest };
  });
}
