// Market Position Statement API. Staff: the live draft, each section's narrative (versions, review), publishing,
// editions and comparison. Public (no sign-in, read only, rate limited): the latest published edition, earlier
// editions and the opportunities coming up. Thin: parse, authorise, call db/domain, respond.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { STAFF_ROLES, type Role } from '../../domain/core/auth.js';
import { compareStatements } from '../../domain/mps/compare.js';
import type { Statement } from '../../domain/mps/statement.js';
import { getEdition, listEditions, publishEdition, unapprovedSections } from '../../db/mps/editions.js';
import { draftStatement, getMpsSettings, putMpsSettings } from '../../db/mps/generate.js';
import { blockHistory, reviewSection, saveSection, sectionDraft, sectionStatuses } from '../../db/mps/narrative.js';
import { actorOf, requireRole } from '../auth/guards.js';
import {
  blockHistorySchema,
  compareQuerySchema,
  comparisonSchema,
  draftResponseSchema,
  editionListSchema,
  editionSchema,
  publicOpportunitiesSchema,
  publicStatementSchema,
  publishBodySchema,
  publishCheckSchema,
  reviewBodySchema,
  saveSectionBodySchema,
  sectionDraftSchema,
  settingsSchema,
} from './schemas.js';

const TAGS = ['mps'];
const PUBLIC_TAGS = ['mps (public)'];
/** Commissioners write, review and publish the statement. */
export const MPS_EDITORS: readonly Role[] = ['admin', 'commissioner'];
/** Public reads: generous for a person, a ceiling for a scraper (per address). */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

const sectionParams = z.object({ key: z.string().regex(/^[a-z_]{2,60}$/, 'Use a section key such as care_homes') });
const editionParams = z.object({ number: wholeNumberQuery({ min: 1, max: BOUNDS.version.max }) });

const mpsRoutes: FastifyPluginAsyncZod = async (app) => {
  const who = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });

  async function statementFor(ref: 'draft' | number): Promise<{ label: string; statement: Statement }> {
    if (ref === 'draft') return { label: 'Current draft', statement: await draftStatement(app.db) };
    const e = await getEdition(app.db, ref);
    return { label: `Edition ${e.number}: ${e.title}`, statement: e.statement };
  }

  app.get(
    '/draft',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'The live draft: today’s figures with the latest narrative, each section’s review status',
        response: { 200: draftResponseSchema },
      },
    },
    async () => {
      const statement = await draftStatement(app.db);
      const [statuses, settings, editions] = await Promise.all([
        sectionStatuses(app.db),
        getMpsSettings(app.db),
        listEditions(app.db),
      ]);
      return { statement, statuses, settings, editions };
    },
  );

  app.get(
    '/sections/:key',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One section’s narrative blocks (latest version, author, date), status and review trail',
        params: sectionParams,
        response: { 200: sectionDraftSchema },
      },
    },
    async (request) => sectionDraft(app.db, request.params.key),
  );

  app.put(
    '/sections/:key',
    {
      preValidation: requireRole(...MPS_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Save new versions of a section’s narrative blocks (a newer version saved meanwhile is a 409)',
        params: sectionParams,
        body: saveSectionBodySchema,
        response: { 200: sectionDraftSchema },
      },
    },
    async (request) => {
      await saveSection(app.db, who(request), request.params.key, request.body.blocks);
      return sectionDraft(app.db, request.params.key);
    },
  );

  app.get(
    '/sections/:key/blocks/:block/history',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Every version of one narrative block, newest first',
        params: sectionParams.extend({ block: z.string().regex(/^[a-z_]{2,60}$/) }),
        response: { 200: blockHistorySchema },
      },
    },
    async (request) => ({ versions: await blockHistory(app.db, request.params.key, request.params.block) }),
  );

  app.post(
    '/sections/:key/review',
    {
      preValidation: requireRole(...MPS_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Send a section for review, approve it, or ask for changes (not by the person who sent it)',
        params: sectionParams,
        body: reviewBodySchema,
        response: { 200: sectionDraftSchema },
      },
    },
    async (request) => {
      await reviewSection(app.db, who(request), request.params.key, request.body.action, request.body.comment);
      return sectionDraft(app.db, request.params.key);
    },
  );

  app.put(
    '/settings',
    {
      preValidation: requireRole(...MPS_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Publication settings: how contract values appear on public pages',
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => putMpsSettings(app.db, who(request), request.body),
  );

  app.get(
    '/publish-check',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Sections not approved as they stand (shown before publishing)',
        response: { 200: publishCheckSchema },
      },
    },
    async () => ({ unapproved: await unapprovedSections(app.db) }),
  );

  app.get(
    '/editions',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: { tags: TAGS, summary: 'Published editions, newest first', response: { 200: editionListSchema } },
    },
    async () => ({ editions: await listEditions(app.db) }),
  );

  app.get(
    '/editions/:number',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One published edition, figures and text as published',
        params: editionParams,
        response: { 200: editionSchema },
      },
    },
    async (request) => getEdition(app.db, request.params.number),
  );

  app.post(
    '/editions',
    {
      preValidation: requireRole(...MPS_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Publish the live draft as the next edition (figures and text frozen together)',
        body: publishBodySchema,
        response: { 201: editionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await publishEdition(app.db, who(request), request.body)),
  );

  app.get(
    '/compare',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Compare two editions (or an edition and the draft) section by section: figures and text',
        querystring: compareQuerySchema,
        response: { 200: comparisonSchema },
      },
    },
    async (request) => {
      const from = await statementFor(request.query.from);
      const to = await statementFor(request.query.to);
      return {
        from: { label: from.label, asAt: from.statement.asAt },
        to: { label: to.label, asAt: to.statement.asAt },
        ...compareStatements(from.statement, to.statement),
      };
    },
  );

  // ---- Public: no sign-in, read only, rate limited ----
  const publicRoute = { config: { rateLimit: PUBLIC_RATE_LIMIT } };

  app.get(
    '/public/statement',
    {
      ...publicRoute,
      schema: {
        tags: PUBLIC_TAGS,
        summary: 'The latest published edition (no sign-in)',
        security: [],
        response: { 200: publicStatementSchema },
      },
    },
    async () => {
      const { statement, ...edition } = await getEdition(app.db, null);
      return { edition, statement };
    },
  );

  app.get(
    '/public/editions',
    {
      ...publicRoute,
      schema: {
        tags: PUBLIC_TAGS,
        summary: 'Published editions, newest first (no sign-in)',
        security: [],
        response: { 200: editionListSchema },
      },
    },
    async () => ({ editions: await listEditions(app.db) }),
  );

  app.get(
    '/public/editions/:number',
    {
      ...publicRoute,
      schema: {
        tags: PUBLIC_TAGS,
        summary: 'One published edition (no sign-in)',
        security: [],
        params: editionParams,
        response: { 200: publicStatementSchema },
      },
    },
    async (request) => {
      const { statement, ...edition } = await getEdition(app.db, request.params.number);
      return { edition, statement };
    },
  );

  app.get(
    '/public/opportunities',
    {
      ...publicRoute,
      schema: {
        tags: PUBLIC_TAGS,
        summary: 'Opportunities coming up, as in the latest published edition (no sign-in)',
        security: [],
        response: { 200: publicOpportunitiesSchema },
      },
    },
    async () => {
      const { statement, ...edition } = await getEdition(app.db, null);
      return { edition, opportunities: statement.opportunities };
    },
  );
};

export default mpsRoutes;
