// Self-funder fees' API: kept by the home (its provider), or by commissioners for it.
import { BOUNDS, dateRangeError, plannedDateSchema, positivePenceSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, isIsoDate, londonDate } from '../../domain/core/dates.js';
import {
  selfFunderFeeHistory,
  selfFunderFeesOn,
  selfFunderFeesUpcoming,
  setSelfFunderFees,
} from '../../db/market/selfFunderFees.js';
import { SELF_FUNDER_BANDS } from '../../domain/market/selfFunderFees.js';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { selfFunderFeeHistorySchema, selfFunderFeeSchema } from './schemas/register.js';
import { COMMISSIONERS, id, locationFor, TAGS } from './params.js';

const selfFunderFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Self-funder fees: kept by the home (its provider), or by commissioners for it ----
  app.get(
    '/locations/:id/self-funder-fees',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary:
          'A care home’s weekly self-funder fees by band, beside the council’s usual rates (providers: their own)',
        params: id,
        response: {
          200: z.object({
            fees: z.array(selfFunderFeeSchema).describe('In force today'),
            upcoming: z.array(selfFunderFeeSchema).describe('Set to apply from a later date'),
            history: z.array(selfFunderFeeHistorySchema).describe('Every fee recorded, who recorded it and when'),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const loc = await locationFor(app, request.params.id);
      assertCanRead(actor, loc.providerId);
      const today = londonDate(new Date());
      return {
        fees: await selfFunderFeesOn(app.db, loc.id, today),
        upcoming: await selfFunderFeesUpcoming(app.db, loc.id, today),
        history: await selfFunderFeeHistory(app.db, loc.id),
      };
    },
  );
  app.put(
    '/locations/:id/self-funder-fees',
    {
      onRequest: requireRole('provider', ...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set a care home’s weekly self-funder fees by band from a date (history kept)',
        params: id,
        body: z.object({
          // Fees announced ahead take effect within BOUNDS.feeDaysAhead days (checked with the fees, in one round).
          effectiveFrom: plannedDateSchema('date the fees apply from').superRefine((d, ctx) => {
            const today = londonDate(new Date());
            const late = isIsoDate(d)
              ? dateRangeError('effectiveFrom', 'the date the fees apply from', d, {
                  latest: addDays(today, BOUNDS.feeDaysAhead),
                })
              : null;
            if (late) ctx.addIssue({ code: 'custom', message: late.message });
          }),
          fees: z
            .array(
              z.object({
                band: z.enum(SELF_FUNDER_BANDS, 'Choose a care home band'),
                weeklyFeePence: positivePenceSchema('weekly fee', BOUNDS.weeklyPricePence),
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
