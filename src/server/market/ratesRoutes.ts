// Usual rates' and cost of care's API: read by staff, set by commissioners.
import { BOUNDS, penceSchema, plannedDateSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BANDS } from '../../domain/market/types.js';
import { listCostOfCare, listUsualRates, setCostOfCare, setUsualRate } from '../../db/market/rates.js';
import { actorOf, requireRole, requireSignedIn } from '../auth/guards.js';
import { costOfCareSchema, ratesSchema, usualRateSchema } from './schemas/register.js';
import { COMMISSIONERS, TAGS } from './params.js';

const ratesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Usual rates and cost of care ----
  app.get(
    '/rates',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'Usual rates by band (all effective dates) and cost of care',
        response: { 200: ratesSchema },
      },
    },
    async () => ({ usualRates: await listUsualRates(app.db), costOfCare: await listCostOfCare(app.db) }),
  );
  app.put(
    '/rates',
    {
      preHandler: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set the usual rate for a band from a date',
        body: z.object({
          band: z.enum(BANDS),
          effectiveFrom: plannedDateSchema('date the rate takes effect', BOUNDS.earliestUsualRateDate),
          amountPence: penceSchema('rate', BOUNDS.weeklyPricePence).refine(
            (p) => p > 0,
            'Enter a rate of more than £0',
          ),
          note: z.string().max(500).nullable().optional(),
        }),
        response: { 200: usualRateSchema },
      },
    },
    async (request) => setUsualRate(app.db, { userId: actorOf(request).userId }, request.body),
  );
  app.put(
    '/cost-of-care',
    {
      preHandler: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set a cost of care figure',
        body: z.object({
          service: z.enum(['residential', 'nursing', 'homecare']),
          effectiveFrom: plannedDateSchema('date the figure takes effect', BOUNDS.earliestUsualRateDate),
          amountPence: penceSchema('cost of care', BOUNDS.weeklyPricePence).refine(
            (p) => p > 0,
            'Enter a cost of more than £0',
          ),
          source: z.string().max(500).nullable().optional(),
        }),
        response: { 200: costOfCareSchema },
      },
    },
    async (request) => setCostOfCare(app.db, { userId: actorOf(request).userId }, request.body),
  );
};

export default ratesRoutes;
