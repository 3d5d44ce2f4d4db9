// Money, once: amounts are integer pence wherever they are stored or sent (API fields end in `Pence`). Pounds
// appear only where people type or read them, and in published formats that use pounds (ORUK's
// cost_options.amount); these are the only conversions. Text is read digit by digit, never through floating
// point (0.29 × 100 is 28.999… in binary floating point).
import { numberFormat } from './format.js';
import { enterMessage } from './messages.js';

/**
 * Money as files write it, to pence: '£1,234,567.89', '1234567.89', '712.5', '0' → 123456789, 123456789, 71250, 0.
 * @returns whole pence, or null when the text is not a non-negative amount with at most two decimal places
 */
export function parseMoneyToPence(value: string): number | null {
  const v = value.trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  const [pounds, pence = ''] = v.split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

/**
 * Pence as pounds in a message or a limit: 2_500_000 → "£25,000", 71_250 → "£712.50". The one way a money limit is
 * said, by the API's schemas (penceSchema) and the forms (parsePoundsInput) alike.
 */
export function poundsText(pence: number): string {
  return `£${numberFormat(pence % 100 ? 2 : 0, 2).format(pence / 100)}`;
}

/**
 * An amount a person typed in a form, to pence: "712.50", "712.5", "£1,234", ".5" → 71250, 71250, 123400, 50.
 * More than £0 and at most `range.max` pence (a BOUNDS entry, the same the API's penceSchema applies), with the
 * same words: "Amount must be £25,000 or less".
 * @param label the field's label as the form shows it ("amount", "weekly price")
 * @returns `{ pence }`, or `{ error }` in GOV.UK wording naming the field and saying what to fix
 */
export function parsePoundsInput(
  text: string,
  range: { readonly max: number },
  label = 'amount',
): { pence: number } | { error: string } {
  const L = label[0].toUpperCase() + label.slice(1);
  const t = text.trim().replace(/^£\s*/, '');
  if (t === '') return { error: `${enterMessage(label)} in pounds` };
  if (/^[-−]/.test(t)) return { error: `${L} must be more than £0` };
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?$/.exec(t);
  if (!m || (m[1] === '' && m[2] === undefined)) return { error: `${L} must be in pounds and pence, like 712.50` };
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { error: `${L} must have no more than 2 decimal places` };
  const whole = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0';
  const tooBig = { error: `${L} must be ${poundsText(range.max)} or less` };
  if (whole.length > String(Math.ceil(range.max / 100)).length) return tooBig;
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (pence > range.max) return tooBig;
  if (pence === 0) return { error: `${L} must be more than £0` };
  return { pence };
}

/** Pence (integer) to pounds for a published format that uses pounds, e.g. 350 → 3.5. */
export function penceToPounds(pence: number): number {
  return Math.round(pence) / 100;
}

/** Pounds from a published format (a number) to integer pence, to the nearest penny: 3.499 → 350. */
export function poundsToPence(pounds: number): number {
  return Math.round(pounds * 100);
}
