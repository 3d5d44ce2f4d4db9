/**
 * Validation messages in the user's words. A schema's own default wording ("Invalid input: expected number,
 * received NaN", "Invalid UUID", "Invalid option: expected one of …") and internal codes never reach a user:
 * every issue is rewritten as "what is wrong with <field label> and how to fix it", GOV.UK style. A message a
 * schema's author wrote (e.g. `.min(0, 'Enter a price of £0 or more')`) is kept as it is.
 *
 * Used by the API's problem handler (src/server/problem.ts) and by importers that validate with Zod.
 */
import { numberFormat } from './format.js';

/** Labels for field names that a plain "camelCase → words" reading would get wrong. */
const LABELS: Record<string, string> = {
  id: 'reference',
  nhsNumber: 'NHS number',
  gssCode: 'GSS code',
  cqcLocationId: 'CQC location ID',
  cqcProviderId: 'CQC provider ID',
  odsCode: 'ODS code',
  ukprn: 'UKPRN',
  email: 'email address',
  url: 'web address',
  kpi: 'KPI',
  kpiId: 'KPI',
  ragStatus: 'RAG status',
  d2a: 'D2A',
  serviceType: 'type of service',
  serviceTypes: 'types of service',
  providerId: 'provider',
  locationId: 'location',
  contractId: 'contract',
  referralId: 'referral',
  scenarioId: 'scenario',
  userId: 'user',
  role: 'role',
  dob: 'date of birth',
  mo: 'medically optimised date',
  medicallyOptimisedAt: 'date and time medically optimised',
  file: 'file',
  body: 'the information you gave',
  // Contracts: the words the contract and KPI forms show beside each box.
  totalValuePence: 'total value over the term',
  initialEndDate: 'end date of the initial term',
  extensionsTaken: 'extensions already taken',
  noticePeriodMonths: 'notice period',
  dueDays: 'due day',
  tolerance: 'tolerance before it is red',
  endedOn: 'last day of the contract',
};

/**
 * Labels of fields inside a list's rows, keyed "list.field", said with the row ("lowest score of band 2"): the
 * field's own name ("min") would not tell the user which box is meant.
 */
const ROW_LABELS: Record<string, { label: string; row: string }> = {
  'bands.min': { label: 'lowest score', row: 'band' },
  'bands.max': { label: 'highest score', row: 'band' },
  'bands.label': { label: 'name', row: 'band' },
  'bands.rag': { label: 'colour', row: 'band' },
};

/**
 * The unit a number field is counted in, said after its limits ("24 months or less"): read from the field's name
 * (`noticePeriodMonths`, `dueDays`). A `…Pence` field's limits are shown in pounds.
 */
function unitOf(path: readonly (string | number | symbol)[] | undefined): { unit: string; pence: boolean } {
  const last =
    [...(path ?? [])]
      .map(String)
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  if (/Pence$/.test(last)) return { unit: '', pence: true };
  const m = /(Months|Days|Weeks|Years|Hours)$/.exec(last);
  return { unit: m ? ` ${m[1].toLowerCase()}` : '', pence: false };
}

/** Units a field name carries (`pricePence`, `weeklyRatePence`) that the user does not type: they enter pounds. */
const SUFFIXES: [RegExp, string][] = [
  [/Pence$/, ''],
  [/Pct$/, ' (%)'],
  [/Iso$/, ''],
];

/**
 * A field's label from its path: the last named segment, in words ("needs.specialisms.0" → "specialisms",
 * "weeklyPricePence" → "weekly price", "nhsNumber" → "NHS number"). Leading "line 12: " prefixes are kept off.
 */
