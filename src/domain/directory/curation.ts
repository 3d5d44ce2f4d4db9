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
 * True when a service is free to use: it lists no cost option with an amount above zero, and its `fees` text, if
 * any, begins "Free" ("Free", "Free to people the council refers"). A care home whose fees "depend on assessed
 * needs" is not free even though it lists no amount.
 */
export function isFree(
  costOptions: readonly Pick<OrukCostOption, 'amount'>[] | undefined,
  fees?: string | undefined,
): boolean {
  if ((costOptions ?? []).some((c) => (c.amount ?? 0) > 0)) return false;
  return !fees?.trim() || /^free\b/i.test(fees.trim());
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

type Item = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const hhmm = (t: unknown) => str(t).slice(0, 5);

/** How a curator reads each kind of list: one line per item, in plain words, ids left out. */
const DESCRIBERS: Partial<Record<keyof OrukService, (item: Item) => string>> = {
  schedules: (x) =>
    [
      str(x.byday)
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
        .join(', '),
      x.opens_at || x.closes_at ? `${hhmm(x.opens_at)}–${hhmm(x.closes_at)}` : '',
      str(x.description),
      x.valid_from || x.valid_to ? `valid ${str(x.valid_from)} to ${str(x.valid_to)}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  cost_options: (x) =>
    [str(x.option), x.amount !== undefined ? `£${Number(x.amount).toFixed(2)}` : '', str(x.amount_description)]
      .filter(Boolean)
      .join(' '),
  phones: (x) => [str(x.number), str(x.description)].filter(Boolean).join(' '),
  languages: (x) => str(x.name ?? x.code),
  funding: (x) => str(x.source),
  service_areas: (x) => [str(x.name), str(x.extent)].filter(Boolean).join(': '),
  attributes: (x) => str((x.taxonomy_term as Item | undefined)?.name),
  contacts: (x) =>
    [str(x.name), str(x.title), str(x.email), ...((x.phones as Item[] | undefined) ?? []).map((p) => str(p.number))]
      .filter(Boolean)
      .join(', '),
  service_at_locations: (x) => {
    const l = (x.location ?? {}) as Item;
    const a = ((l.addresses as Item[] | undefined) ?? [])[0] ?? {};
    return [str(l.name), str(a.address_1), str(a.city), str(a.postal_code)].filter(Boolean).join(', ');
  },
};

function describe(field: keyof OrukService, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) {
    const line = DESCRIBERS[field] ?? ((x: Item) => JSON.stringify(x));
    return value.map((x) => line(x as Item)).join('; ');
  }
  if (field === 'organization') {
    const o = value as Item;
    const ids = ((o.organization_identifiers as Item[] | undefined) ?? []).map(
      (i) => `${str(i.identifier_type)} ${str(i.identifier)}`,
    );
    return [str(o.name), str(o.email), str(o.website), ...ids].filter(Boolean).join(', ');
  }
  if (field === 'steward_capacity') {
    const c = value as Item;
    return `${c.taking_referrals ? 'Taking referrals' : 'Not taking referrals'}${
      c.waiting_time_days !== undefined ? `, typical wait ${str(c.waiting_time_days)} days` : ''
    }`;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The fields a proposed version of a service changes compared with the current one, in the order a curator
 * reads a record, each described in plain words (opening times as "WE 10:00–12:30", costs as "£3.00 per
 * session"). Ids and `last_modified` are ignored; lists compare by what they say. For a new entry pass
 * `current` as null: every field the proposal fills is a change.
 */
export function diffServices(current: OrukService | null, proposed: OrukService): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label } of COMPARED) {
    const before = describe(field, current?.[field]);
    const after = describe(field, proposed[field]);
    if (before !== after) changes.push({ field: label, before, after });
  }
  return changes;
}
