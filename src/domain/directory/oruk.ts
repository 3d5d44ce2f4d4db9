/**
 * The community services directory's records, in the shapes and words of Open Referral UK (ORUK) 3.0, the UK
 * profile of the Human Services Data Specification (HSDS 3.0). Field names are the standard's own (snake_case),
 * so a directory record, an ORUK API answer, an export file and an imported feed are one shape.
 *
 * Source: Open Referral UK profile 3.0, schema/compiled/service.json (https://github.com/OpenReferralUK/uk-profile,
 * CC BY-SA 4.0; "Human Services Data Specification: an Open Referral resource", https://openreferral.org/).
 *
 * The compiled ORUK schemas allow extra properties and have no nullable types: optional fields are left out,
 * never sent as null. Beyond the profile, Steward publishes a few HSDS 3.0 fields the UK profile left out
 * (`phones`, contact `email`, language `name`/`code`/`note`, `eligibility_description`) and one extension of its
 * own, `steward_capacity` (taking referrals, waiting time), which users asked for. All are optional extra
 * properties, so every answer stays valid against the compiled schemas.
 */
import { z } from 'zod';
import { BOUNDS } from '../core/bounds.js';
import { rangeMessage } from '../core/messages.js';

/** ORUK service status values (service.json `status` enum). */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** ORUK location types (location `location_type` enum). */
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** RFC 5545 weekday codes used by ORUK schedules (`byday`), Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const id = z.guid('Enter an id written as a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2');
const text = z.string();

export const orukTaxonomySchema = z.object({
  id,
  name: text.min(1),
  description: text,
  uri: z.url().optional(),
  version: text.optional(),
});
export type OrukTaxonomy = z.infer<typeof orukTaxonomySchema>;

export const orukTaxonomyTermSchema = z.object({
  id,
  name: text.min(1),
  description: text,
  parent_id: id.optional(),
  /** The taxonomy's name (HSDS keeps this free-text field beside `taxonomy_id`). */
  taxonomy: text.optional(),
  taxonomy_id: id.optional(),
  term_uri: z.url().optional(),
  /** The term's code in its taxonomy, e.g. "carers" or "Nursing homes". */
  term: text.optional(),
});
export type OrukTaxonomyTerm = z.infer<typeof orukTaxonomyTermSchema>;

export const orukAttributeSchema = z.object({
  id,
  link_id: id.optional(),
  link_type: text.optional(),
  taxonomy_term_id: id.optional(),
  taxonomy_term: orukTaxonomyTermSchema,
});
export type OrukAttribute = z.infer<typeof orukAttributeSchema>;

export const orukOrganizationIdentifierSchema = z.object({
  id,
  organization_id: id.optional(),
  /** org-id.guide scheme code, e.g. GB-CHC (charity, England and Wales), GB-COH (Companies House). */
  identifier_scheme: text.optional(),
  identifier_type: text.min(1),
  identifier: text.min(1),
});
export type OrukOrganizationIdentifier = z.infer<typeof orukOrganizationIdentifierSchema>;

export const orukOrganizationBasicSchema = z.object({
  id,
  name: text.min(1),
  description: text,
  email: z.email().optional(),
  website: z.url().optional(),
  logo: text.optional(),
  uri: z.url().optional(),
  parent_organization_id: id.optional(),
});
export const orukOrganizationSchema = orukOrganizationBasicSchema.extend({
  organization_identifiers: z.array(orukOrganizationIdentifierSchema).optional(),
});
export type OrukOrganization = z.infer<typeof orukOrganizationSchema>;

/** HSDS 3.0 phone (not in the ORUK 3.0 compiled schema; published as an extra property). */
export const orukPhoneSchema = z.object({
  id,
  number: text.min(1),
  extension: z.number().optional(),
  type: text.optional(),
  description: text.optional(),
});
export type OrukPhone = z.infer<typeof orukPhoneSchema>;

export const orukAddressSchema = z.object({
  id,
  location_id: id.optional(),
  attention: text.optional(),
  address_1: text,
  address_2: text.optional(),
  city: text,
  region: text.optional(),
  state_province: text,
  postal_code: text,
  country: text,
  address_type: z.enum(LOCATION_TYPES),
});
export type OrukAddress = z.infer<typeof orukAddressSchema>;

export const orukAccessibilitySchema = z.object({
  id,
  location_id: id.optional(),
  description: text.optional(),
  details: text.optional(),
  url: z.url().optional(),
});
export type OrukAccessibility = z.infer<typeof orukAccessibilitySchema>;

