/**
 * Exchanging whole directories. The export is one JSON document holding every taxonomy (with its terms) and every
 * service fully nested, exactly as the ORUK API answers `/taxonomies/{id}` and `/services/{id}`; the CSV export
 * lays the same records out as HSDS tabular files (one CSV per table, HSDS column names). Reading accepts that
 * document, an ORUK page (`{ contents: [...] }`), a list of services, or a single service, so a feed saved from
 * another council's API imports as it is.
 */
import { z } from 'zod';
import type { FieldError } from '../core/errors.js';
import { enterMessage, userMessage, type SchemaIssue } from '../core/messages.js';
import {
  dropBlanks,
  orukServiceSchema,
  orukTaxonomyWithTermsSchema,
  type OrukService,
  type OrukTaxonomyWithTerms,
} from './oruk.js';

/** The ORUK profile this directory publishes to. */
export const ORUK_PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile';
export const HSDS_VERSION = '3.0';

export interface DirectoryExport {
  version: string;
  profile: string;
  taxonomies: OrukTaxonomyWithTerms[];
  services: OrukService[];
}

export interface ReadResult {
  taxonomies: OrukTaxonomyWithTerms[];
  services: OrukService[];
  /** Every problem, with the JSON path of the field at fault (e.g. `services.3.organization.email`). */
  issues: FieldError[];
}

function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

/** ORUK lists inside a record, by the word for one of their items ("location 2", "phone 1"). */
const ITEM_WORDS: Record<string, string> = {
  service_at_locations: 'location',
  addresses: 'address',
  accessibility: 'accessibility note',
  phones: 'phone',
  contacts: 'contact',
  schedules: 'opening time',
  service_areas: 'service area',
  languages: 'language',
  funding: 'funding source',
  cost_options: 'cost',
  attributes: 'category',
  organization_identifiers: 'organisation identifier',
  taxonomy_terms: 'term',
};

/** ORUK objects inside a record, by their name in words (`location` inside a service-at-location says nothing new). */
const OBJECT_WORDS: Record<string, string> = {
  organization: 'organisation',
  location: '',
  taxonomy_term: 'category term',
  steward_capacity: 'capacity',
};

/** ORUK field names in words, as the directory's forms label them. */
const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  url: 'web address',
  website: 'website',
  uri: 'web address',
  term_uri: 'web address',
  schedule_link: 'web address',
  email: 'email address',
  assurer_email: 'assurer’s email address',
  postal_code: 'postcode',
  address_1: 'first line of the address',
  address_2: 'second line of the address',
  state_province: 'county',
  location_type: 'type of location',
  address_type: 'type of address',
  last_modified: 'date last changed',
  opens_at: 'opening time',
  closes_at: 'closing time',
  valid_from: 'date it starts',
  valid_to: 'date it ends',
  freq: 'how often it repeats',
  byday: 'days of the week',
  number: 'phone number',
  taking_referrals: 'whether it is taking referrals',
  waiting_time_days: 'waiting time in days',
};

/**
 * Who and what an ORUK schema issue is about, in words: the record (`Service 2 (“Day centre”)`, with the list items
 * on the way, `…, location 1, address 1`) and the field's label (`service’s name`, `organisation’s email address`,
 * `postcode`).
 */
function describePath(record: string, path: readonly PropertyKey[]): { who: string; label: string } {
  const parts = path.map(String);
  const field = parts.pop() ?? '';
  const where: string[] = [record];
  let owner = record.startsWith('Taxonomy') ? 'taxonomy' : 'service';
  let ownerIsItem = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && ITEM_WORDS[p]) {
      where.push(`${ITEM_WORDS[p]} ${Number(next) + 1}`);
      ownerIsItem = true;
      i++;
    } else if (p in OBJECT_WORDS) {
      if (OBJECT_WORDS[p]) {
        owner = OBJECT_WORDS[p];
        ownerIsItem = false;
      }
    } else if (!/^\d+$/.test(p)) {
      owner = p.replace(/_/g, ' ');
      ownerIsItem = false;
    }
  }
  const words = FIELD_WORDS[field] ?? field.replace(/_/g, ' ');
  return { who: where.join(', '), label: ownerIsItem ? words : `${owner}’s ${words}` };
}

