// Zod schemas of the Market Position Statement API: requests and every response. The web app imports the response
// types from here with z.infer (web/src/mps/types.ts).
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery, wholeNumberSchema } from '../../domain/core/bounds.js';
import { FIGURE_UNITS, opportunitySchema, statementSchema, VALUE_DISCLOSURES } from '../../domain/mps/statement.js';
import { REVIEW_ACTIONS, SECTION_STATUSES } from '../../domain/mps/review.js';
import { MAX_NARRATIVE_LENGTH } from '../../domain/mps/narrative.js';

export { statementSchema, opportunitySchema };

export const sectionStatusSchema = z.enum(SECTION_STATUSES);

export const editionSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  publishedOn: z.string(),
  publishedAt: z.string(),
  asAt: z.string(),
});

export const editionSchema = editionSummarySchema.extend({ statement: statementSchema });

export const settingsSchema = z.object({
  valueDisclosure: z.enum(VALUE_DISCLOSURES),
});

export const draftResponseSchema = z.object({
  statement: statementSchema,
  statuses: z.record(z.string(), sectionStatusSchema),
  settings: settingsSchema,
  editions: z.array(editionSummarySchema),
});

export const reviewEventSchema = z.object({
  action: z.enum(REVIEW_ACTIONS),
  by: z.string(),
  byUserId: z.string().nullable(),
  comment: z.string().nullable(),
  versions: z.record(z.string(), z.number()),
  at: z.string(),
});

export const sectionDraftSchema = z.object({
  key: z.string(),
  title: z.string(),
  status: sectionStatusSchema,
  blocks: z.array(
    z.object({
      key: z.string(),
      heading: z.string().nullable(),
      hint: z.string(),
      version: z.number().int(),
      text: z.string(),
      updatedAt: z.string().nullable(),
      author: z.string().nullable(),
    }),
  ),
  review: z.array(reviewEventSchema),
});

export const blockHistorySchema = z.object({
  versions: z.array(
    z.object({ version: z.number().int(), text: z.string(), author: z.string(), createdAt: z.string() }),
  ),
});

export const saveSectionBodySchema = z.object({
  blocks: z
    .array(
      z.object({
        blockKey: z.string().min(1).max(60),
        text: z.string().max(MAX_NARRATIVE_LENGTH, `Text must be ${MAX_NARRATIVE_LENGTH} characters or fewer`),
        baseVersion: wholeNumberSchema(BOUNDS.version),
      }),
    )
    .min(1)
    .max(10),
});

export const reviewBodySchema = z.object({
  action: z.enum(REVIEW_ACTIONS),
  comment: z.string().trim().max(2000).nullable().default(null),
});

export const publishBodySchema = z.object({
  title: z.string().trim().min(1, 'Enter a title for the edition').max(200),
  acknowledgeUnapproved: z.boolean().default(false),
});

export const publishCheckSchema = z.object({
  unapproved: z.array(z.object({ key: z.string(), title: z.string(), status: z.string() })),
});

const opportunityRef = z.object({ id: z.string(), title: z.string() });

export const comparisonSchema = z.object({
  from: z.object({ label: z.string(), asAt: z.string() }),
  to: z.object({ label: z.string(), asAt: z.string() }),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      figures: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          unit: z.enum(FIGURE_UNITS),
          before: z.number().nullable(),
          after: z.number().nullable(),
          difference: z.number().nullable(),
        }),
      ),
      blocks: z.array(
        z.object({
          key: z.string(),
          heading: z.string().nullable(),
          changed: z.boolean(),
          lines: z.array(z.object({ change: z.enum(['added', 'removed', 'same']), text: z.string() })),
        }),
      ),
      opportunitiesAdded: z.array(opportunityRef),
      opportunitiesRemoved: z.array(opportunityRef),
    }),
  ),
  opportunitiesAdded: z.array(opportunityRef),
  opportunitiesRemoved: z.array(opportunityRef),
});

/** `draft` or an edition number. */
export const statementRef = z.union([z.literal('draft'), wholeNumberQuery({ min: 1, max: BOUNDS.version.max })]);

export const compareQuerySchema = z.object({ from: statementRef, to: statementRef.default('draft') });

export const publicStatementSchema = z.object({
  edition: editionSummarySchema,
  statement: statementSchema,
});

export const publicOpportunitiesSchema = z.object({
  edition: editionSummarySchema,
  opportunities: z.array(opportunitySchema),
});

export const editionListSchema = z.object({ editions: z.array(editionSummarySchema) });
