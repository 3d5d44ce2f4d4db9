// Provider concerns: log one, move it through its lifecycle (quality officers), record a safeguarding referral,
// and the provider's response (providers, for their own locations). Thin: parse, authorise, call db/domain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actualDateSchema } from '../../domain/core/bounds.js';
import { londonToday } from '../../domain/core/dates.js';
import { CONCERN_KINDS } from '../../domain/contracts/assessment.js';
import { CONCERN_STATUSES, CONCERN_TEXT_MAX, SAFEGUARDING_REFERENCE_MAX } from '../../domain/contracts/concern.js';
import { STAFF_ROLES, type Actor } from '../../domain/core/auth.js';
import {
  concernOwner,
  getConcern,
  listConcerns,
  logConcern,
  recordSafeguardingReferral,
  respondToConcern,
  stepConcern,
} from '../../db/contracts/concerns.js';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { notFound } from '../problem.js';
import { concernDetailSchema, concernViewSchema } from './concernSchemas.js';

const TAGS = ['contracts'];
const idParams = z.object({ id: z.uuid('Use the id of a record (a UUID)') });
/** Who moves a concern on and records a safeguarding referral: the quality team (and administrators). */
const QUALITY = ['admin', 'quality_officer'] as const;
const today = () => londonToday();
const who = (actor: Actor) => ({ userId: actor.userId });
const readerOf = (actor: Actor) => ({ providerId: actor.role === 'provider' ? (actor.providerId ?? '') : null });
const text = (what: string) =>
  z.string().max(CONCERN_TEXT_MAX, `${what} must be ${CONCERN_TEXT_MAX.toLocaleString('en-GB')} characters or fewer`);

const concernRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A provider reads only its own organisation's concerns (403 for another's); staff read all. */
  async function readable(actor: Actor, id: string) {
    const owner = await concernOwner(app.db, id);
    if (actor.role === 'provider') {
      assertCanRead(actor, owner.providerId);
      if (owner.kind === 'whistleblowing') throw notFound('Concern');
    }
    return owner;
  }

  app.get(
    '/concerns',
    {
      onRequest: requireRole(...STAFF_ROLES, 'provider'),
      schema: {
        tags: TAGS,
        summary:
          'Provider concerns and safeguarding referrals by location (providers: their own organisation’s, never whistleblowing)',
        querystring: z.object({
          locationId: z.uuid().optional(),
          open: z.enum(['true', 'false']).optional().describe('true: only concerns not yet closed'),
        }),
        response: { 200: z.object({ concerns: z.array(concernViewSchema) }) },
      },
    },
    async (request) => ({
      concerns: await listConcerns(app.db, readerOf(actorOf(request)), {
        locationId: request.query.locationId,
        openOnly: request.query.open === 'true',
      }),
    }),
  );

  app.get(
    '/concerns/:id',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'One concern with its history (providers: their own organisation’s, without officers’ notes)',
        params: idParams,
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await readable(actor, request.params.id);
      return getConcern(app.db, request.params.id, readerOf(actor));
    },
  );

  app.post(
    '/concerns',
    {
      onRequest: requireRole('admin', 'commissioner', 'quality_officer'),
      schema: {
        tags: TAGS,
        summary: 'Log a provider concern or safeguarding referral (no personal details)',
        body: z.object({
          locationId: z.uuid('Choose the service the concern is about'),
          kind: z.enum(CONCERN_KINDS, 'Choose the kind of concern'),
          raisedOn: actualDateSchema('date raised'),
          summary: z
            .string()
            .trim()
            .min(1, 'Describe the concern without naming anyone')
            .max(2000, 'The summary must be 2,000 characters or fewer'),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await logConcern(app.db, who(actorOf(request)), request.body) }),
  );

  app.post(
    '/concerns/:id/steps',
    {
      onRequest: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary:
          'Move a concern on: logged → triaged → investigating → action agreed → closed (or close it early with a note)',
        params: idParams,
        body: z.object({
          to: z.enum(CONCERN_STATUSES.filter((s) => s !== 'logged') as ['triaged'], 'Choose what happens next'),
          note: text('The note').nullable().default(null),
          agreedAction: text('The action agreed').nullable().default(null),
          on: actualDateSchema('date').optional().describe('When it happened (default today)'),
        }),
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { on, ...step } = request.body;
      await stepConcern(app.db, who(actor), request.params.id, { ...step, on: on ?? today() }, today());
      return getConcern(app.db, request.params.id, readerOf(actor));
    },
  );

  app.put(
    '/concerns/:id/safeguarding-referral',
    {
      onRequest: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Record (or correct) the safeguarding referral made about a concern: its date and reference',
        params: idParams,
        body: z.object({
          referralOn: actualDateSchema('referral date'),
          reference: z
            .string()
            .max(SAFEGUARDING_REFERENCE_MAX, `The reference must be ${SAFEGUARDING_REFERENCE_MAX} characters or fewer`),
        }),
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await recordSafeguardingReferral(app.db, who(actor), request.params.id, request.body, today());
      return getConcern(app.db, request.params.id, readerOf(actor));
    },
  );

  app.put(
    '/concerns/:id/provider-response',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary: 'The provider’s response to a concern about one of its own locations',
        params: idParams,
        body: z.object({ response: text('Your response') }),
        response: { 200: concernDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await readable(actor, request.params.id);
      assertOwnProvider(actor, owner.providerId);
      await respondToConcern(app.db, who(actor), request.params.id, request.body.response, today());
      return getConcern(app.db, request.params.id, readerOf(actor));
    },
  );
};

export default concernRoutes;
