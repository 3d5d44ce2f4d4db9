// Contracts and delivery: the register, recommissioning, procurements, KPI returns, quality assessments,
// the delivery plan and risks (provider concerns: ./concernRoutes.ts). Thin: parse, authorise, call db/domain, respond.
import {
  actualDateSchema,
  BOUNDS,
  penceSchema,
  plannedDateSchema,
  realNumberSchema,
  wholeNumberSchema,
} from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema, londonToday } from '../../domain/core/dates.js';
import { asc, eq } from 'drizzle-orm';
import { STAFF_ROLES, type Actor } from '../../domain/core/auth.js';
import { CARE_GROUPS, CONTRACT_FORMS, FUNDING_SOURCES, SERVICE_AREAS } from '../../domain/contracts/contract.js';
import { KPI_FREQUENCIES } from '../../domain/contracts/kpi.js';
import { PROCUREMENT_STAGES, planBackwards } from '../../domain/contracts/procurement.js';
import {
  HORIZONS,
  RECOMMISSIONING_DECISIONS,
  horizonTotals,
  type Horizon,
} from '../../domain/contracts/recommissioning.js';
import { ASSESSMENT_DOMAINS, QUALITY_RATINGS } from '../../domain/contracts/assessment.js';
import { byPriority, byServiceArea, haltonLayout } from '../../domain/contracts/deliveryPlan.js';
import { heatMap } from '../../domain/contracts/risk.js';
import {
  contractHistory,
  procurementHistory,
  createContract,
  decide,
  endContract,
  extendContract,
  getContract,
  listContracts,
  updateContract,
  varyContract,
} from '../../db/contracts/contracts.js';
import {
  createProcurement,
  getProcurement,
  listProcurements,
  recommissioning,
  updateStage,
} from '../../db/contracts/procurements.js';
import {
  amendReturn,
  createKpi,
  kpiOwner,
  listKpis,
  removeKpi,
  submitReturn,
  updateKpi,
} from '../../db/contracts/kpis.js';
import {
  assessmentOwner,
  createAssessment,
  getAssessment,
  listAssessments,
  providerRespond,
  publishAssessment,
  reviseAssessment,
  shareForChallenge,
  acceptActionPlan,
  requestActionPlanChanges,
  submitActionPlan,
} from '../../db/contracts/assessments.js';
import { completeMilestone, getPlan, updateAction } from '../../db/contracts/deliveryPlan.js';
import { createRisk, getBands, listRisks, putBands, reviewRisk } from '../../db/contracts/risks.js';
import { locations, providers } from '../../db/market/schema.js';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { Problem, forbidden, notFound } from '../problem.js';
import { download, importSummarySchema, MEDIA } from '../schemas.js';
import {
  assessmentViewSchema,
  contractDetailSchema,
  contractHistoryEntrySchema,
  contractViewSchema,
  deliveryPlanSchema,
  kpiViewSchema,
  procurementViewSchema,
  recommissioningSchema,
  riskBandSchema,
  riskRegisterSchema,
} from './schemas.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { loggableError, pgErrorOf } from '../../db/errors.js';
import { contractsImporter } from '../../importers/contracts.js';
import { deliveryPlanWorkbook } from './deliveryPlanXlsx.js';

const isoDate = isoDateSchema;
// Bounds a domain expert would set (src/domain/core/bounds.ts), shared with the importers and forms.
const uuid = z.string().uuid();
const idParams = z.object({ id: uuid });
const asAtQuery = z.object({ asAt: isoDate.optional() });
// Response bodies are documented as open objects; their shapes are the repository view types.
const TAGS = ['contracts'];

const COMMISSIONING = ['admin', 'commissioner'] as const;
const QUALITY = ['admin', 'quality_officer'] as const;

const today = () => londonToday();
/** Staff may look at the lists as at another date; everyone else sees today. */
const asAtFor = (actor: Actor, asAt?: string) => (asAt && actor.role !== 'provider' ? asAt : today());
const who = (actor: Actor) => ({ userId: actor.userId });