/**
 * One ORUK schema issue in the user's words, naming the record and field: "Service 2 (“Day centre”): enter the
 * service’s name", "Service 1 (“Lunch club”): the service’s status must be one of active, inactive, defunct or
 * temporarily closed". Never the schema's own wording ("Invalid input: expected string, received undefined").
 */
function orukIssueMessage(record: string, issue: SchemaIssue): string {
  const { who, label } = describePath(record, issue.path ?? []);
  const the = `the ${label}`;
  let words: string;
  if (issue.code === 'invalid_value' && issue.values?.length) {
    const vs = issue.values.map(String);
    words = `${the} must be ${vs.length > 1 ? `one of ${vs.slice(0, -1).join(', ')} or ${vs.at(-1)}` : vs[0]}`;
  } else if (issue.code === 'invalid_format' && issue.format === 'email') {
    words = `${enterMessage(label)} in the correct format, like name@example.org`;
  } else if (issue.code === 'invalid_format' && (issue.format === 'uuid' || issue.format === 'guid')) {
    words = `${the} must be written as a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2`;
  } else if (issue.code === 'invalid_type' && issue.expected === 'string' && issue.input !== undefined) {
    words = `${the} must be text`;
  } else if (issue.code === 'invalid_type' && issue.expected === 'object') {
    words = `${the} must be a record of its own, in braces { }`;
  } else if (issue.code === 'invalid_type' && issue.expected === 'array') {
    words = `${the} must be a list, in brackets [ ]`;
  } else {
    words = userMessage(issue, label);
  }
  return `${who}: ${words[0].toLowerCase()}${words.slice(1)}`;
}

/** A record as messages name it: "Service 2 (“Day centre”)", or "Service 2" when it has no name to show. */
function recordName(kind: 'Service' | 'Taxonomy', index: number | null, raw: unknown): string {
  const name = raw && typeof raw === 'object' ? (raw as { name?: unknown }).name : undefined;
  const base = index === null ? `The ${kind.toLowerCase()}` : `${kind} ${index + 1}`;
  return typeof name === 'string' && name.trim() ? `${base} (“${name.trim().slice(0, 60)}”)` : base;
}

/** The value at `path` inside `value` (undefined when any step is missing), to tell a missing field from a wrong one. */
function inputAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Read and validate a directory document (see the module comment for the shapes taken). Nulls, blank strings and
 * empty lists are dropped first (many feeds send `null` for "none"); then each taxonomy and service is checked
 * against the ORUK shapes, and every problem is listed with its path. Duplicate service ids are refused.
 */