export function fieldLabel(path: string | readonly (string | number | symbol)[]): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p) => p !== '' && !/^\d+$/.test(p),
  );
  const last = parts[parts.length - 1] ?? 'value';
  const raw = typeof path === 'string' ? path.split('.') : path.map(String);
  const at = raw.length >= 3 && /^\d+$/.test(raw[raw.length - 2]) ? Number(raw[raw.length - 2]) : null;
  const inRow = at === null ? undefined : ROW_LABELS[`${raw[raw.length - 3]}.${last}`];
  if (inRow) return `${inRow.label} of ${inRow.row} ${at! + 1}`;
  if (LABELS[last]) return LABELS[last];
  let name = last;
  let suffix = '';
  for (const [re, s] of SUFFIXES) {
    if (re.test(name)) {
      name = name.replace(re, '');
      suffix = s;
    }
  }
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
  return `${words}${suffix}`;
}

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Words a label can start with that already read after "Enter" ("Enter your postcode", "Enter why it ended"). */
const READS_AFTER_ENTER =
  /^(the|a|an|your|their|his|her|its|this|that|these|those|why|what|how|when|where|which|who|at|any|each|every|one|some|all|no)\b/i;

/**
 * "Enter the <label>": the message for a value not given, grammatical for any label ("Date medically optimised" →
 * "Enter the date medically optimised", "NHS number" → "Enter the NHS number"). A label that already reads after
 * "Enter" ("why the KPI is being removed", "the date the fees apply from") is kept as it is. Capitals that are not an
 * abbreviation are lowered.
 */
export function enterMessage(label: string): string {
  const words = label.trim().replace(/^([A-Z])([a-z])/, (_, a: string, b: string) => a.toLowerCase() + b);
  return READS_AFTER_ENTER.test(words) ? `Enter ${words}` : `Enter the ${words}`;
}

/**
 * "<Label> must be a whole number from <min> to <max> <unit>": the message for a number outside its range (or not
 * a number at all), naming the field by the label the form shows and saying the allowed range, so the user knows
 * which box is wrong and what to type. Money (`pence: true`: the range is in pence) is said in pounds.
 * @param label the field's label as the form shows it ("Minimum age", "Pathway 1 referrals a day")
 * @param range the allowed range, usually a BOUNDS entry (src/domain/core/bounds.ts)
 * @param opts `whole` for whole numbers only; `unit` said after the range ("years", "days"); `pence` for money;
 *   `aboveMin` when the minimum itself is refused ("more than 0 and at most 365 days")
 */
export function rangeMessage(
  label: string,
  range: { readonly min: number; readonly max: number },
  opts: { whole?: boolean; unit?: string; pence?: boolean; aboveMin?: boolean } = {},
): string {
  const n = (v: number) =>
    opts.pence ? `£${numberFormat(v % 100 ? 2 : 0, 2).format(v / 100)}` : numberFormat(0, 6).format(v);
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const L = capitalise(label.trim());
  if (opts.aboveMin) return `${L} must be more than ${n(range.min)} and at most ${n(range.max)}${unit}`;
  const what = opts.whole ? 'a whole number from' : opts.pence ? 'from' : 'a number from';
  return `${L} must be ${what} ${n(range.min)} to ${n(range.max)}${unit}`;
}

/**
 * True for wording a schema library wrote rather than a person: what no user should ever read. Used to decide
 * whether a message is rewritten, and by the end-to-end tests to fail any page that shows one.
 */
export const SCHEMA_WORDING =
  /Invalid input|Invalid number|Invalid (UUID|uuid|GUID|guid|email|date|datetime|string|option|enum|literal|url|URL|ISO)|expected (one of|a |an |number|string|boolean|int|date|array|object|nonoptional)|received (NaN|undefined|null|string|number|object|array|Infinity)|Too (small|big): expected|Unrecognized key|String must contain|Number must be|Expected (number|string|boolean|array|object)|Required$|must match pattern|invalid_type|invalid_enum_value|too_small|too_big|\bNaN\b/;

/** The parts of a Zod (v4) issue this module reads; other validators can build the same shape. */
export interface SchemaIssue {
  code: string;
  message?: string;
  path?: readonly PropertyKey[];
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
  divisor?: number;
  keys?: readonly string[];
}

