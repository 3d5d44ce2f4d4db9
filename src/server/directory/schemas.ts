// Request and response schemas of the directory area: the public ORUK 3.0 API (/oruk) and Steward's own
// directory API (/api/directory). The web app imports these types with z.infer.
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { isoDateSchema } from '../../domain/core/dates.js';
import {
  orukPageSchema,
  orukServiceAtLocationListItemSchema,
  orukServiceListItemSchema,
  orukServiceSchema,
  orukTaxonomySchema,
  orukTaxonomyTermSchema,
  orukTaxonomyWithTermsSchema,
  SERVICE_STATUSES,
  WEEKDAYS,
} from '../../domain/directory/oruk.js';

export {
  orukServiceSchema,
  orukTaxonomyWithTermsSchema,
  orukTaxonomyTermSchema,
  orukServiceAtLocationListItemSchema,
  orukServiceListItemSchema,
};

export const orukMetaSchema = z.object({
  version: z.string(),
  profile: z.url(),
  openapi_url: z.url(),
});

export const servicePageSchema = orukPageSchema(orukServiceListItemSchema);
export const serviceAtLocationPageSchema = orukPageSchema(orukServiceAtLocationListItemSchema);
export const taxonomyPageSchema = orukPageSchema(orukTaxonomySchema);
export const taxonomyTermPageSchema = orukPageSchema(orukTaxonomyTermSchema);

const DAY_NAMES: Record<string, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** A weekday as RFC 5545 code ("MO") or English name ("Monday"), normalised to the code. */
export const daySchema = z
  .string()
  .transform((v) => DAY_NAMES[v.trim().toLowerCase()] ?? v.trim().toUpperCase())
  .pipe(z.enum(WEEKDAYS, 'Enter a day such as MO or Monday'));

const pageParam = wholeNumberQuery(BOUNDS.pageNumber).default(1);
const perPageParam = z.coerce
  .number()
  .int('Enter a whole number of results per page')
  .min(BOUNDS.orukPageSize.min, 'Ask for at least 1 result per page')
  .max(BOUNDS.orukPageSize.max, 'Ask for at most 1,000 results per page')
  .default(50)
  .describe(`Results per page: at most ${BOUNDS.orukPageSize.max} (more is refused with 400)`);
const uuidList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.guid('Enter taxonomy term ids as UUIDs, separated by commas')));

export const orukPagingQuery = z.object({ page: pageParam, per_page: perPageParam });

/** ORUK list filters (openapi.json components.parameters), as the profile names them. */
export const orukListQuery = orukPagingQuery.extend({
  search: z.string().max(200).optional(),
  taxonomy_term_id: uuidList.optional(),
  taxonomy_id: z.guid('Enter a taxonomy id as a UUID').optional(),
  organization_id: z.guid('Enter an organisation id as a UUID').optional(),
  minimum_age: z.coerce.number().min(BOUNDS.personAge.min).max(BOUNDS.personAge.max).optional(),
  maximum_age: z.coerce.number().min(BOUNDS.personAge.min).max(BOUNDS.personAge.max).optional(),
  day: daySchema.optional(),
  postcode: z.string().max(10).optional(),
  proximity: z.coerce.number().min(1, 'Give a proximity in metres').max(200_000).optional(),
  modified_after: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'Enter a date-time such as 2026-01-31T00:00:00Z')
    .optional(),
});
export type OrukListQuery = z.infer<typeof orukListQuery>;

export const idParams = z.object({ id: z.guid('Enter an id written as a UUID') });

// ---- Steward's directory API ----

/** Public search: need or keyword, postcode, category, cost and day. */
export const searchQuery = z.object({
  q: z.string().max(200).optional(),
  postcode: z.string().max(10).optional(),
  need: z.string().max(60).optional(),
  term: uuidList.optional(),
  cost: z.enum(['free', 'paid']).optional(),
  day: daySchema.optional(),
  page: pageParam,
  perPage: wholeNumberQuery(BOUNDS.pageSize)
    .default(20)
    .describe(`Results per page: at most ${BOUNDS.pageSize.max} (more is refused with 400)`),
});

export const searchCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  distanceMetres: z.number().int().nullable(),
  place: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  free: z.boolean(),
  fees: z.string().nullable(),
  days: z.array(z.enum(WEEKDAYS)),
  categories: z.array(z.string()),
  phone: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  takingReferrals: z.boolean().nullable(),
  waitingTimeDays: z.number().int().nullable(),
});
export type SearchCard = z.infer<typeof searchCardSchema>;

