// Money, once: amounts are integer pence wherever they are stored or sent (API fields end in `Pence`). Pounds
// appear only where people type or read them, and in published formats that use pounds (ORUK's
// cost_options.amount); these are the only conversions. Text is read digit by digit, never through floating
// point (0.29 × 100 is 28.999… in binary floating point).

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
 * An amount a person typed in a form, to pence: "712.50", "712.5", "£1,234", ".5" → 71250, 71250, 123400, 50.
 * More than £0 and less than `maxPounds`.
 * @returns `{ pence }`, or `{ error }` in GOV.UK wording saying what to fix
 */
export function parsePoundsInput(text: string, maxPounds: number): { pence: number } | { error: string } {
  const t = text.trim().replace(/^£\s*/, '');
  if (t === '') return { error: 'Enter the amount in pounds' };
  if (/^[-−]/.test(t)) return { error: 'Amount must be more than £0' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?$/.exec(t);
  if (!m || (m[1] === '' && m[2] === undefined)) return { error: 'Amount must be in pounds and pence, like 712.50' };
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { error: 'Amount must have no more than 2 decimal places' };
  const whole = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > String(maxPounds).length || Number(whole) >= maxPounds)
    return { error: `Amount must be less than £${maxPounds.toLocaleString('en-GB')}` };
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (pence === 0) return { error: 'Amount must be more than £0' };
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
