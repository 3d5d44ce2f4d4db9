// Shapes of the Market Position Statement API (src/server/mps/schemas.ts), inferred from its Zod schemas.
import type { z } from 'zod';
import type {
  blockHistorySchema,
  comparisonSchema,
  draftResponseSchema,
  editionListSchema,
  editionSchema,
  publicOpportunitiesSchema,
  publicStatementSchema,
  publishCheckSchema,
  sectionDraftSchema,
} from '../../../src/server/mps/schemas';
import type { Opportunity, Statement, StatementSection, Figure } from '../../../src/domain/mps/statement';

export type { Opportunity, Statement, StatementSection, Figure };
/** GET /api/mps/draft */
export type DraftResponse = z.infer<typeof draftResponseSchema>;
/** GET|PUT /api/mps/sections/:key */
export type SectionDraft = z.infer<typeof sectionDraftSchema>;
/** GET /api/mps/sections/:key/blocks/:block/history */
export type BlockHistory = z.infer<typeof blockHistorySchema>;
/** GET /api/mps/editions/:number, POST /api/mps/editions */
export type Edition = z.infer<typeof editionSchema>;
/** GET /api/mps/editions, /api/mps/public/editions */
export type EditionList = z.infer<typeof editionListSchema>;
/** GET /api/mps/public/statement */
export type PublicStatement = z.infer<typeof publicStatementSchema>;
/** GET /api/mps/public/opportunities */
export type PublicOpportunities = z.infer<typeof publicOpportunitiesSchema>;
/** GET /api/mps/publish-check */
export type PublishCheck = z.infer<typeof publishCheckSchema>;
/** GET /api/mps/compare */
export type Comparison = z.infer<typeof comparisonSchema>;