export function readDirectoryDocument(document: unknown): ReadResult {
  const issues: FieldError[] = [];
  let rawTaxonomies: unknown[] = [];
  let rawServices: unknown[] = [];
  let prefix = 'services';
  if (Array.isArray(document)) rawServices = document;
  else if (document && typeof document === 'object') {
    const d = document as Record<string, unknown>;
    if (Array.isArray(d.services) || Array.isArray(d.taxonomies)) {
      rawServices = Array.isArray(d.services) ? d.services : [];
      rawTaxonomies = Array.isArray(d.taxonomies) ? d.taxonomies : [];
    } else if (Array.isArray(d.contents)) {
      rawServices = d.contents;
      prefix = 'contents';
    } else if ('id' in d && 'name' in d && 'status' in d) {
      rawServices = [d];
      prefix = '';
    } else {
      issues.push({
        field: '',
        message:
          'Expected an ORUK directory: { taxonomies, services }, a page { contents }, a list of services or one service',
      });
    }
  } else {
    issues.push({ field: '', message: 'Expected a JSON object or array' });
  }

  const taxonomies: OrukTaxonomyWithTerms[] = [];
  rawTaxonomies.forEach((raw, i) => {
    const r = orukTaxonomyWithTermsSchema.safeParse(dropBlanks(raw));
    if (r.success) taxonomies.push(r.data);
    else
      for (const e of r.error.issues)
        issues.push({
          field: pathOf(`taxonomies.${i}`, e.path),
          message: orukIssueMessage(recordName('Taxonomy', i, raw), { ...e, input: inputAt(dropBlanks(raw), e.path) }),
        });
  });
  const services: OrukService[] = [];
  const seen = new Set<string>();
  rawServices.forEach((raw, i) => {
    const where = prefix ? `${prefix}.${i}` : '';
    const r = orukServiceSchema.safeParse(dropBlanks(raw));
    if (!r.success) {
      const record = recordName('Service', prefix ? i : null, raw);
      for (const e of r.error.issues)
        issues.push({
          field: pathOf(where, e.path),
          message: orukIssueMessage(record, { ...e, input: inputAt(dropBlanks(raw), e.path) }),
        });
      return;
    }
    if (seen.has(r.data.id)) {
      issues.push({
        field: pathOf(where, ['id']),
        message: `${recordName('Service', prefix ? i : null, raw)}: has the same id as another service in the file (${r.data.id}); give each service its own id`,
      });
      return;
    }
    seen.add(r.data.id);
    services.push(r.data);
  });
  return { taxonomies, services, issues };
}

/** The export document for a directory's taxonomies and services. */
export function directoryExport(taxonomies: OrukTaxonomyWithTerms[], services: OrukService[]): DirectoryExport {
  return { version: HSDS_VERSION, profile: ORUK_PROFILE_URL, taxonomies, services };
}

export const directoryExportSchema = z.object({
  version: z.string(),
  profile: z.string(),
  taxonomies: z.array(orukTaxonomyWithTermsSchema),
  services: z.array(orukServiceSchema),
});

type Cell = string | number | undefined;
export type Table = { columns: string[]; rows: Record<string, Cell>[] };

/**
 * The directory as HSDS tabular tables: file name → columns and rows. Each child row carries its parent's id
 * (`service_id`, `location_id`, `organization_id`, `contact_id`), as HSDS's tabular form does; amounts are pounds.
 */
