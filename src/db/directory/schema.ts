// Directory area tables: the community services directory to Open Referral UK (ORUK) 3.0. Columns that mirror
// ORUK fields carry ORUK's own names (snake_case), so a row maps one to one to the published record; Steward's own
// columns (review dates, source, links to the market register and contracts, search helpers) sit beside them.
// Child lists keep a `position` so a record reads back in the order it was written (exports round-trip exactly).
// Money is integer pence (cost options); ORUK publishes pounds.
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { providers } from '../market/schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const directoryTaxonomies = pgTable('directory_taxonomies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  uri: text('uri'),
  version: text('version'),
  /** Short key for shipped taxonomies (needs, cqc, esd-services); null for imported ones. */
  key: text('key').unique(),
  licence: text('licence'),
  attribution: text('attribution'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const directoryTaxonomyTerms = pgTable(
  'directory_taxonomy_terms',
  {
    id: uuid('id').primaryKey(),
    taxonomy_id: uuid('taxonomy_id')
      .notNull()
      .references(() => directoryTaxonomies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parent_id: uuid('parent_id'),
    term_uri: text('term_uri'),
    term: text('term'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_terms_taxonomy_idx').on(t.taxonomy_id, t.position)],
);

export const directoryOrganizations = pgTable(
  'directory_organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    email: text('email'),
    website: text('website'),
    logo: text('logo'),
    uri: text('uri'),
    parent_organization_id: uuid('parent_organization_id'),
    /** The market register provider this organisation was published from, if any. */
    marketProviderId: uuid('market_provider_id').references(() => providers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directory_orgs_name_idx').on(t.name),
    uniqueIndex('directory_orgs_provider_uq').on(t.marketProviderId),
  ],
);

export const directoryOrganizationIdentifiers = pgTable(
  'directory_organization_identifiers',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id')
      .notNull()
      .references(() => directoryOrganizations.id, { onDelete: 'cascade' }),
    identifier_scheme: text('identifier_scheme'),
    identifier_type: text('identifier_type').notNull(),
    identifier: text('identifier').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('directory_org_ids_org_idx').on(t.organization_id),
    index('directory_org_ids_value_idx').on(t.identifier),
  ],
);

/** A directory service. `source`: staff | market | contract | import | demo | suggestion. */
export const directoryServices = pgTable(
  'directory_services',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id').references(() => directoryOrganizations.id),
    name: text('name').notNull(),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    status: text('status').notNull(),
    fees: text('fees'),
    accreditations: text('accreditations'),
    eligibility_description: text('eligibility_description'),
    minimum_age: doublePrecision('minimum_age'),
    maximum_age: doublePrecision('maximum_age'),
    assured_date: text('assured_date'),
    assurer_email: text('assurer_email'),
    alert: text('alert'),
    last_modified: timestamp('last_modified', { withTimezone: true, mode: 'string' }).notNull(),
    /** Capacity extension (published as steward_capacity): null when the service does not report it. */
    takingReferrals: boolean('taking_referrals'),
    waitingTimeDays: integer('waiting_time_days'),
    capacityUpdated: text('capacity_updated'),
    reviewDate: date('review_date').notNull(),
    lastReviewedOn: date('last_reviewed_on'),
    source: text('source').notNull(),
    marketLocationId: uuid('market_location_id'),
    contractId: uuid('contract_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directory_services_modified_idx').on(t.last_modified),
    index('directory_services_review_idx').on(t.reviewDate),
    index('directory_services_org_idx').on(t.organization_id),
    uniqueIndex('directory_services_market_uq').on(t.marketLocationId),
    uniqueIndex('directory_services_contract_uq').on(t.contractId),
  ],
);

/**
 * The search index: one narrow row per service, rewritten with the service, holding what search filters and sorts
 * on (terms, days, cost, ages, areas covered, location coordinates, full-text vector), so a search page is one
 * indexed query; the result cards sit in directory_search_cards.
 */
export const directorySearchIndex = pgTable(
  'directory_search_index',
  {
    serviceId: uuid('service_id')
      .primaryKey()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').notNull(),
    organizationId: uuid('organization_id'),
    termIds: uuid('term_ids').array().notNull(),
    days: text('days').array().notNull(),
    free: boolean('free').notNull(),
    minimumAge: doublePrecision('minimum_age'),
    maximumAge: doublePrecision('maximum_age'),
    lastModified: timestamp('last_modified', { withTimezone: true, mode: 'string' }).notNull(),
    takingReferrals: boolean('taking_referrals'),
    /** Postcode districts the service's areas cover (empty: no area limits). */
    areaDistricts: text('area_districts').array().notNull(),
    /** Coordinates of the service's physical locations (parallel arrays). */
    lats: doublePrecision('lats').array().notNull(),
    lngs: doublePrecision('lngs').array().notNull(),
    searchVector: tsvector('search_vector').notNull(),
    /** The name alone, so hits on the name rank first without scoring every match. */
    nameVector: tsvector('name_vector').notNull(),
  },
  (t) => [
    index('directory_search_vector_idx').using('gin', t.searchVector),
    index('directory_search_terms_idx').using('gin', t.termIds),
    index('directory_search_modified_idx').on(t.lastModified),
  ],
);

/** The result card of each service (kept apart from the index so index rows stay narrow and quick to scan). */
export const directorySearchCards = pgTable('directory_search_cards', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => directoryServices.id, { onDelete: 'cascade' }),
  card: jsonb('card').notNull(),
});