export const searchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  /** The postcode district searched from, when a postcode was given. */
  district: z.string().nullable(),
  results: z.array(searchCardSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const needOptionSchema = z.object({
  code: z.string(),
  termId: z.string(),
  name: z.string(),
  description: z.string(),
});
export const taxonomySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  uri: z.string().optional(),
  version: z.string().optional(),
  key: z.string().optional(),
  licence: z.string().optional(),
  attribution: z.string().optional(),
  termCount: z.number().int(),
});
export const searchOptionsSchema = z.object({
  needs: z.array(needOptionSchema),
  taxonomies: z.array(taxonomySummarySchema),
  boroughName: z.string(),
  /** True while the borough's data are synthetic (a demo): public pages say so and stay out of search engines. */
  synthetic: z.boolean(),
});
export type SearchOptions = z.infer<typeof searchOptionsSchema>;

export const curationSchema = z.object({
  reviewDate: z.string(),
  lastReviewedOn: z.string().nullable(),
  source: z.string(),
  marketLocationId: z.string().nullable(),
  contractId: z.string().nullable(),
});

/** A directory entry as staff see it: the ORUK record and the curation facts around it. */
export const entrySchema = z.object({
  service: orukServiceSchema,
  curation: curationSchema,
  history: z.array(
    z.object({
      version: z.number().int(),
      action: z.string(),
      actorLabel: z.string(),
      at: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
});
export type DirectoryEntry = z.infer<typeof entrySchema>;

export const entryListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  entries: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      status: z.enum(SERVICE_STATUSES),
      reviewDate: z.string(),
      source: z.string(),
      lastModified: z.string(),
    }),
  ),
});
export type EntryList = z.infer<typeof entryListSchema>;

export const entriesQuery = z.object({
  q: z.string().max(200).optional(),
  source: z.enum(['staff', 'market', 'contract', 'import', 'demo', 'suggestion']).optional(),
  page: pageParam,
});

/** A service as a form sends it: the ORUK record (ids may be left out for new parts; the server assigns them). */
export const serviceInputSchema = z.object({
  service: z.unknown(),
});

export const savedSchema = z.object({ id: z.string() });

export const suggestionBodySchema = z.object({
  kind: z.enum(['new', 'change']),
  serviceId: z.guid().nullable().default(null),
  service: z.unknown(),
  note: z.string().trim().max(2000).optional(),
  submitterName: z.string().trim().min(1, 'Enter your name').max(200),
  submitterEmail: z.email('Enter an email address in the correct format, like name@example.com').max(200),
  submitterOrganisation: z.string().trim().max(200).optional(),
});

export const suggestionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['new', 'change']),
  serviceId: z.string().nullable(),
  serviceName: z.string(),
  submitterName: z.string(),
  submitterOrganisation: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
});
export type SuggestionSummary = z.infer<typeof suggestionSummarySchema>;

export const suggestionDetailSchema = suggestionSummarySchema.extend({
  submitterEmail: z.string(),
  note: z.string().nullable(),
  proposed: orukServiceSchema,
  current: orukServiceSchema.nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  reviewNote: z.string().nullable(),
});
export type SuggestionDetail = z.infer<typeof suggestionDetailSchema>;

export const decisionBodySchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reviewNote: z.string().trim().max(2000).optional(),
});

export const reviewDueSchema = z.object({
  today: z.string(),
  entries: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      reviewDate: z.string(),
      lastReviewedOn: z.string().nullable(),
      source: z.string(),
      daysOverdue: z.number().int(),
    }),
  ),
});
export type ReviewDue = z.infer<typeof reviewDueSchema>;

export const duplicatesSchema = z.array(
  z.object({
    reason: z.string(),
    organisationIds: z.array(z.string()),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), services: z.number().int() })),
  }),
);
export type Duplicates = z.infer<typeof duplicatesSchema>;

export const candidatesSchema = z.object({
  market: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      detail: z.string(),
      published: z.boolean(),
      serviceId: z.string().nullable(),
    }),
  ),
  contracts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      detail: z.string(),
      published: z.boolean(),
      serviceId: z.string().nullable(),
    }),
  ),
});
export type PublishCandidates = z.infer<typeof candidatesSchema>;

export const publishBodySchema = z.object({
  marketLocationIds: z.array(z.guid()).max(2000).default([]),
  contractIds: z.array(z.guid()).max(2000).default([]),
});
export const publishedSchema = z.object({ serviceIds: z.array(z.string()) });

export const importUrlBodySchema = z.object({ url: z.url('Enter the web address of an ORUK API, starting https://') });
export const importSummarySchema = z.object({
  fileName: z.string(),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  messages: z.array(z.string()),
});
export type ImportSummaryView = z.infer<typeof importSummarySchema>;

export const reviewedSchema = z.object({ reviewDate: isoDateSchema });

export type OrukServiceView = z.infer<typeof orukServiceSchema>;
export type OrukTaxonomyTermView = z.infer<typeof orukTaxonomyTermSchema>;
export type TaxonomyTermPage = z.infer<typeof taxonomyTermPageSchema>;
export type SearchOptionNeed = z.infer<typeof needOptionSchema>;