export function directoryTables(taxonomies: OrukTaxonomyWithTerms[], services: OrukService[]): Record<string, Table> {
  const t = (columns: string[]): Table => ({ columns, rows: [] });
  const tables = {
    'organizations.csv': t(['id', 'name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id']),
    'organization_identifiers.csv': t(['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier']),
    'services.csv': t([
      'id',
      'organization_id',
      'name',
      'description',
      'url',
      'email',
      'status',
      'fees',
      'accreditations',
      'eligibility_description',
      'minimum_age',
      'maximum_age',
      'assured_date',
      'assurer_email',
      'alert',
      'last_modified',
      'taking_referrals',
      'waiting_time_days',
    ]),
    'locations.csv': t([
      'id',
      'location_type',
      'name',
      'description',
      'latitude',
      'longitude',
      'external_identifier',
      'external_identifier_type',
    ]),
    'addresses.csv': t([
      'id',
      'location_id',
      'attention',
      'address_1',
      'address_2',
      'city',
      'region',
      'state_province',
      'postal_code',
      'country',
      'address_type',
    ]),
    'accessibility.csv': t(['id', 'location_id', 'description', 'details', 'url']),
    'service_at_locations.csv': t(['id', 'service_id', 'location_id', 'description']),
    'schedules.csv': t([
      'id',
      'service_id',
      'service_at_location_id',
      'valid_from',
      'valid_to',
      'dtstart',
      'freq',
      'interval',
      'byday',
      'bymonthday',
      'description',
      'opens_at',
      'closes_at',
      'schedule_link',
      'attending_type',
      'notes',
    ]),
    'service_areas.csv': t(['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri', 'service_area']),
    'languages.csv': t(['id', 'service_id', 'phone_id', 'name', 'code', 'note']),
    'funding.csv': t(['id', 'service_id', 'source']),
    'cost_options.csv': t([
      'id',
      'service_id',
      'valid_from',
      'valid_to',
      'option',
      'amount',
      'currency',
      'amount_description',
    ]),
    'contacts.csv': t(['id', 'service_id', 'name', 'title', 'department', 'email']),
    'phones.csv': t(['id', 'service_id', 'contact_id', 'location_id', 'number', 'extension', 'type', 'description']),
    'attributes.csv': t(['id', 'link_id', 'link_type', 'taxonomy_term_id']),
    'taxonomies.csv': t(['id', 'name', 'description', 'uri', 'version']),
    'taxonomy_terms.csv': t(['id', 'taxonomy_id', 'name', 'description', 'parent_id', 'term_uri', 'term']),
  } satisfies Record<string, Table>;
  const put = (name: keyof typeof tables, row: Record<string, unknown>) => {
    const out: Record<string, Cell> = {};
    for (const c of tables[name].columns) out[c] = row[c] as Cell;
    tables[name].rows.push(out);
  };
  for (const tx of taxonomies) {
    put('taxonomies.csv', tx);
    for (const term of tx.taxonomy_terms ?? []) put('taxonomy_terms.csv', { ...term, taxonomy_id: tx.id });
  }
  const orgs = new Set<string>();
  const locs = new Set<string>();
  for (const s of services) {
    if (s.organization && !orgs.has(s.organization.id)) {
      orgs.add(s.organization.id);
      put('organizations.csv', s.organization);
      for (const x of s.organization.organization_identifiers ?? [])
        put('organization_identifiers.csv', { ...x, organization_id: s.organization.id });
    }
    put('services.csv', {
      ...s,
      organization_id: s.organization?.id ?? s.organization_id,
      taking_referrals: s.steward_capacity?.taking_referrals,
      waiting_time_days: s.steward_capacity?.waiting_time_days,
    });
    for (const sal of s.service_at_locations ?? []) {
      put('service_at_locations.csv', { ...sal, service_id: s.id, location_id: sal.location.id });
      const l = sal.location;
      if (locs.has(l.id)) continue;
      locs.add(l.id);
      put('locations.csv', l);
      for (const a of l.addresses ?? []) put('addresses.csv', { ...a, location_id: l.id });
      for (const a of l.accessibility ?? []) put('accessibility.csv', { ...a, location_id: l.id });
      for (const p of l.phones ?? []) put('phones.csv', { ...p, location_id: l.id });
    }
    for (const x of s.schedules ?? []) put('schedules.csv', { ...x, service_id: s.id });
    for (const x of s.service_areas ?? []) put('service_areas.csv', { ...x, service_id: s.id });
    for (const x of s.languages ?? []) put('languages.csv', { ...x, service_id: s.id });
    for (const x of s.funding ?? []) put('funding.csv', { ...x, service_id: s.id });
    for (const x of s.cost_options ?? []) put('cost_options.csv', { ...x, service_id: s.id });
    for (const c of s.contacts ?? []) {
      put('contacts.csv', { ...c, service_id: s.id });
      for (const p of c.phones ?? []) put('phones.csv', { ...p, contact_id: c.id });
    }
    for (const p of s.phones ?? []) put('phones.csv', { ...p, service_id: s.id });
    for (const a of s.attributes ?? [])
      put('attributes.csv', {
        ...a,
        link_id: s.id,
        link_type: a.link_type ?? 'service',
        taxonomy_term_id: a.taxonomy_term.id,
      });
  }
  return tables;
}
