// Self-funder fees' API: kept by the home (its provider), or by commissioners for it.
import { BOUNDS, penceSchema, plannedDateSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/core/dates.js';
import { selfFunderFeesOn, setSelfFunderFees } from '../../db/market/selfFunderFees.js';
import { SELF_FUNDER_BANDS } from '../../domain/market/selfFunderFees.js';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { selfFunderFeeSchema } from './schemas.js';
import { COMMISSIONERS, id, locationFor, TAGS } from './params.js';

const selfFunderFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Self-funder fees: kept by the home (its provider), or by commissioners for it ----
  app.get(
    '/locations/:id/self-funder-fees',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary:
          'A care home’s weekly self-funder fees by band, beside the council’s usual rates (providers: their own)',
        params: id,
        response: { 200: z.object({ fees: z.array(selfFunderFeeSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const loc = await locationFor(app, request.params.id);
      assertCanRead(actor, loc.providerId);
      return { fees: await selfFunderFeesOn(app.db, loc.id, londonDate(new Date())) };
    },
  );
  app.put(
    '/locations/:id/self-funder-fees',
    {
      preHandler: requireRole('provider', ...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set a care home’s weekly self-funder fees by band from a date (history kept)',
        params: id,
        body: z.object({
          effectiveFrom: plannedDateSchema('date the fees apply from'),
          fees: z
            .array(
              z.object({
                band: z.enum(SELF_FUNDER_BANDS, 'Choose a care home band'),
                weeklyFeePence: penceSchema('weekly fee', { min: 1, max: BOUNDS.weeklyPricePence.max }),
              }),
            )
            .min(1, 'Enter a weekly fee for at least one band')
            .max(SELF_FUNDER_BANDS.length, 'Give each band’s fee once'),
        }),
        response: { 200: z.object({ fees: z.array(selfFunderFeeSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const loc = await locationFor(app, request.params.id);
      assertOwnProvider(actor, loc.providerId);
      return {
        fees: await setSelfFunderFees(app.db, { userId: actor.userId }, loc.id, request.body, londonDate(new Date())),
      };
    },
  );
};

export default selfFunderFeesRoutes;
