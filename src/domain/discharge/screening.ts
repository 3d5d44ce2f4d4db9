// Screening free text that goes to providers (a request's summary of needs): providers must see the needs,
// the age band and the postcode district, never who the person is. Finds NHS numbers (10 digits, spaced or
// not, that pass the modulus 11 check digit), full postcodes (a district alone is fine) and the person's name.
import { isValidNhsNumber } from './referral.js';

export type ScreeningKind = 'nhs_number' | 'postcode' | 'name';

export interface ScreeningFinding {
  kind: ScreeningKind;
  /** The text as found. */
  text: string;
  /** Offset in the screened text. */
  index: number;
  /** What is wrong, in words for the broker. */
  message: string;
}

const NHS_LIKE = /(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g;
// Full UK postcode: outward code (district) then inward code (digit and two letters), after the ONS/Royal Mail format.
const FULL_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b/gi;

/**
 * Identifying details in `text`, in order of appearance.
 * @param context.name the person's name (as recorded by the hub): the whole name, or any part of it of three
 *   letters or more, found as a word, case-insensitive
 */
export function screenFreeText(text: string, context: { name?: string | null } = {}): ScreeningFinding[] {
  const found: ScreeningFinding[] = [];
  for (const m of text.matchAll(NHS_LIKE)) {
    if (isValidNhsNumber(m[1] + m[2] + m[3]))
      found.push({ kind: 'nhs_number', text: m[0], index: m.index, message: `an NHS number (${m[0]})` });
  }
  for (const m of text.matchAll(FULL_POSTCODE)) {
    found.push({
      kind: 'postcode',
      text: m[0],
      index: m.index,
      message: `a full postcode (${m[0]}): give the district (${m[1].toUpperCase()}) only`,
    });
  }
  const parts = (context.name ?? '')
    .split(/[\s,.'’-]+/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 3);
  for (const part of new Set(parts)) {
    const re = new RegExp(`(?<![\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
    for (const m of text.matchAll(re))
      found.push({ kind: 'name', text: m[0], index: m.index, message: `the person’s name (${m[0]})` });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** One sentence for a warning or a problem detail: "The summary for providers contains an NHS number (…) and …". */
export function describeFindings(findings: ScreeningFinding[]): string {
  const items = findings.map((f) => f.message);
  const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
  return `The summary for providers contains ${list}. Providers must not be told who the person is.`;
}
