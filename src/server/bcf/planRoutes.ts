// The BCF plan's API: the plans, one plan with its funding lines, schemes, spend and national condition checks, and
// each scheme's spend, actuals and contracts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { NotFound } from '../../domain/core/errors.js';
import { FUNDING_LINE_LABELS, SCHEME_TYPES } from '../../domain/bcf/plan.js';
import { conditionChecks, spendByFundingLine } from '../../domain/bcf/fundingChecks.js';
import { listPlans, loadPlan } from '../../db/bcf/plans.js';
import { putSchemeActuals, setSchemeContracts, updateSchemeSpend } from '../../db/bcf/schemes.js';
import { schemeContracts } from '../../db/bcf/risks.js';
import { bcfSchemes } from '../../db/bcf/schema.js';
import { cachedByVersion } from '../../db/core/versions.js';
import { eq } from 'drizzle-orm';
import { requireRole } from '../auth/guards.js';
import {
  actualsBodySchema,
  idParams,
  planListSchema,
  schemeContractsBodySchema,
  planSchema,
  schemeSchema,
  spendBodySchema,
} from './schemas.js';

import { canEdit, TAGS, who } from './params.js';

const planRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The plan page's figures, worked out once per BCF data version (the contracts register raises it too). */
  function planFigures(id: string) {
    return cachedByVersion(app.db, 'bcf', `plan-view|${id}`, () => readPlanFigures(id));
  }

  async function planView(id: string, edit: boolean) {
    return { ...(await planFigures(id)), canEdit: edit };
  }

  async function readPlanFigures(id: string) {
    const plan = await loadPlan(app.db, id);
    const spend = plan.years.flatMap((year) => [
      { year, placeId: null, lines: spendByFundingLine(year, null, plan.income, plan.schemes) },
      ...plan.places.map((p) => ({
        year,
        placeId: p.id,
        lines: spendByFundingLine(year, p.id, plan.income, plan.schemes),
      })),
    ]);
    return {
      id: plan.id,
      name: plan.name,
      years: plan.years,
      baselineYear: plan.baselineYear,
      narrative: plan.narrative,
      places: plan.places,
      income: plan.income,
      requirements: plan.requirements,
      schemes: plan.schemes,
      checks: conditionChecks(plan.places, plan.years, plan.income, plan.requirements, plan.schemes),
      spend,
      fundingLineLabels: FUNDING_LINE_LABELS,
      schemeTypes: SCHEME_TYPES as Record<string, string[]>,
      contracts: await schemeContracts(app.db, plan),
    };
  }

  app.get(
    '/plans',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'BCF plans: each Health and Wellbeing Board’s, or joint plans over several',
        response: { 200: planListSchema },
      },
    },
    async () => ({ plans: await listPlans(app.db) }),
  );

  app.get(
    '/plans/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'A plan: places, income by funding line, schemes with planned and actual spend, national condition checks',
        params: idParams,
        response: { 200: planSchema },
      },
    },
    async (request) => planView(request.params.id, canEdit(request)),
  );

  async function schemeView(id: string) {
    const [row] = await app.db.select({ planId: bcfSchemes.planId }).from(bcfSchemes).where(eq(bcfSchemes.id, id));
    if (!row) throw new NotFound('Scheme');
    const plan = await loadPlan(app.db, row.planId);
    return plan.schemes.find((s) => s.id === id)!;
  }

  /**
   * A change to one scheme (`<method> /schemes/:id/<path>`, BCF editors only): `write` makes it with the request's
   * checked body as the signed-in user, and the answer is the scheme as it now stands.
   */
  function schemeWrite<B extends z.ZodType>(
    method: 'PATCH' | 'PUT',
    path: string,
    summary: string,
    body: B,
    write: (actor: ReturnType<typeof who>, id: string, body: z.infer<B>) => Promise<unknown>,
  ) {
    app.route({
      method,
      url: `/schemes/:id/${path}`,
      onRequest: requireRole(...BCF_EDITORS),
      schema: { tags: TAGS, summary, params: idParams, body, response: { 200: schemeSchema } },
      handler: async (request) => {
        await write(who(request), request.params.id, request.body as z.infer<B>);
        return schemeView(request.params.id);
      },
    });
  }

  schemeWrite(
    'PATCH',
    'spend',
    'Change a scheme’s planned spend for funding lines and years (others kept)',
    spendBodySchema,
    (actor, id, body) => updateSchemeSpend(app.db, actor, id, body.funding),
  );
  schemeWrite(
    'PUT',
    'actuals',
    'Record a scheme’s actual spend and outputs for quarters',
    actualsBodySchema,
    (actor, id, body) => putSchemeActuals(app.db, actor, id, body.actuals),
  );
  schemeWrite(
    'PUT',
    'contracts',
    'Set the register contracts a scheme names (replacing the list)',
    schemeContractsBodySchema,
    (actor, id, body) => setSchemeContracts(app.db, actor, id, body.contractIds),
  );
};

export default planRoutes;
