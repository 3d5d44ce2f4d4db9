// Better Care Fund API: the plan with its funding lines, schemes and national condition checks; the four metrics
// with plan, actual by quarter, RAG and method; the intermediate care demand and capacity table; the HICM grid;
// the quarterly return as XLSX and its re-import. Staff read; the BCF lead, commissioners and admins write.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES, hasRole } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { DC_SERVICES, DC_SERVICE_LABELS, dcSummary, shortfall } from '../../domain/bcf/demandCapacity.js';
import { HICM_CHANGES, MATURITY_LABELS, MATURITY_LEVELS, latestAssessments } from '../../domain/bcf/hicm.js';
import { monthsOfYear, parseQuarterLabel, quarterOfDate } from '../../domain/bcf/period.js';
import { FUNDING_LINE_LABELS, SCHEME_TYPES, conditionChecks, spendByFundingLine } from '../../domain/bcf/plan.js';
import { prefillFromHub, readDemandCapacity, writeDemandCapacity } from '../../db/bcf/demandCapacity.js';
import { addAssessment, listAssessments } from '../../db/bcf/hicm.js';
import {
  listPlans,
  loadPlan,
  putMetricPlans,
  putSchemeActuals,
  setSchemeContracts,
  updateSchemeSpend,
} from '../../db/bcf/plans.js';
import { linkRisk, planRisks, schemeContracts, unlinkRisk } from '../../db/bcf/risks.js';
import { listRisks } from '../../db/contracts/risks.js';
import { applyReturn, planScorecard, returnSheets } from '../../db/bcf/returns.js';
import { refreshStewardCounts, stewardPlaceOf } from '../../db/bcf/steward.js';
import { getBorough } from '../../db/core/settings.js';
import { bcfSchemes } from '../../db/bcf/schema.js';
import { listScenarios } from '../../db/discharge/simulation.js';
import { eq } from 'drizzle-orm';
import { actorOf, requireRole } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { download, MEDIA } from '../schemas.js';
import { readReturnWorkbook, writeReturnWorkbook } from './returnXlsx.js';
import {
  actualsBodySchema,
  dcCellsBodySchema,
  dcQuerySchema,
  dcResponseSchema,
  hicmBodySchema,
  hicmResponseSchema,
  idParams,
  importSummarySchema,
  metricPlansBodySchema,
  metricsSchema,
  planListSchema,
  planRisksSchema,
  riskLinkBodySchema,
  riskParams,
  schemeContractsBodySchema,
  planSchema,
  prefillBodySchema,
  refreshResponseSchema,
  returnQuerySchema,
  schemeSchema,
  spendBodySchema,
} from './schemas.js';

