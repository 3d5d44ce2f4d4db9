// The risk register: risks with scores, RAG, trend and history and the heat map; risks added and reviewed; the RAG
// bands for risk scores.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, futureDateSchema, wholeNumberSchema } from '../../domain/core/bounds.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { heatMap } from '../../domain/contracts/risk.js';
import { createRisk, getBands, listRisks, putBands, reviewRisk } from '../../db/contracts/risks.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { riskBandSchema, riskRegisterSchema } from './schemas.js';
import { asAtFor, asAtQuery, COMMISSIONING, idParams, TAGS, today, uuid, who } from './params.js';

const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/risks',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'The risk register with scores, RAG, trend and history',
        querystring: asAtQuery,
        response: {
          200: riskRegisterSchema,
        },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const risks = await listRisks(app.db, at);
      return {
        asAt: at,
        bands: await getBands(app.db),
        risks,
        heatMap: heatMap(risks.filter((r) => r.status === 'open')),
      };
    },
  );

  const riskBody = z.object({
    reference: z.string({ error: 'Enter the risk reference' }).trim().min(1, 'Enter the risk reference').max(40),
    title: z.string({ error: 'Describe the risk' }).trim().min(1, 'Describe the risk').max(500),
    mitigation: z.string().max(5000).default(''),
    owner: z.string({ error: 'Enter who owns the risk' }).trim().min(1, 'Enter who owns the risk').max(200),
    likelihood: wholeNumberSchema(BOUNDS.riskScale),
    impact: wholeNumberSchema(BOUNDS.riskScale),
    reviewDate: futureDateSchema('next review date').nullable().default(null),
    contractId: uuid.nullable().default(null),
    providerId: uuid.nullable().default(null),
    actionId: uuid.nullable().default(null),
  });
  app.post(
    '/risks',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: { tags: TAGS, summary: 'Add a risk', body: riskBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createRisk(app.db, who(actorOf(request)), request.body, today()) }),
  );

  app.post(
    '/risks/:id/review',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Review a risk: re-score it (added to its history) and update mitigation or review date',
        params: idParams,
        body: z.object({
          likelihood: wholeNumberSchema(BOUNDS.riskScale),
          impact: wholeNumberSchema(BOUNDS.riskScale),
          note: z.string().max(2000).nullable().default(null),
          mitigation: z.string().max(5000).optional(),
          reviewDate: futureDateSchema('next review date').nullable().optional(),
          status: z.enum(['open', 'closed']).optional(),
        }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await reviewRisk(app.db, who(actorOf(request)), request.params.id, request.body, today());
      return { id: request.params.id };
    },
  );

  app.put(
    '/risk-bands',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Set the RAG bands for risk scores (must cover 1–25 once)',
        body: z.object({
          bands: z
            .array(
              z.object({
                min: wholeNumberSchema(BOUNDS.riskScore),
                max: wholeNumberSchema(BOUNDS.riskScore),
                rag: z.enum(['green', 'amber', 'red']),
                label: z.string().max(40),
              }),
            )
            .min(1)
            .max(10),
        }),
        response: { 200: z.object({ bands: z.array(riskBandSchema) }) },
      },
    },
    async (request) => {
      await putBands(app.db, who(actorOf(request)), request.body.bands);
      return { bands: await getBands(app.db) };
    },
  );
};

export default riskRoutes;
