// The hub's own API (brokers and admins write; other staff read): the board, referrals (create, search, send
// requests, award an offer, delays, discharge, cancel), with a person's name and NHS number for the hub only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { sendRequestSchema } from '../../domain/discharge/brokerage.js';
import { describeFindings, screenFreeText } from '../../domain/discharge/screening.js';
import { dischargeTimeProblem } from '../../domain/discharge/dischargeTime.js';
import { DELAY_REASONS, DESTINATIONS, referralInputSchema, type ServiceNeed } from '../../domain/discharge/referral.js';
import { awardOffer, listResponses, sendRequests } from '../../db/discharge/brokerage.js';
import { searchCandidates } from '../../db/discharge/candidates.js';
import { loadBoard } from '../../db/discharge/flow.js';
import {
  cancelReferral,
  createReferral,
  getReferral,
  getRestrictedDetails,
  listRecentReferrals,
  recordDelay,
  recordDischarge,
} from '../../db/discharge/referrals.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { noContent } from '../schemas.js';
import {
  awardSchema,
  boardSchema,
  candidatesSchema,
  referralDetailSchema,
  referralListSchema,
  referralResponseSchema,
  sentSchema,
} from './schemas/referrals.js';
import { recordAudit } from '../../db/core/audit.js';
import { invalid, notFound, Problem } from '../problem.js';
import { HUB_ROLES, idParams, RESTRICTED_ROLES, who } from './params.js';

const hubRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------------ hub (staff)
  app.get(
    '/board',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Everyone medically optimised and still in hospital, by pathway',
        response: { 200: boardSchema },
      },
    },
    async () => {
      const now = new Date();
      return { asAt: now.toISOString(), lanes: await loadBoard(app.db, now) };
    },
  );

  app.get(
    '/referrals',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Most recent referrals',
        querystring: z.object({
          limit: wholeNumberQuery(BOUNDS.pageSize)
            .default(50)
            .describe(`Referrals to list: at most ${BOUNDS.pageSize.max} (more is refused with 400)`),
        }),
        response: { 200: referralListSchema },
      },
    },
    async (request) => ({ referrals: await listRecentReferrals(app.db, request.query.limit) }),
  );

  app.post(
    '/referrals',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record a referral for a person who is medically optimised',
        body: referralInputSchema,
        response: { 201: referralResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const referral = await createReferral(app.db, request.body, who(actor));
      return reply.code(201).send({ referral });
    },
  );

  app.get(
    '/referrals/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'One referral with every provider response',
        params: idParams,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const referral = await getReferral(app.db, request.params.id);
      if (!referral) throw notFound('Referral');
      const responses = await listResponses(app.db, referral.id);
      const restricted = RESTRICTED_ROLES.has(actor.role) ? await getRestrictedDetails(app.db, referral.id) : null;
      if (restricted && (restricted.name || restricted.nhsNumber)) {
        // Every view of a person's identifying details is on the audit trail (which fields, never their values).
        await recordAudit(app.db, who(actor), {
          action: 'view-identifying-details',
          entity: 'discharge_referral',
          entityId: referral.id,
          detail: {
            fields: [restricted.name ? 'name' : null, restricted.nhsNumber ? 'nhsNumber' : null].filter(Boolean),
          },
        });
      }
      // The hub sees what the request's summary would reveal to providers before sending it.
      const screening = restricted ? screenFreeText(referral.needsSummary, { name: restricted.name }) : [];
      return { referral, responses, restricted, screening };
    },
  );

  app.get(
    '/referrals/:id/candidates',
    {
      onRequest: requireRole(...HUB_ROLES, 'commissioner'),
      schema: {
        tags: ['discharge'],
        summary: 'Who can take this person now, ranked, with reasons',
        params: idParams,
        querystring: z.object({
          radiusKm: z.coerce.number().min(1).max(400).default(40),
          limit: wholeNumberQuery({ min: 1, max: 200 })
            .default(50)
            .describe('Candidates to list: at most 200 (more is refused with 400)'),
        }),
        response: { 200: candidatesSchema },
      },
    },
    async (request) => {
      const referral = await getReferral(app.db, request.params.id);
      if (!referral) throw notFound('Referral');
      const result = await searchCandidates(app.db, {
        serviceNeed: referral.serviceNeed as ServiceNeed,
        specialisms: referral.specialisms,
        postcodeDistrict: referral.postcodeDistrict,
        homecareHoursPerWeek: referral.homecareHoursPerWeek ?? undefined,
        doubleHanded: referral.doubleHanded,
        preferredDistricts: referral.preferredDistricts,
        preferredLocationIds: referral.preferredLocationIds,
        radiusKm: request.query.radiusKm,
        limit: request.query.limit,
      });
      return result;
    },
  );

  app.post(
    '/referrals/:id/requests',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Send the anonymised request to chosen providers or the whole framework/DPS',
        params: idParams,
        body: sendRequestSchema,
        response: { 201: sentSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const referral = await getReferral(app.db, request.params.id);
      if (referral && !request.body.sendAnyway) {
        const { name } = await getRestrictedDetails(app.db, referral.id);
        const findings = screenFreeText(referral.needsSummary, { name });
        if (findings.length) {
          throw new Problem(409, 'Check the summary before sending', describeFindings(findings), [
            { field: 'needsSummary', message: describeFindings(findings), in: 'body' },
          ]);
        }
      }
      const result = await sendRequests(app.db, request.params.id, request.body, who(actor));
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/referrals/:id/delays',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record why the person is still waiting',
        params: idParams,
        body: z.object({
          reason: z.enum(DELAY_REASONS, { message: 'Select a delay reason' }),
          note: z.string().trim().max(300).default(''),
        }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await recordDelay(app.db, request.params.id, request.body.reason, request.body.note, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/referrals/:id/discharge',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record that the person has left hospital',
        params: idParams,
        body: z.object({
          destination: z.enum(DESTINATIONS, { message: 'Select where the person went' }),
          /** When the person left hospital (ISO with offset); now when absent. */
          dischargedAt: z
            .string()
            .datetime({ offset: true, message: 'Enter the date and time they left hospital' })
            .optional(),
        }),
        response: { 200: referralResponseSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = new Date();
      const at = request.body.dischargedAt ? new Date(request.body.dischargedAt) : now;
      const open = await getReferral(app.db, request.params.id);
      if (!open) throw notFound('Referral');
      // One check (src/domain/discharge/dischargeTime.ts) with the form: not in the future, not before the
      // referral was made nor before the person was medically optimised.
      const problem = dischargeTimeProblem(at, now, {
        referredAt: new Date(open.referredAt),
        medicallyOptimisedAt: new Date(open.medicallyOptimisedAt),
      });
      if (problem) throw invalid([{ field: 'dischargedAt', message: problem, in: 'body' }]);
      const referral = await recordDischarge(app.db, request.params.id, request.body.destination, who(actor), at);
      return { referral };
    },
  );

  app.post(
    '/referrals/:id/cancel',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Cancel a referral',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1, 'Enter why the referral is cancelled').max(300) }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await cancelReferral(app.db, request.params.id, request.body.reason, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/offers/:id/award',
    {
      onRequest: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Award an offer: creates the placement and updates the vacancy in one transaction',
        params: idParams,
        response: { 200: awardSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return awardOffer(app.db, request.params.id, who(actor));
    },
  );
};

export default hubRoutes;
