// Usual rates' and cost of care's API: read by staff, set by commissioners.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { costOfCareInputSchema, usualRateInputSchema } from '../../domain/market/rates.js';
import { listCostOfCare, listUsualRates, setCostOfCare, setUsualRate } from '../../db/market/rates.js';
import { actorOf, requireRole, requireSignedIn } from '../auth/guards.js';
import { costOfCareSchema, ratesSchema, usualRateSchema } from './schemas/register.js';
import { COMMISSIONERS, TAGS } from './params.js';

const ratesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Usual rates and cost of care ----
  app.get(
    '/rates',
    {
      onRequest: requireSignedIn,
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
      onRequest: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set the usual rate for a band from a date',
        body: usualRateInputSchema,
        response: { 200: usualRateSchema },
      },
    },
    async (request) => setUsualRate(app.db, { userId: actorOf(request).userId }, request.body),
  );
  app.put(
    '/cost-of-care',
    {
      onRequest: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set a cost of care figure',
        body: costOfCareInputSchema,
        response: { 200: costOfCareSchema },
      },
    },
    async (request) => setCostOfCare(app.db, { userId: actorOf(request).userId }, request.body),
  );
};

export default ratesRoutes;
