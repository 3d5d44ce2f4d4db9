// The plan's risks: links to the risk register (by plan or scheme), read, added and removed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { linkRisk, planRisks, unlinkRisk } from '../../db/bcf/risks.js';
import { listRisks } from '../../db/contracts/risks.js';
import { cachedByVersion } from '../../db/core/versions.js';
import { requireRole } from '../auth/guards.js';
import { idParams, planRisksSchema, riskLinkBodySchema, riskParams } from './schemas.js';

import { canEdit, TAGS, who } from './params.js';

const risksRoutes: FastifyPluginAsyncZod = async (app) => {
  async function risksView(id: string, edit: boolean) {
    const asAt = londonToday();
    // The register read once: the plan's log and, for editors, the risks that could be linked. Both once per BCF
    // data version and day (writes to the risk register and the contracts register raise the version too).
    const { register, log } = await cachedByVersion(app.db, 'bcf', `risks|${id}|${asAt}`, async () => {
      const plan = await loadPlan(app.db, id);
      const register = await listRisks(app.db, asAt);
      return { register, log: await planRisks(app.db, plan, asAt, register) };
    });
    const available = edit
      ? register
          .filter((r) => r.status === 'open' && !log.some((l) => l.id === r.id && l.linked))
          .map((r) => ({ id: r.id, reference: r.reference, title: r.title }))
          .sort((a, b) => a.reference.localeCompare(b.reference))
      : [];
    return { asAt, risks: log, available, canEdit: edit };
  }

  app.get(
    '/plans/:id/risks',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'The plan’s risk log from the risk register: risks linked to the plan or a scheme, and risks on contracts the schemes name',
        params: idParams,
        response: { 200: planRisksSchema },
      },
    },
    async (request) => risksView(request.params.id, canEdit(request)),
  );

  app.post(
    '/plans/:id/risks',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Link a register risk to the plan (schemeId null) or to one of its schemes',
        params: idParams,
        body: riskLinkBodySchema,
        response: { 200: planRisksSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await linkRisk(app.db, who(request), plan, request.body);
      return risksView(plan.id, true);
    },
  );

  app.delete(
    '/plans/:id/risks/:riskId',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Remove a risk’s link to the plan (the risk stays in the register)',
        params: riskParams,
        response: { 200: planRisksSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await unlinkRisk(app.db, who(request), plan, request.params.riskId);
      return risksView(plan.id, true);
    },
  );
};

export default risksRoutes;