export const directoryLocations = pgTable(
  'directory_locations',
  {
    id: uuid('id').primaryKey(),
    location_type: text('location_type').notNull(),
    name: text('name'),
    description: text('description'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    external_identifier: text('external_identifier'),
    external_identifier_type: text('external_identifier_type'),
    /** Outward code of the first address's postcode, for district filters. */
    postcodeDistrict: text('postcode_district'),
  },
  (t) => [
    index('directory_locations_lat_idx').on(t.latitude),
    index('directory_locations_district_idx').on(t.postcodeDistrict),
  ],
);

export const directoryAddresses = pgTable(
  'directory_addresses',
  {
    id: uuid('id').primaryKey(),
    location_id: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id, { onDelete: 'cascade' }),
    attention: text('attention'),
    address_1: text('address_1').notNull(),
    address_2: text('address_2'),
    city: text('city').notNull(),
    region: text('region'),
    state_province: text('state_province').notNull(),
    postal_code: text('postal_code').notNull(),
    country: text('country').notNull(),
    address_type: text('address_type').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_addresses_location_idx').on(t.location_id)],
);

export const directoryAccessibility = pgTable(
  'directory_accessibility',
  {
    id: uuid('id').primaryKey(),
    location_id: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id, { onDelete: 'cascade' }),
    description: text('description'),
    details: text('details'),
    url: text('url'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_accessibility_location_idx').on(t.location_id)],
);

export const directoryServiceAtLocations = pgTable(
  'directory_service_at_locations',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    location_id: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_sal_service_idx').on(t.service_id), index('directory_sal_location_idx').on(t.location_id)],
);

export const directoryContacts = pgTable(
  'directory_contacts',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    name: text('name'),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_contacts_service_idx').on(t.service_id)],
);

/** Phones of a service, of one of its contacts, or of a location (exactly one owner is set). */
export const directoryPhones = pgTable(
  'directory_phones',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id').references(() => directoryServices.id, { onDelete: 'cascade' }),
    contact_id: uuid('contact_id').references(() => directoryContacts.id, { onDelete: 'cascade' }),
    location_id: uuid('location_id').references(() => directoryLocations.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    extension: integer('extension'),
    type: text('type'),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('directory_phones_service_idx').on(t.service_id),
    index('directory_phones_contact_idx').on(t.contact_id),
    index('directory_phones_location_idx').on(t.location_id),
  ],
);

export const directorySchedules = pgTable(
  'directory_schedules',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    service_at_location_id: uuid('service_at_location_id'),
    valid_from: text('valid_from'),
    valid_to: text('valid_to'),
    dtstart: text('dtstart'),
    freq: text('freq'),
    interval: integer('interval'),
    byday: text('byday'),
    bymonthday: text('bymonthday'),
    description: text('description'),
    opens_at: text('opens_at'),
    closes_at: text('closes_at'),
    schedule_link: text('schedule_link'),
    attending_type: text('attending_type'),
    notes: text('notes'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_schedules_service_idx').on(t.service_id)],
);

/** Where a service is offered. `districts` lists the postcode districts an area covers, when its extent says. */
export const directoryServiceAreas = pgTable(
  'directory_service_areas',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    name: text('name'),
    description: text('description'),
    extent: text('extent'),
    extent_type: text('extent_type'),
    uri: text('uri'),
    service_area: text('service_area'),
    districts: text('districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('directory_areas_service_idx').on(t.service_id),
    index('directory_areas_districts_idx').using('gin', t.districts),
  ],
);

export const directoryLanguages = pgTable(
  'directory_languages',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    phone_id: uuid('phone_id'),
    name: text('name'),
    code: text('code'),
    note: text('note'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_languages_service_idx').on(t.service_id)],
);

export const directoryFunding = pgTable(
  'directory_funding',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    source: text('source'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_funding_service_idx').on(t.service_id)],
);

export const directoryCostOptions = pgTable(
  'directory_cost_options',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    valid_from: text('valid_from'),
    valid_to: text('valid_to'),
    option: text('option'),
    amountPence: integer('amount_pence'),
    currency: text('currency'),
    amount_description: text('amount_description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directory_costs_service_idx').on(t.service_id)],
);

/** A service's taxonomy terms (ORUK `attributes`). */
export const directoryAttributes = pgTable(
  'directory_attributes',
  {
    id: uuid('id').primaryKey(),
    service_id: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id, { onDelete: 'cascade' }),
    taxonomy_term_id: uuid('taxonomy_term_id')
      .notNull()
      .references(() => directoryTaxonomyTerms.id),
    link_type: text('link_type'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('directory_attributes_service_idx').on(t.service_id),
    index('directory_attributes_term_idx').on(t.taxonomy_term_id),
  ],
);

/**
 * A suggested new entry or change, held for a curator. `proposed` is the whole service as the suggester would
 * have it (ORUK shape). Suggesters outside the council give a name and email so the curator can reply; nothing
 * else about them is kept. status: pending | approved | rejected.
 */
export const directorySuggestions = pgTable(
  'directory_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // new | change
    serviceId: uuid('service_id').references(() => directoryServices.id, { onDelete: 'set null' }),
    proposed: jsonb('proposed').notNull(),
    note: text('note'),
    submittedBy: uuid('submitted_by'),
    submitterName: text('submitter_name').notNull(),
    submitterEmail: text('submitter_email').notNull(),
    submitterOrganisation: text('submitter_organisation'),
    status: text('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [index('directory_suggestions_status_idx').on(t.status, t.createdAt)],
);

/** Every version of every entry: who changed it, how, and the record as it then stood. */
export const directoryHistory = pgTable(
  'directory_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').notNull(), // created | updated | suggestion approved | imported | published | reviewed
    actorLabel: text('actor_label').notNull(),
    userId: uuid('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    changes: jsonb('changes').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [uniqueIndex('directory_history_uq').on(t.serviceId, t.version)],
);