const contractBody = z.object({
  // Messages as the web form words them, so a person sees the same words whichever checks first.
  reference: z.string({ error: 'Enter the contract reference' }).trim().min(1, 'Enter the contract reference').max(60),
  title: z.string({ error: 'Enter the contract title' }).trim().min(1, 'Enter the contract title').max(300),
  providerId: uuid.nullable(),
  locationId: uuid.nullable().default(null),
  serviceArea: z.enum(SERVICE_AREAS, { error: 'Choose the service area' }),
  careGroup: z.enum(CARE_GROUPS, { error: 'Choose the care group' }),
  contractForm: z.enum(CONTRACT_FORMS, { error: 'Choose the contract form' }),
  fundingSource: z.enum(FUNDING_SOURCES, { error: 'Choose the funding source' }),
  totalValuePence: penceSchema('total value', BOUNDS.contractValuePence),
  annualValuePence: penceSchema('annual value', BOUNDS.contractValuePence),
  startDate: plannedDateSchema('start date'),
  initialEndDate: plannedDateSchema('initial end date'),
  extensionOptionsMonths: z.array(z.number().int().min(1).max(120)).max(10).default([]),
  extensionsTaken: wholeNumberSchema(BOUNDS.extensionsTaken).default(0),
  breakClauseDates: z.array(isoDate).default([]),
  noticePeriodMonths: z.number().int().min(0).max(24).default(3),
  socialValue: z.string().max(2000).nullable().default(null),
  leadOfficer: z.string().max(200).nullable().default(null),
});

const stageBody = z.object({
  stage: z.enum(PROCUREMENT_STAGES),
  plannedStart: plannedDateSchema('planned start'),
  plannedEnd: plannedDateSchema('planned end'),
  // Actual dates have happened: never in the future (issue 13: a stage that "actually ended" in 2030).
  actualStart: actualDateSchema('actual start').nullable().default(null),
  actualEnd: actualDateSchema('actual end').nullable().default(null),
  notApplicable: z.boolean().default(false),
});

const ratingsBody = z.object(
  Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, z.enum(QUALITY_RATINGS)])) as Record<
    (typeof ASSESSMENT_DOMAINS)[number],
    z.ZodEnum<{ [K in (typeof QUALITY_RATINGS)[number]]: K }>
  >,
);

/** XLSX files are zip archives: they start with the local file header "PK\\x03\\x04". */
function isZip(body: Buffer): boolean {
  return body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
}

function notAWorkbook(): Problem {
  return new Problem(
    422,
    'The file was not imported',
    'The file is not a readable Excel (XLSX) workbook: it may be damaged, or be another kind of file. Save it again from Excel as .xlsx, or send the register as CSV.',
    [{ field: 'file', message: 'Not a readable XLSX workbook', in: 'body' }],
  );
}

const contractsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- Contract register ----------
  app.get(
    '/contracts',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'The contract register, filtered (providers see only their own contracts)',
        querystring: z.object({
          serviceArea: z.enum(SERVICE_AREAS).optional(),
          careGroup: z.enum(CARE_GROUPS).optional(),
          contractForm: z.enum(CONTRACT_FORMS).optional(),
          fundingSource: z.enum(FUNDING_SOURCES).optional(),
          providerId: uuid.optional(),
          search: z.string().max(100).optional(),
          status: z.enum(['live', 'ended', 'not_started']).optional(),
          asAt: isoDate.optional(),
        }),
        response: { 200: z.object({ asAt: z.string(), contracts: z.array(contractViewSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { asAt, ...filters } = request.query;
      if (actor.role === 'provider') filters.providerId = actor.providerId ?? '00000000-0000-0000-0000-000000000000';
      const at = asAtFor(actor, asAt);
      return { asAt: at, contracts: await listContracts(app.db, filters, at) };
    },
  );

  app.get(
    '/contracts/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'One contract with its KPIs, procurements and history of changes (the history for council staff only)',
        params: idParams,
        querystring: asAtQuery,
        response: { 200: contractDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = asAtFor(actor, request.query.asAt);
      const contract = await getContract(app.db, request.params.id, at);
      if (actor.role === 'provider') {
        if (!contract.providerId) throw forbidden('Provider users can only see their own organisation’s records');
        assertCanRead(actor, contract.providerId);
      }
      const procs =
        actor.role === 'provider'
          ? []
          : (await listProcurements(app.db, at)).filter((p) => p.contractId === contract.id);
      // The history names who changed what: council staff only (a provider sees its contract, not the council's trail).
      const history = actor.role === 'provider' ? [] : await contractHistory(app.db, contract.id);
      return { contract, kpis: await listKpis(app.db, at, { contractId: contract.id }), procurements: procs, history };
    },
  );

  app.post(
    '/contracts',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Add a contract to the register',
        body: contractBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const id = await createContract(app.db, who(actorOf(request)), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/contracts/:id',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Update a contract',
        params: idParams,
        body: contractBody,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await updateContract(app.db, who(actorOf(request)), request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.post(
    '/contracts/:id/extend',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Take the next extension option: the end date moves on by its months (409 when none remains or ended)',
        params: idParams,
        body: z.object({ note: z.string().trim().max(2000).nullable().default(null) }),
        response: { 200: z.object({ contract: contractViewSchema }) },
      },
    },
    async (request) => {
      await extendContract(app.db, who(actorOf(request)), request.params.id, request.body.note || null);
      return { contract: await getContract(app.db, request.params.id, today()) };
    },
  );

  app.post(
    '/contracts/:id/variations',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Vary a contract: change its value, term or scope with a reason and the day it takes effect (409 once ended)',
        params: idParams,
        body: z.object({
          changes: z.object({
            title: z.string().trim().min(1).max(300).optional(),
            totalValuePence: penceSchema('total value', BOUNDS.contractValuePence).optional(),
            annualValuePence: penceSchema('annual value', BOUNDS.contractValuePence).optional(),
            initialEndDate: plannedDateSchema('end date').optional(),
            extensionOptionsMonths: z.array(z.number().int().min(1).max(120)).max(10).optional(),
            noticePeriodMonths: z.number().int().min(0).max(24).optional(),
            breakClauseDates: z.array(isoDate).max(20).optional(),
            socialValue: z.string().max(2000).nullable().optional(),
          }),
          reason: z.string().trim().min(1, 'Enter the reason for the variation').max(2000),
          effectiveFrom: plannedDateSchema('date the variation takes effect'),
        }),
        response: { 201: z.object({ variation: z.number(), contract: contractViewSchema }) },
      },
    },
    async (request, reply) => {
      const variation = await varyContract(app.db, who(actorOf(request)), request.params.id, request.body);
      return reply.code(201).send({ variation, contract: await getContract(app.db, request.params.id, today()) });
    },
  );

  app.post(
    '/contracts/:id/end',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'End a contract early: its last day and why (409 when it has already been ended)',
        params: idParams,
        body: z.object({
          endedOn: plannedDateSchema('last day'),
          reason: z.string().trim().min(1, 'Enter why the contract is ending').max(2000),
        }),
        response: { 200: z.object({ contract: contractViewSchema }) },
      },
    },
    async (request) => {
      await endContract(app.db, who(actorOf(request)), request.params.id, request.body);
      return { contract: await getContract(app.db, request.params.id, today()) };
    },
  );

  app.get(
    '/contracts/:id/history',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: "A contract's history: every change to it, its KPIs and its procurements, newest first",
        params: idParams,
        response: { 200: z.object({ history: z.array(contractHistoryEntrySchema) }) },
      },
    },
    async (request) => ({ history: await contractHistory(app.db, request.params.id) }),
  );

  app.post(
    '/contracts/:id/decision',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Record the recommissioning decision (extend takes the next extension option)',
        params: idParams,
        body: z.object({
          decision: z.enum(RECOMMISSIONING_DECISIONS),
          note: z.string().max(2000).nullable().default(null),
        }),
        response: { 200: z.object({ contract: contractViewSchema }) },
      },
    },
    async (request) => {
      await decide(app.db, who(actorOf(request)), request.params.id, request.body.decision, request.body.note);
      return { contract: await getContract(app.db, request.params.id, today()) };
    },
  );

  // ---------- Register import from the web (the same importer as `steward import contracts`) ----------
  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(isZip(body as Buffer) ? null : notAWorkbook(), body),
  );
  app.post(
    '/import',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Import a contract register (text/csv or XLSX); refused whole with line-and-column errors',
        querystring: z.object({ fileName: z.string().max(200).default('contract-register.csv') }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (typeof body !== 'string' && !Buffer.isBuffer(body))
        throw new Problem(415, undefined, 'Send the register as text/csv or as an Excel (XLSX) file');
      const fileName =
        Buffer.isBuffer(body) && !/\.xlsx$/i.test(request.query.fileName)
          ? `${request.query.fileName}.xlsx`
          : request.query.fileName;
      try {
        return await runImport(app.db, contractsImporter, textSource(fileName, body), {
          actor: who(actorOf(request)),
          options: {},
        });
      } catch (e) {
        if (e instanceof ImportRejected) {
          throw new Problem(
            422,
            'The file was not imported',
            `${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} found; nothing was saved`,
            e.issues.map((i) => ({
              field: i.line == null ? (i.field ?? 'file') : `line ${i.line}: ${i.field ?? ''}`,
              message: i.message,
              in: 'body',
            })),
          );
        }
        // A damaged workbook (or a file that only looks like one) fails inside the XLSX reader: say so plainly.
        if (Buffer.isBuffer(body) && !(e instanceof Problem) && !pgErrorOf(e)) {
          request.log.warn({ error: loggableError(e) }, 'unreadable XLSX upload');
          throw notAWorkbook();
        }
        throw e;
      }
    },
  );

  // ---------- Recommissioning and procurements ----------
  app.get(
    '/recommissioning',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Contracts ending within 6, 12 or 18 months, the decision each needs and its procurement',
        querystring: z.object({
          horizon: z.coerce
            .number()
            .int()
            .min(Math.min(...HORIZONS))
            .max(Math.max(...HORIZONS))
            .pipe(z.union(HORIZONS.map((h) => z.literal(h)) as [z.ZodLiteral<6>, z.ZodLiteral<12>, z.ZodLiteral<18>]))
            .default(18),
          asAt: isoDate.optional(),
        }),
        response: {
          200: recommissioningSchema,
        },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const horizon = request.query.horizon as Horizon;
      const entries = await recommissioning(app.db, at, horizon);
      return { asAt: at, horizon, totals: horizonTotals(entries), entries };
    },
  );

  app.get(
    '/procurements',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Procurements with planned, actual and forecast stage dates',
        querystring: asAtQuery,
        response: { 200: z.object({ asAt: z.string(), procurements: z.array(procurementViewSchema) }) },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      return { asAt: at, procurements: await listProcurements(app.db, at) };
    },
  );

  app.get(
    '/procurements/:id',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One procurement: its stages with planned, actual and forecast dates, and its history of changes',
        params: idParams,
        querystring: asAtQuery,
        response: {
          200: z.object({
            asAt: z.string(),
            procurement: procurementViewSchema,
            history: z.array(contractHistoryEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      return {
        asAt: at,
        procurement: await getProcurement(app.db, request.params.id, at),
        history: await procurementHistory(app.db, request.params.id),
      };
    },
  );

  app.post(
    '/procurements',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Set up a procurement with its stage plan',
        body: z
          .object({
            contractId: uuid.nullable().default(null),
            intentionId: uuid.nullable().default(null),
            title: z
              .string({ error: 'Enter the procurement’s title' })
              .trim()
              .min(1, 'Enter the procurement’s title')
              .max(300),
            route: z.enum(['re_tender', 'direct_award', 'bring_in_house', 'new_service'], {
              error: 'Choose the route',
            }),
            leadOfficer: z.string().trim().max(200).nullable().default(null),
            /** The stage plan; leave out to plan every stage back from `goLive` with typical durations. */
            stages: z.array(stageBody).min(1).optional(),
            goLive: plannedDateSchema('planned go-live').optional(),
          })
          .refine((b) => b.stages || b.goLive, {
            message: 'Enter the planned go-live date',
            path: ['goLive'],
          }),
        response: { 201: procurementViewSchema },
      },
    },
    async (request, reply) => {
      const { goLive, stages, ...rest } = request.body;
      const id = await createProcurement(app.db, who(actorOf(request)), {
        ...rest,
        leadOfficer: rest.leadOfficer || null,
        stages: stages ?? planBackwards(goLive!),
      });
      return reply.code(201).send(await getProcurement(app.db, id, today()));
    },
  );

  app.patch(
    '/procurements/:id/stages/:stage',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Record actual or re-planned dates for a stage',
        params: z.object({ id: uuid, stage: z.enum(PROCUREMENT_STAGES) }),
        body: z.object({
          plannedStart: plannedDateSchema('planned start').optional(),
          plannedEnd: plannedDateSchema('planned end').optional(),
          // Actual dates have happened: never in the future.
          actualStart: actualDateSchema('actual start').nullable().optional(),
          actualEnd: actualDateSchema('actual end').nullable().optional(),
          notApplicable: z.boolean().optional(),
        }),
        response: { 200: procurementViewSchema },
      },
    },
    async (request) => {
      await updateStage(app.db, who(actorOf(request)), request.params.id, request.params.stage, request.body);
      return getProcurement(app.db, request.params.id, today());
    },
  );

  // ---------- KPIs and returns ----------
  /** A KPI's fields as a commissioner writes them, with the same messages on add and edit. */
  const kpiFields = {
    name: z.string({ error: 'Enter the KPI’s name' }).trim().min(1, 'Enter the KPI’s name').max(200),
    unit: z
      .string({ error: 'Enter the unit, like % or hours' })
      .trim()
      .min(1, 'Enter the unit, like % or hours')
      .max(40),
    target: realNumberSchema(BOUNDS.kpiValue),
    direction: z.enum(['higher_is_better', 'lower_is_better'], {
      error: 'Choose whether higher or lower is better',
    }),
    frequency: z.enum(KPI_FREQUENCIES, { error: 'Choose how often it is reported' }),
    tolerance: realNumberSchema({ min: 0, max: BOUNDS.kpiValue.max }).default(0),
    dueDays: z.number().int().min(0).max(120).nullable().default(null),
  };
  app.get(
    '/kpis',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'KPIs with the state of each return (providers: their own contracts only)',
        querystring: z.object({ contractId: uuid.optional(), asAt: isoDate.optional() }),
        response: { 200: z.object({ asAt: z.string(), kpis: z.array(kpiViewSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = asAtFor(actor, request.query.asAt);
      const filter: { providerId?: string; contractId?: string } = { contractId: request.query.contractId };
      if (actor.role === 'provider') filter.providerId = actor.providerId ?? '00000000-0000-0000-0000-000000000000';
      return { asAt: at, kpis: await listKpis(app.db, at, filter) };
    },
  );

  app.post(
    '/kpis',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Add a KPI to a contract',
        body: z.object({
          contractId: uuid,
          ...kpiFields,
          reportingFrom: plannedDateSchema('reporting from'),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createKpi(app.db, who(actorOf(request)), request.body) }),
  );

  app.put(
    '/kpis/:id',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Edit a KPI: name, unit, target, direction, frequency (not once it has returns), tolerance and due day (409 once retired)',
        params: idParams,
        body: z.object(kpiFields),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await updateKpi(app.db, who(actorOf(request)), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/kpis/:id/remove',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Remove a KPI from its contract: deleted when it has no returns, otherwise retired with its returns and history kept (409 once retired)',
        params: idParams,
        body: z.object({
          reason: z
            .string({ error: 'Enter why the KPI is being removed' })
            .trim()
            .min(1, 'Enter why the KPI is being removed')
            .max(2000),
        }),
        response: { 200: z.object({ outcome: z.enum(['deleted', 'retired']) }) },
      },
    },
    async (request) => ({
      outcome: await removeKpi(app.db, who(actorOf(request)), request.params.id, request.body.reason, today()),
    }),
  );

  app.post(
    '/kpis/:id/returns',
    {
      preHandler: requireRole('provider', 'admin', 'commissioner'),
      schema: {
        tags: TAGS,
        summary: 'Submit a KPI return for a period (a provider only for its own contracts)',
        params: idParams,
        body: z.object({
          periodStart: isoDate,
          value: realNumberSchema(BOUNDS.kpiValue),
          comment: z.string().max(2000).nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { providerId } = await kpiOwner(app.db, request.params.id);
      if (!providerId) throw forbidden('This KPI belongs to an in-house service');
      assertOwnProvider(actor, providerId);
      return reply.code(201).send({
        id: await submitReturn(app.db, who(actor), request.params.id, request.body, today(), actor.role !== 'provider'),
      });
    },
  );

  app.put(
    '/kpis/:id/returns/:periodStart',
    {
      preHandler: requireRole('provider', 'admin', 'commissioner'),
      schema: {
        tags: TAGS,
        summary:
          'Amend a submitted KPI return (a provider only for its own contracts): the earlier figure is kept in its history with the reason',
        params: z.object({ id: uuid, periodStart: isoDate }),
        body: z.object({
          value: realNumberSchema(BOUNDS.kpiValue),
          comment: z.string().max(2000).nullable().default(null),
          reason: z.string().max(2000),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { providerId } = await kpiOwner(app.db, request.params.id);
      if (!providerId) throw forbidden('This KPI belongs to an in-house service');
      assertOwnProvider(actor, providerId);
      await amendReturn(
        app.db,
        who(actor),
        request.params.id,
        request.params.periodStart,
        request.body,
        today(),
        actor.role !== 'provider',
      );
      return reply.code(204).send(null);
    },
  );

  // ---------- Quality assessments ----------
  app.get(
    '/assessments',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'Quality assessments (providers: their own, once shared with them)',
        querystring: z.object({ locationId: uuid.optional() }),
        response: { 200: z.object({ assessments: z.array(assessmentViewSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const filter =
        actor.role === 'provider'
          ? {
              providerId: actor.providerId ?? '00000000-0000-0000-0000-000000000000',
              forProvider: true,
              locationId: request.query.locationId,
            }
          : { locationId: request.query.locationId };
      return { assessments: await listAssessments(app.db, today(), filter) };
    },
  );

  app.get(
    '/assessments/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'One quality assessment',
        params: idParams,
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await assessmentOwner(app.db, request.params.id);
      if (actor.role === 'provider') {
        assertCanRead(actor, owner.providerId);
        if (!owner.sharedOn) throw notFound('Assessment');
      }
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments',
    {
      preHandler: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Record a quality assessment visit (as a draft)',
        body: z.object({
          locationId: uuid,
          contractId: uuid.nullable().default(null),
          visitDate: isoDate,
          ratings: ratingsBody,
          summary: z.string().max(5000).default(''),
          assessorName: z.string().max(200).nullable().default(null),
        }),
        response: { 201: assessmentViewSchema },
      },
    },
    async (request, reply) => {
      const id = await createAssessment(app.db, who(actorOf(request)), request.body, today());
      return reply.code(201).send(await getAssessment(app.db, id, today()));
    },
  );

  app.put(
    '/assessments/:id',
    {
      preHandler: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Revise ratings before publication (e.g. after a provider challenge)',
        params: idParams,
        body: z.object({ ratings: ratingsBody, summary: z.string().max(5000) }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await reviseAssessment(
        app.db,
        who(actorOf(request)),
        request.params.id,
        request.body.ratings,
        request.body.summary,
      );
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/share',
    {
      preHandler: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Share the draft with the provider: starts the 14-day challenge window',
        params: idParams,
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await shareForChallenge(app.db, who(actorOf(request)), request.params.id, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/response',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary: 'The provider accepts or challenges a draft assessment of its own location',
        params: idParams,
        body: z.object({
          response: z.enum(['accept', 'challenge']),
          comments: z.string().max(5000).nullable().default(null),
        }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await assessmentOwner(app.db, request.params.id);
      assertOwnProvider(actor, owner.providerId);
      await providerRespond(
        app.db,
        who(actor),
        request.params.id,
        request.body.response,
        request.body.comments,
        today(),
      );
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/publish',
    {
      preHandler: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Publish: the overall rating goes to the market register',
        params: idParams,
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await publishAssessment(app.db, who(actorOf(request)), request.params.id, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/action-plan',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary:
          'The provider submits its action plan (due 14 days after publication), or revises it until it is accepted',
        params: idParams,
        body: z.object({ actionPlan: z.string().max(10000) }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await assessmentOwner(app.db, request.params.id);
      assertOwnProvider(actor, owner.providerId);
      await submitActionPlan(app.db, who(actor), request.params.id, request.body.actionPlan, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/action-plan/changes',
    {
      preHandler: requireRole('admin', 'quality_officer'),
      schema: {
        tags: TAGS,
        summary:
          'A quality officer asks the provider to change its submitted action plan, saying what must change (until it is accepted)',
        params: idParams,
        body: z.object({
          changes: z
            .string({ error: 'Say what the action plan needs to change' })
            .trim()
            .min(1, 'Say what the action plan needs to change')
            .max(4000),
        }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await requestActionPlanChanges(app.db, who(actorOf(request)), request.params.id, request.body.changes, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.post(
    '/assessments/:id/action-plan/accept',
    {
      preHandler: requireRole('admin', 'quality_officer'),
      schema: {
        tags: TAGS,
        summary: 'A quality officer accepts the provider’s action plan (the provider can revise it until then)',
        params: idParams,
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await acceptActionPlan(app.db, who(actorOf(request)), request.params.id, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.get(
    '/assessable-locations',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Locations a quality officer can assess',
        response: {
          200: z.object({
            locations: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                providerName: z.string(),
                councilQualityRating: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      locations: await app.db
        .select({
          id: locations.id,
          name: locations.name,
          providerName: providers.name,
          councilQualityRating: locations.councilQualityRating,
        })
        .from(locations)
        .innerJoin(providers, eq(providers.id, locations.providerId))
        .where(eq(locations.inBorough, true))
        .orderBy(asc(locations.name)),
    }),
  );

  // ---------- Delivery plan ----------
  app.get(
    '/delivery-plan',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'The delivery plan by priority and by responsible service area',
        querystring: asAtQuery,
        response: { 200: deliveryPlanSchema },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const plan = await getPlan(app.db);
      if (!plan) return { asAt: at, plan: null, byPriority: [], byServiceArea: [] };
      return {
        asAt: at,
        plan: { id: plan.id, title: plan.title, years: plan.years, links: plan.links, milestoneIds: plan.milestoneIds },
        byPriority: byPriority(plan, at),
        byServiceArea: byServiceArea(plan, at),
      };
    },
  );

  app.get(
    '/delivery-plan.xlsx',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: "The delivery plan as an Excel workbook in Halton's column layout",
        querystring: asAtQuery,
        response: { 200: download('The delivery plan workbook', MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const plan = await getPlan(app.db);
      if (!plan) throw notFound('Delivery plan');
      const buf = await deliveryPlanWorkbook(haltonLayout(plan, at), plan.years.length, {
        asAt: at,
        producedAt: new Date(),
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="delivery-plan-${at}.xlsx"`)
        .send(buf);
    },
  );

  app.patch(
    '/delivery-plan/actions/:id',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Update an action: year statuses, responsible service areas, RAG override',
        params: idParams,
        body: z.object({
          yearStatuses: z.array(z.string().max(200)).optional(),
          responsibleServiceAreas: z.array(z.string().max(200)).optional(),
          ragOverride: z.enum(['green', 'amber', 'red', 'complete']).nullable().optional(),
        }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await updateAction(app.db, who(actorOf(request)), request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.post(
    '/delivery-plan/milestones/:id',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Mark a milestone complete (or reopen it with null)',
        params: idParams,
        body: z.object({ completedOn: isoDate.nullable() }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await completeMilestone(app.db, who(actorOf(request)), request.params.id, request.body.completedOn);
      return { id: request.params.id };
    },
  );

  // ---------- Risks ----------
  app.get(
    '/risks',
    {
      preHandler: requireRole(...STAFF_ROLES),
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
    reviewDate: isoDate.nullable().default(null),
    contractId: uuid.nullable().default(null),
    providerId: uuid.nullable().default(null),
    actionId: uuid.nullable().default(null),
  });
  app.post(
    '/risks',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: { tags: TAGS, summary: 'Add a risk', body: riskBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createRisk(app.db, who(actorOf(request)), request.body, today()) }),
  );

  app.post(
    '/risks/:id/review',
    {
      preHandler: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Review a risk: re-score it (added to its history) and update mitigation or review date',
        params: idParams,
        body: z.object({
          likelihood: wholeNumberSchema(BOUNDS.riskScale),
          impact: wholeNumberSchema(BOUNDS.riskScale),
          note: z.string().max(2000).nullable().default(null),
          mitigation: z.string().max(5000).optional(),
          reviewDate: isoDate.nullable().optional(),
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
      preHandler: requireRole(...COMMISSIONING),
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

export default contractsRoutes;