const TAGS = ['bcf'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bcfRoutes: FastifyPluginAsyncZod = async (app) => {
  const who = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });
  const canEdit = (request: Parameters<typeof actorOf>[0]) => hasRole(actorOf(request), BCF_EDITORS);

  async function planView(id: string, edit: boolean) {
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
      canEdit: edit,
    };
  }

  app.get(
    '/plans',
    {
      preHandler: requireRole(...STAFF_ROLES),
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
      preHandler: requireRole(...STAFF_ROLES),
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

  app.get(
    '/plans/:id/metrics',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'The four national metrics per place: plan, actual by quarter and year with 95% limits, RAG, inputs and method',
        params: idParams,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      return metricsView(await loadPlan(app.db, request.params.id), canEdit(request));
    },
  );

  app.put(
    '/plans/:id/metrics/plans',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Set metric plan values (quarter 0 = the year’s plan)',
        params: idParams,
        body: metricPlansBodySchema,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      const placeIds = new Set(plan.places.map((p) => p.id));
      const years = [plan.baselineYear, ...plan.years];
      const bad = request.body.plans.flatMap((p, i) => [
        ...(placeIds.has(p.placeId) ? [] : [{ field: `plans.${i}.placeId`, message: 'Not a place of this plan' }]),
        ...(years.includes(p.year)
          ? []
          : [{ field: `plans.${i}.year`, message: `Not a year of this plan (${years.join(', ')})` }]),
      ]);
      if (bad.length) throw new InputError(bad);
      await putMetricPlans(app.db, who(request), plan.id, request.body.plans);
      return metricsView(await loadPlan(app.db, plan.id), true);
    },
  );

  app.post(
    '/plans/:id/metrics/refresh',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Recompute the Steward borough place’s residential admissions (placements) and discharges home (hub) for complete quarters',
        params: idParams,
        response: { 200: refreshResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      return { counts: await refreshStewardCounts(app.db, who(request), plan, londonToday()) };
    },
  );

  /** The metrics page's view: every place's scorecard and which place (if any) Steward computes itself. */
  async function metricsView(plan: Awaited<ReturnType<typeof loadPlan>>, edit: boolean) {
    const borough = await getBorough(app.db);
    return {
      years: [plan.baselineYear, ...plan.years],
      places: plan.places,
      stewardPlace: await stewardPlaceOf(app.db, plan),
      council: borough ? { name: borough.name, gssCode: borough.gssCode } : null,
      metrics: await planScorecard(app.db, plan),
      canEdit: edit,
    };
  }

  async function dcView(id: string, year: string | undefined, edit: boolean) {
    const plan = await loadPlan(app.db, id);
    const current = quarterOfDate(londonToday()).year;
    const chosen = year ?? (plan.years.includes(current) ? plan.years[plan.years.length - 1] : plan.years[0]);
    if (!plan.years.includes(chosen))
      throw InputError.field('year', `Not a year of this plan (${plan.years.join(', ')})`, 'querystring');
    const rows = await readDemandCapacity(app.db, plan, chosen);
    return {
      year: chosen,
      years: plan.years,
      months: monthsOfYear(chosen),
      places: plan.places,
      services: DC_SERVICES.map((key) => ({ key, label: DC_SERVICE_LABELS[key] })),
      rows: rows.map((r) => ({ ...r, shortfall: shortfall(r) })),
      summary: dcSummary(rows),
      scenarios: (await listScenarios(app.db)).map((s) => ({ id: s.id, name: s.name })),
      canEdit: edit,
    };
  }

  app.get(
    '/plans/:id/demand-capacity',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Intermediate care demand and capacity by place, service and month, with the shortfall',
        params: idParams,
        querystring: dcQuerySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => dcView(request.params.id, request.query.year, canEdit(request)),
  );

  app.put(
    '/plans/:id/demand-capacity',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change demand and capacity cells (a changed figure is marked as entered)',
        params: idParams,
        body: dcCellsBodySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await writeDemandCapacity(app.db, who(request), plan, request.body.cells);
      const year = plan.years.find((y) => monthsOfYear(y).includes(request.body.cells[0].month));
      return dcView(plan.id, year, true);
    },
  );

  app.post(
    '/plans/:id/demand-capacity/prefill',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Prefill a year from the discharge hub’s history and a capacity planner scenario (split by 65+ population)',
        params: idParams,
        body: prefillBodySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      if (!plan.years.includes(request.body.year)) throw InputError.field('year', 'Not a year of this plan', 'body');
      await prefillFromHub(app.db, who(request), plan, request.body.year, request.body);
      return dcView(plan.id, request.body.year, true);
    },
  );

  async function hicmView(id: string, edit: boolean) {
    const plan = await loadPlan(app.db, id);
    const history = await listAssessments(app.db, plan);
    return {
      places: plan.places,
      changes: HICM_CHANGES.map((c) => ({ number: c.number, name: c.name })),
      levels: MATURITY_LEVELS.map((key) => ({ key, label: MATURITY_LABELS[key] })),
      latest: latestAssessments(history),
      history,
      canEdit: edit,
    };
  }

  app.get(
    '/plans/:id/hicm',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'High Impact Change Model: the latest maturity per place and change, with every earlier assessment',
        params: idParams,
        response: { 200: hicmResponseSchema },
      },
    },
    async (request) => hicmView(request.params.id, canEdit(request)),
  );

  app.post(
    '/plans/:id/hicm',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Record a maturity assessment (level, evidence, date, planned next level)',
        params: idParams,
        body: hicmBodySchema,
        response: { 200: hicmResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await addAssessment(app.db, who(request), plan, request.body, londonToday());
      return hicmView(plan.id, true);
    },
  );

  async function schemeView(id: string) {
    const [row] = await app.db.select({ planId: bcfSchemes.planId }).from(bcfSchemes).where(eq(bcfSchemes.id, id));
    if (!row) throw new NotFound('Scheme');
    const plan = await loadPlan(app.db, row.planId);
    return plan.schemes.find((s) => s.id === id)!;
  }

  app.patch(
    '/schemes/:id/spend',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change a scheme’s planned spend for funding lines and years (others kept)',
        params: idParams,
        body: spendBodySchema,
        response: { 200: schemeSchema },
      },
    },
    async (request) => {
      await updateSchemeSpend(app.db, who(request), request.params.id, request.body.funding);
      return schemeView(request.params.id);
    },
  );

  app.put(
    '/schemes/:id/actuals',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Record a scheme’s actual spend and outputs for quarters',
        params: idParams,
        body: actualsBodySchema,
        response: { 200: schemeSchema },
      },
    },
    async (request) => {
      await putSchemeActuals(app.db, who(request), request.params.id, request.body.actuals);
      return schemeView(request.params.id);
    },
  );

  async function risksView(id: string, edit: boolean) {
    const plan = await loadPlan(app.db, id);
    const asAt = londonToday();
    const log = await planRisks(app.db, plan, asAt);
    const available = edit
      ? (await listRisks(app.db, asAt))
          .filter((r) => r.status === 'open' && !log.some((l) => l.id === r.id && l.linked))
          .map((r) => ({ id: r.id, reference: r.reference, title: r.title }))
          .sort((a, b) => a.reference.localeCompare(b.reference))
      : [];
    return { asAt, risks: log, available, canEdit: edit };
  }

  app.get(
    '/plans/:id/risks',
    {
      preHandler: requireRole(...STAFF_ROLES),
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
      preHandler: requireRole(...BCF_EDITORS),
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
      preHandler: requireRole(...BCF_EDITORS),
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

  app.put(
    '/schemes/:id/contracts',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Set the register contracts a scheme names (replacing the list)',
        params: idParams,
        body: schemeContractsBodySchema,
        response: { 200: schemeSchema },
      },
    },
    async (request) => {
      await setSchemeContracts(app.db, who(request), request.params.id, request.body.contractIds);
      return schemeView(request.params.id);
    },
  );

  app.get(
    '/plans/:id/return.xlsx',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'The plan, or a quarter’s return, as XLSX in the national template’s sheets (Cover, Income, Expenditure, Metrics, Demand and capacity, Narrative)',
        params: idParams,
        querystring: returnQuerySchema,
        response: { 200: download('The BCF plan or quarterly return workbook', MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const quarter = request.query.quarter ? parseQuarterLabel(request.query.quarter) : null;
      if (quarter) {
        const plan = await loadPlan(app.db, request.params.id);
        const years = [plan.baselineYear, ...plan.years];
        if (!years.includes(quarter.year))
          throw InputError.field('quarter', `Not a year of this plan (${years.join(', ')})`, 'querystring');
      }
      const today = londonToday();
      const buf = await writeReturnWorkbook(await returnSheets(app.db, request.params.id, quarter, today));
      const name = quarter ? `bcf-return-${quarter.year.replace('/', '-')}-q${quarter.quarter}` : `bcf-plan-${today}`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buf);
    },
  );

  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/plans/:id/return',
    {
      preHandler: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Re-import a filled return (XLSX): validated whole, applied in one transaction; every problem named by sheet, row and column',
        params: idParams,
        querystring: z.object({ fileName: z.string().min(1).max(200).optional() }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) throw new Problem(415, undefined, 'Send the return as an Excel (XLSX) file');
      let sheets;
      try {
        sheets = await readReturnWorkbook(body);
      } catch (e) {
        throw new Problem(422, 'The file was not imported', e instanceof Error ? e.message : String(e), [
          { field: 'file', message: 'The file is not an Excel (XLSX) workbook', in: 'body' },
        ]);
      }
      try {
        return await applyReturn(
          app.db,
          who(request),
          request.params.id,
          sheets,
          request.query.fileName?.split(/[\\/]/).at(-1) || 'return.xlsx',
        );
      } catch (e) {
        if (e instanceof InputError && e.errors.some((x) => x.in === 'file'))
          throw new Problem(
            422,
            'The file was not imported',
            e.message,
            e.errors.map((x) => ({ field: x.field, message: x.message, in: 'body' })),
          );
        throw e;
      }
    },
  );
};

export default bcfRoutes;
