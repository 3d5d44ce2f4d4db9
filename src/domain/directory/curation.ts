/**
 * Keeping the directory right: review dates, what search needs from a record (days open, free or paid),
 * duplicate organisations by charity or company number, and what a suggested change would change.
 * Pure: plain records in, plain answers out.
 */
import { addMonths, daysBetween, type IsoDate } from '../core/dates.js';
import type { OrukCostOption, OrukOrganizationIdentifier, OrukSchedule, OrukService, Weekday } from './oruk.js';
import { WEEKDAYS } from './oruk.js';

/** How long an entry stays current before a curator must check it again, in months. */
export const REVIEW_INTERVAL_MONTHS = 12;

/** The next review date for an entry reviewed (or created) on `reviewedOn`: twelve months later. */
export function nextReviewDate(reviewedOn: IsoDate, months = REVIEW_INTERVAL_MONTHS): IsoDate {
  return addMonths(reviewedOn, months);
}

/**
 * Days past its review date an entry is on `today` (0 when due today, negative when not yet due).
 * @throws RangeError when either date is not a real `YYYY-MM-DD` date.
 */
export function daysOverdue(reviewDate: IsoDate, today: IsoDate): number {
  return daysBetween(reviewDate, today);
}

/**
 * The weekdays a service opens on, from its schedules' RFC 5545 `byday` lists ("MO,TU", "1MO" for the first
 * Monday of the month), Monday first, without repeats. Schedules without `byday` say nothing about days.
 */
export function openDays(schedules: readonly Pick<OrukSchedule, 'byday'>[] | undefined): Weekday[] {
  const found = new Set<string>();
  for (const s of schedules ?? []) {
    for (const part of (s.byday ?? '').split(',')) {
      const code = part.trim().toUpperCase().slice(-2);
      if ((WEEKDAYS as readonly string[]).includes(code)) found.add(code);
    }
  }
  return WEEKDAYS.filter((d) => found.has(d));
}

/**
 * True when a service is free to use: it lists no cost option with an amount above zero. (ORUK's `fees`
 * free-text is not read: councils write "Free" and "£3 per session" alike there.)
 */
export function isFree(costOptions: readonly Pick<OrukCostOption, 'amount'>[] | undefined): boolean {
  return !(costOptions ?? []).some((c) => (c.amount ?? 0) > 0);
}

/** An organisation identifier reduced to compare like with like: scheme-free type key and bare number. */
export interface IdentifierKey {
  kind: 'charity' | 'company' | 'other';
  value: string;
}

/**
 * The comparable key of an organisation identifier. Charity numbers (scheme GB-CHC, GB-SC, GB-NIC or a type
 * naming a charity) and company numbers (GB-COH or a type naming a company) are upper-cased with spaces and
 * dashes removed; company numbers are left-padded with zeros to Companies House's eight characters
 * ("1234567" and "01234567" are the same company).
 */
export function identifierKey(
  id: Pick<OrukOrganizationIdentifier, 'identifier_scheme' | 'identifier_type' | 'identifier'>,
): IdentifierKey {
  const scheme = (id.identifier_scheme ?? '').toUpperCase();
  const type = id.identifier_type.toLowerCase();
  let value = id.identifier.toUpperCase().replace(/[\s-]/g, '');
  if (scheme === 'GB-COH' || /compan/.test(type)) {
    if (/^\d+$/.test(value)) value = value.padStart(8, '0');
    return { kind: 'company', value };
  }
  if (['GB-CHC', 'GB-SC', 'GB-NIC'].includes(scheme) || /charit/.test(type)) return { kind: 'charity', value };
  return { kind: 'other', value: `${scheme || type}:${value}` };
}

export interface OrganisationForDuplicates {
  id: string;
  name: string;
  identifiers: Pick<OrukOrganizationIdentifier, 'identifier_scheme' | 'identifier_type' | 'identifier'>[];
}

export interface DuplicateGroup {
  /** What the organisations share, e.g. "Charity number 1098765". */
  reason: string;
  organisationIds: string[];
}

/**
 * Organisations that share a charity or company number: one group per shared number, each listing two or more
 * organisation ids (in input order). Also groups organisations whose names are the same once case, punctuation
 * and "Ltd"/"Limited"/"CIC"/"The" are set aside, as those are often the same body entered twice.
 */
export function findDuplicateOrganisations(orgs: readonly OrganisationForDuplicates[]): DuplicateGroup[] {
  const groups = new Map<string, { reason: string; ids: string[] }>();
  const add = (key: string, reason: string, id: string) => {
    const g = groups.get(key) ?? { reason, ids: [] };
    if (!g.ids.includes(id)) g.ids.push(id);
    groups.set(key, g);
  };
  for (const org of orgs) {
    for (const identifier of org.identifiers) {
      const k = identifierKey(identifier);
      if (k.kind === 'other') continue;
      add(`${k.kind}:${k.value}`, `${k.kind === 'charity' ? 'Charity' : 'Company'} number ${k.value}`, org.id);
    }
    const name = normaliseOrganisationName(org.name);
    if (name) add(`name:${name}`, `Same name: ${org.name}`, org.id);
  }
  return [...groups.values()]
    .filter((g) => g.ids.length > 1)
    .map((g) => ({ reason: g.reason, organisationIds: g.ids }));
}

/** An organisation name with case, punctuation and legal-form words removed, for spotting the same body twice. */
export function normaliseOrganisationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['the', 'ltd', 'limited', 'cic', 'plc', 'llp', 'cio'].includes(w))
    .join(' ');
}

/** One field a suggestion would change, with both values as the curator reads them. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const COMPARED: { field: keyof OrukService; label: string }[] = [
  { field: 'name', label: 'Name' },
  { field: 'description', label: 'Description' },
  { field: 'status', label: 'Status' },
  { field: 'url', label: 'Website' },
  { field: 'email', label: 'Email' },
  { field: 'fees', label: 'Fees' },
  { field: 'eligibility_description', label: 'Who it is for' },
  { field: 'minimum_age', label: 'Minimum age' },
  { field: 'maximum_age', label: 'Maximum age' },
  { field: 'alert', label: 'Alert' },
  { field: 'organization', label: 'Organisation' },
  { field: 'service_at_locations', label: 'Locations' },
  { field: 'schedules', label: 'Opening times' },
  { field: 'cost_options', label: 'Costs' },
  { field: 'contacts', label: 'Contacts' },
  { field: 'phones', label: 'Phone numbers' },
  { field: 'languages', label: 'Languages' },
  { field: 'service_areas', label: 'Service areas' },
  { field: 'attributes', label: 'Categories' },
  { field: 'steward_capacity', label: 'Taking referrals and waiting time' },
];

/** JSON with ids left out and object keys in a fixed order, so stored copies (jsonb reorders keys) compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    if (k === 'id' || k.endsWith('_id')) continue;
    out[k] = canonical((value as Record<string, unknown>)[k]);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'object') return String(value);
  return JSON.stringify(canonical(value));
}

/**
 * The fields a proposed version of a service changes compared with the current one, in the order a curator
 * reads a record. Ids and `last_modified` are ignored; nested lists compare by content. For a new entry pass
 * `current` as null: every field the proposal fills is a change.
 */
export function diffServices(current: OrukService | null, proposed: OrukService): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label } of COMPARED) {
    const before = describe(current?.[field]);
    const after = describe(proposed[field]);
    if (before !== after) changes.push({ field: label, before, after });
  }
  return changes;
}
