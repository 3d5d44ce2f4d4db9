// A care home's capacity return as the form holds it: each figure's label, the checks before it is sent, and
// the number field it is typed in.
import { TextInput, fieldError, type SummaryError } from '../components';
import { capacityLabel, validateCareHomeCapacity } from '../../../src/domain/market/capacity';

/** The form's text for each figure, by field name. */
export type Form = Record<string, string>;

export const GROUPS = ['residential', 'nursing', 'dementia'] as const;

/** Each figure's label as the form shows it, from the domain, so the form's messages and the API's name it alike. */
export const labelOf = capacityLabel;
/** Figures whose label is not a count of things, so "Enter the number of …" would not read (issue 13). */
const NOT_COUNTED = new Set(['maxCapacity', 'hoursPerWeek', 'newHoursAvailable']);
/** The message for a figure left blank: "Enter the number of occupied beds", "Enter the maximum capacity". */
export const missingFigure = (f: string) =>
  NOT_COUNTED.has(f) ? `Enter the ${labelOf(f)}` : `Enter the number of ${labelOf(f)}`;
export const sentence = (s: string) => s[0].toUpperCase() + s.slice(1);

/** '' → null, '12' → 12, anything else → NaN (reported as not a whole number). Exported for tests. */
export function toCount(v: string): number | null {
  const t = v.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

export function careHomeFormErrors(
  form: Form,
  groups: readonly string[],
  registeredBeds: number | null,
): { errors: SummaryError[]; body: Record<string, number | string | null> } {
  const body: Record<string, number | string | null> = {};
  const errors: SummaryError[] = [];
  // Bed status: beds closed to admissions and beds held for assessment are 0 when left blank.
  for (const f of ['vacantClosed', 'heldForAssessment']) {
    const v = toCount(form[f] ?? '');
    if (Number.isNaN(v))
      errors.push({ field: f, message: `${sentence(labelOf(f))} must be a whole number, 0 or more` });
    body[f] = v ?? 0;
  }
  // A reason goes only with closed beds (one left over from an earlier closure is dropped once none are closed).
  const closed = typeof body.vacantClosed === 'number' && body.vacantClosed > 0;
  body.closedReason = closed ? form.closedReason || null : null;
  body.closedNote = closed ? form.closedNote?.trim() || null : null;
  const fields = [
    'maxCapacity',
    'occupied',
    'vacantReserved',
    'vacantAccepting',
    ...groups.flatMap((g) => [`${g}Max`, `${g}Occupied`, `${g}VacantAccepting`]),
  ];
  for (const f of fields) {
    const v = toCount(form[f] ?? '');
    if (v === null) errors.push({ field: f, message: missingFigure(f) });
    else if (Number.isNaN(v))
      errors.push({ field: f, message: `${sentence(labelOf(f))} must be a whole number, 0 or more` });
    body[f] = v;
  }
  // The domain's checks (ranges, totals against groups) run whatever else is wrong: every problem in one go, a
  // field already reported above left out so nothing is said twice.
  const reported = new Set(errors.map((e) => e.field));
  for (const e of validateCareHomeCapacity(body as never, registeredBeds))
    if (!reported.has(e.field)) errors.push({ field: e.field, message: sentence(e.message) });
  return { errors, body };
}

export function NumberField({
  name,
  label,
  hint,
  form,
  set,
  errors,
}: {
  name: string;
  label: string;
  hint?: string;
  form: Form;
  set: (k: string, v: string) => void;
  errors: SummaryError[];
}) {
  return (
    <TextInput
      name={name}
      label={label}
      hint={hint}
      inputMode="numeric"
      width={5}
      value={form[name] ?? ''}
      onChange={(v) => set(name, v)}
      error={fieldError(errors, name)}
    />
  );
}