export const orukLocationBasicSchema = z.object({
  id,
  location_type: z.enum(LOCATION_TYPES),
  name: text.optional(),
  description: text.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  external_identifier: text.optional(),
  external_identifier_type: text.optional(),
});
export const orukLocationSchema = orukLocationBasicSchema.extend({
  addresses: z.array(orukAddressSchema).optional(),
  accessibility: z.array(orukAccessibilitySchema).optional(),
  phones: z.array(orukPhoneSchema).optional(),
});
export type OrukLocation = z.infer<typeof orukLocationSchema>;

export const orukServiceAtLocationSchema = z.object({
  id,
  service_id: id.optional(),
  location_id: id.optional(),
  description: text.optional(),
  location: orukLocationSchema,
});
export type OrukServiceAtLocation = z.infer<typeof orukServiceAtLocationSchema>;

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, 'Enter a time such as 09:30:00');

export const orukScheduleSchema = z.object({
  id,
  service_id: id.optional(),
  service_at_location_id: id.optional(),
  valid_from: text.optional(),
  valid_to: text.optional(),
  dtstart: text.optional(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  interval: z.number().optional(),
  byday: text.optional(),
  bymonthday: text.optional(),
  description: text.optional(),
  opens_at: time.optional(),
  closes_at: time.optional(),
  schedule_link: z.url().optional(),
  attending_type: text.optional(),
  notes: text.optional(),
});
export type OrukSchedule = z.infer<typeof orukScheduleSchema>;

export const orukServiceAreaSchema = z.object({
  id,
  service_id: id.optional(),
  name: text.optional(),
  description: text.optional(),
  extent: text.optional(),
  extent_type: text.optional(),
  uri: text.optional(),
  service_area: text.optional(),
});
export type OrukServiceArea = z.infer<typeof orukServiceAreaSchema>;

export const orukLanguageSchema = z.object({
  id,
  service_id: id.optional(),
  phone_id: id.optional(),
  /** HSDS 3.0 fields (the ORUK 3.0 compiled schema keeps only the ids). */
  name: text.optional(),
  code: text.optional(),
  note: text.optional(),
});
export type OrukLanguage = z.infer<typeof orukLanguageSchema>;

export const orukFundingSchema = z.object({ id, service_id: id.optional(), source: text.optional() });
export type OrukFunding = z.infer<typeof orukFundingSchema>;

export const orukCostOptionSchema = z.object({
  id,
  service_id: id.optional(),
  valid_from: text.optional(),
  valid_to: text.optional(),
  option: text.optional(),
  /** Pounds, as ORUK publishes it (Steward stores integer pence). */
  amount: z.number().min(0).optional(),
  currency: text.optional(),
  amount_description: text.optional(),
});
export type OrukCostOption = z.infer<typeof orukCostOptionSchema>;

export const orukContactSchema = z.object({
  id,
  service_id: id.optional(),
  name: text.optional(),
  title: text.optional(),
  department: text.optional(),
  email: z.email().optional(),
  phones: z.array(orukPhoneSchema).optional(),
});
export type OrukContact = z.infer<typeof orukContactSchema>;

/** A service's typical wait, in whole days within BOUNDS.serviceWaitDays, and the message naming it. */
const WAIT_MESSAGE = rangeMessage('Waiting time', BOUNDS.serviceWaitDays, { whole: true, unit: 'days' });
/** A minimum or maximum age of a service, in years within BOUNDS.personAge. */
const age = (label: string) => {
  const message = rangeMessage(label, BOUNDS.personAge, { unit: 'years' });
  return z.number(message).min(BOUNDS.personAge.min, message).max(BOUNDS.personAge.max, message);
};

/** Steward's capacity extension: whether a service is taking referrals and how long people wait. */
export const stewardCapacitySchema = z.object({
  taking_referrals: z.boolean(),
  /** Typical wait from referral to first support, in days. */
  waiting_time_days: z
    .number()
    .int(WAIT_MESSAGE)
    .min(BOUNDS.serviceWaitDays.min, WAIT_MESSAGE)
    .max(BOUNDS.serviceWaitDays.max, WAIT_MESSAGE)
    .optional(),
  /** When the figures were last confirmed (ISO date-time). */
  updated: text.optional(),
});
export type StewardCapacity = z.infer<typeof stewardCapacitySchema>;

/** Extension property name under which {@link StewardCapacity} is published. */
export const CAPACITY_EXTENSION = 'steward_capacity';

/** One-to-one fields of a service (what list pages carry). */
export const orukServiceBasicSchema = z.object({
  id,
  organization_id: id.optional(),
  name: text.min(1),
  description: text.optional(),
  url: z.url().optional(),
  email: z.email().optional(),
  status: z.enum(SERVICE_STATUSES),
  fees: text.optional(),
  accreditations: text.optional(),
  eligibility_description: text.optional(),
  minimum_age: age('Minimum age').optional(),
  maximum_age: age('Maximum age').optional(),
  assured_date: text.optional(),
  assurer_email: z.email().optional(),
  alert: text.optional(),
  last_modified: z.iso.datetime({ offset: true }).optional(),
  steward_capacity: stewardCapacitySchema.optional(),
});
export type OrukServiceBasic = z.infer<typeof orukServiceBasicSchema>;

/** A service in a list page: its one-to-one fields and its organisation's. */
export const orukServiceListItemSchema = orukServiceBasicSchema.extend({
  organization: orukOrganizationBasicSchema.optional(),
});
export type OrukServiceListItem = z.infer<typeof orukServiceListItemSchema>;

/** A fully nested service (`/services/{id}`): the directory's unit of record. */
export const orukServiceSchema = orukServiceBasicSchema.extend({
  organization: orukOrganizationSchema.optional(),
  schedules: z.array(orukScheduleSchema).optional(),
  service_areas: z.array(orukServiceAreaSchema).optional(),
  service_at_locations: z.array(orukServiceAtLocationSchema).optional(),
  languages: z.array(orukLanguageSchema).optional(),
  funding: z.array(orukFundingSchema).optional(),
  cost_options: z.array(orukCostOptionSchema).optional(),
  contacts: z.array(orukContactSchema).optional(),
  phones: z.array(orukPhoneSchema).optional(),
  attributes: z.array(orukAttributeSchema).optional(),
});
export type OrukService = z.infer<typeof orukServiceSchema>;

/** A service-at-location in a list page: the location's and the service's one-to-one fields. */
export const orukServiceAtLocationListItemSchema = z.object({
  id,
  service_id: id.optional(),
  location_id: id.optional(),
  location: orukLocationBasicSchema,
  service: orukServiceListItemSchema,
  /** Steward extension: distance in metres from the searched postcode's centroid, when one was given. */
  steward_distance_metres: z.number().int().min(0).optional(),
});
export type OrukServiceAtLocationListItem = z.infer<typeof orukServiceAtLocationListItemSchema>;

/** A taxonomy with its terms, as `/taxonomies/{id}` answers. */
export const orukTaxonomyWithTermsSchema = orukTaxonomySchema.extend({
  taxonomy_terms: z.array(orukTaxonomyTermSchema).optional(),
});
export type OrukTaxonomyWithTerms = z.infer<typeof orukTaxonomyWithTermsSchema>;

/** The profile's page envelope (openapi.json `components.schemas.Page`) around items of `item`. */
export function orukPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/**
 * The page envelope for `total` items, page `page` (1-based) of `perPage`, holding `contents`.
 * `size` is the number of items on this page, as the profile defines it. An empty result is page 1 of 0 pages.
 * `empty` says whether this page holds no items (a page past the last one is empty even when the list is not).
 */
export function orukPage<T>(contents: T[], total: number, page: number, perPage: number): OrukPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * A copy of `value` with every null and undefined field left out, recursively, and empty lists left out too.
 * ORUK's compiled schemas have no nullable types, so an optional field with no value must be absent rather than
 * null. Empty strings are kept: some required fields (an address's `state_province`) may be blank.
 */
export function omitEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => omitEmpty(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = omitEmpty(v);
  }
  return out as T;
}

/**
 * Input tidied before validation: strings trimmed, and null, blank strings and empty lists removed, recursively
 * (a form's empty "Email" box, or a feed's `"email": null`, mean "none"). Keys listed in `keepBlank` keep their
 * blank strings (required fields that may be blank, such as `state_province`).
 */
export function dropBlanks<T>(value: T, keepBlank: readonly string[] = ['state_province', 'description']): T {
  if (Array.isArray(value)) return value.map((v) => dropBlanks(v, keepBlank)) as T;
  if (typeof value === 'string') return value.trim() as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '' && !keepBlank.includes(k)) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = dropBlanks(v, keepBlank);
  }
  return out as T;
}
