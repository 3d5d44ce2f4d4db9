// The contract register: list and read contracts, add and update them, extend, vary and end them, their history,
// and the recommissioning decision.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, penceSchema, plannedDateSchema, wholeNumberSchema } from '../../domain/core/bounds.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import {
  CARE_GROUPS,
  CONTRACT_FORMS,
  FUNDING_SOURCES,
  SERVICE_AREAS,
  termProblems,
  valueProblems,
  type ContractTerm,
} from '../../domain/contracts/contract.js';
import { isIsoDate } from '../../domain/core/dates.js';
import { RECOMMISSIONING_DECISIONS } from '../../domain/contracts/recommissioning.js';
import {
  contractHistory,
  createContract,
  decide,
  endContract,
  extendContract,
  getContract,
  listContracts,
  updateContract,
  varyContract,
} from '../../db/contracts/contracts.js';
import { listProcurements } from '../../db/contracts/procurements.js';
import { listKpis } from '../../db/contracts/kpis.js';
import { actorOf, assertCanRead, requireRole, requireSignedIn } from '../auth/guards.js';
import { forbidden } from '../problem.js';
import { contractDetailSchema, contractHistoryEntrySchema, contractViewSchema } from './schemas.js';
import { asAtFor, asAtQuery, COMMISSIONING, idParams, isoDate, TAGS, today, uuid, who } from './params.js';

const contractBody = z
  .object({
    // Messages as the web form words them, so a person sees the same words whichever checks first.
    reference: z
      .string({ error: 'Enter the contract reference' })
      .trim()
      .min(1, 'Enter the contract reference')
      .max(60),
    title: z.string({ error: 'Enter the contract title' }).trim().min(1, 'Enter the contract title').max(300),
    providerId: uuid.nullable(),
    locationId: uuid.nullable().default(null),
    serviceArea: z.enum(SERVICE_AREAS, { error: 'Choose the service area' }),
    careGroup: z.enum(CARE_GROUPS, { error: 'Choose the care group' }),
    contractForm: z.enum(CONTRACT_FORMS, { error: 'Choose the contract form' }),
    fundingSource: z.enum(FUNDING_SOURCES, { error: 'Choose the funding source' }),
    totalValuePence: penceSchema('total value over the term', BOUNDS.contractValuePence),
    annualValuePence: penceSchema('annual value', BOUNDS.contractValuePence),
    startDate: plannedDateSchema('start date'),
    initialEndDate: plannedDateSchema('end date of the initial term'),
    extensionOptionsMonths: z.array(z.number().int().min(1).max(120)).max(10).default([]),
    extensionsTaken: wholeNumberSchema(BOUNDS.extensionsTaken).default(0),
    breakClauseDates: z.array(isoDate).default([]),
    noticePeriodMonths: z.number().int().min(0).max(24).default(3),
    socialValue: z.string().max(2000).nullable().default(null),
    leadOfficer: z.string().max(200).nullable().default(null),
  })
  .superRefine(
    // The term's own checks (end before start, extensions taken, break clauses) in the same answer as the fields'
    // checks, so a person sees every problem at once; they run whenever both dates are real ones.
    (b, ctx) => {
      for (const p of termProblems(termFields(b)))
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
      // The two money figures agree with each other and the term, when both parsed as amounts.
      if (typeof b.totalValuePence === 'number' && typeof b.annualValuePence === 'number')
        for (const p of valueProblems(b)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
    },
    { when: ({ value }) => hasRealTermDates(value) },
  );

/** Whether a body (perhaps failing other checks) has a real start and initial end date to check its term by. */
function hasRealTermDates(value: unknown): boolean {
  const v = (value ?? {}) as Record<string, unknown>;
  return [v.startDate, v.initialEndDate].every((d) => typeof d === 'string' && isIsoDate(d));
}

/** The term's fields from a body whose other fields may not have passed (defaults where a value is unusable). */
function termFields(v: Record<string, unknown>): ContractTerm {
  const numbers = (x: unknown) => (Array.isArray(x) && x.every((n) => typeof n === 'number') ? (x as number[]) : []);
  return {
    startDate: v.startDate as string,
    initialEndDate: v.initialEndDate as string,
    extensionOptionsMonths: numbers(v.extensionOptionsMonths),
    extensionsTaken: typeof v.extensionsTaken === 'number' ? v.extensionsTaken : 0,
    noticePeriodMonths: typeof v.noticePeriodMonths === 'number' ? v.noticePeriodMonths : 3,
    breakClauseDates: Array.isArray(v.breakClauseDates)
      ? (v.breakClauseDates as unknown[]).filter((d): d is string => typeof d === 'string' && isIsoDate(d))
      : [],
  };
}

const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- Contract register ----------
  app.get(
    '/contracts',
    {
      onRequest: requireSignedIn,
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
      onRequest: requireSignedIn,
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
      onRequest: requireRole(...COMMISSIONING),
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
      onRequest: requireRole(...COMMISSIONING),
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
      onRequest: requireRole(...COMMISSIONING),
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
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Vary a contract: change its value, term or scope with a reason and the day it takes effect (409 once ended)',
        params: idParams,
        body: z.object({
          changes: z.object({
            title: z.string().trim().min(1).max(300).optional(),
            totalValuePence: penceSchema('total value over the term', BOUNDS.contractValuePence).optional(),
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
      onRequest: requireRole(...COMMISSIONING),
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
      onRequest: requireRole(...STAFF_ROLES),
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
      onRequest: requireRole(...COMMISSIONING),
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
};

export default registerRoutes;