/** True when the issue is about a value not given at all (Zod reports the input only when asked to). */
function isMissing(issue: SchemaIssue): boolean {
  if ('input' in issue && issue.input !== undefined) return issue.input === null || issue.input === '';
  return /received (undefined|null)$/.test(issue.message ?? '') || !('message' in issue);
}

/** A date limit as Zod gives it (a Date, or milliseconds since 1970). */
const asDate = (v: number | bigint | Date | undefined) => (typeof v === 'number' ? new Date(v) : v);

function limit(v: number | bigint | Date | undefined): string {
  if (v instanceof Date)
    return v.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (typeof v === 'bigint') return numberFormat(0, 3).format(v);
  if (typeof v === 'number') return numberFormat(0, 6).format(v);
  return String(v);
}

/**
 * The message for one schema issue in the user's words, naming the field by its label.
 * @param issue the issue (Zod v4 shape)
 * @param label the field's label; defaults to `fieldLabel(issue.path)`
 */
export function userMessage(issue: SchemaIssue, label = fieldLabel(issue.path ?? [])): string {
  const own = issue.message;
  if (own && !SCHEMA_WORDING.test(own) && issue.code !== 'invalid_type') return own;
  const L = capitalise(label);
  const { unit, pence } = unitOf(issue.path);
  /** A number field's limit in the user's units: "24 months", "£1,000,000,000". */
  const amount = (v: number | bigint | Date | undefined) =>
    pence && typeof v === 'number' ? `£${numberFormat(v % 100 ? 2 : 0, 2).format(v / 100)}` : `${limit(v)}${unit}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (own && !SCHEMA_WORDING.test(own)) return own;
      if (isMissing(issue)) return enterMessage(label);
      switch (issue.expected) {
        case 'number':
        case 'int':
        case 'bigint':
          return issue.expected === 'int' ? `${L} must be a whole number` : `${L} must be a number`;
        case 'boolean':
          return `Choose yes or no for ${label}`;
        case 'date':
          return `${L} must be a real date`;
        case 'array':
          return `Choose one or more for ${label}`;
        default:
          return enterMessage(label);
      }
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string')
        return Number(min) <= 1 ? enterMessage(label) : `${L} must be ${limit(min)} characters or more`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(min) <= 1 ? `Choose at least one for ${label}` : `Choose at least ${limit(min)} for ${label}`;
      if (issue.origin === 'date') return `${L} must be on or after ${limit(asDate(min))}`;
      return issue.inclusive === false
        ? `${L} must be more than ${amount(min)}`
        : `${L} must be ${amount(min)} or more`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `${L} must be ${limit(max)} characters or fewer`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose no more than ${limit(max)} for ${label}`;
      if (issue.origin === 'date') return `${L} must be on or before ${limit(asDate(max))}`;
      return issue.inclusive === false
        ? `${L} must be less than ${amount(max)}`
        : `${L} must be ${amount(max)} or less`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Enter an email address in the correct format, like name@example.com';
        case 'uuid':
        case 'guid':
          return `Choose ${label} from the list`;
        case 'date':
          return `${L} must be a real date`;
        case 'datetime':
          return `${L} must be a real date and time`;
        case 'url':
          return `${enterMessage(label)} in the correct format, like https://www.example.org`;
        default:
          return `${enterMessage(label)} in the correct format`;
      }
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_enum_value':
      return `Choose ${label} from the list`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? `${L} must be a whole number` : `${L} must be a multiple of ${limit(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Remove ${issue.keys?.length === 1 ? 'the field' : 'the fields'} ${(issue.keys ?? []).join(', ')}: they are not used here`;
    default:
      // A refinement with no words of its own ("Invalid input"): say what to do, never a bare "Check …".
      return own && !SCHEMA_WORDING.test(own) ? own : `${enterMessage(label)} in the correct format`;
  }
}
