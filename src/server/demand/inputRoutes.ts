// Need and demand's editable inputs: the prevalence and service-use rates in force (edited, added, reset), and the
// saved scenarios the model is run under. Reading is for staff; changing is for admins and commissioners.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { DEFAULT_SCENARIO, scenarioParamsSchema } from '../../domain/demand/model.js';
import { CARE_GROUPS, RATE_KINDS, type RateDefinition, SERVICES, validateRate } from '../../domain/demand/rates.js';
import { METHOD_LABELS } from '../../domain/demand/trend.js';
import { effectiveRates, resetRate, saveRate } from '../../db/demand/rates.js';
import { createScenario, deleteScenario, listScenarios, updateScenario } from '../../db/demand/scenarios.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { invalid, notFound } from '../problem.js';
import { EDITORS, TAGS } from './params.js';
import { scenarioListSchema, scenarioSchema, storedRateSchema } from './schemas.js';

const rateCell = z.object({
  sex: z.enum(['female', 'male', 'persons']),
  ageFrom: z.number().int().min(0).max(90),
  ageTo: z.number().int().min(0).max(90).nullable(),
  value: z.number().min(0).max(1),
});
const rateBody = z.object({
  label: z.string().trim().min(1).max(200),
  careGroup: z.enum(CARE_GROUPS),
  kind: z.enum(RATE_KINDS),
  service: z.enum(SERVICES).nullable(),
  cells: z.array(rateCell).min(1).max(200),
  shareKnownToAsc: z.number().gt(0).max(1),
  source: z.string().trim().min(1).max(1000),
  sourceYear: z.number().int().min(1990).max(2100),
  history: z.array(z.object({ year: z.number().int().min(1990).max(2100), value: z.number().min(0).max(1) })).max(60),
});
const scenarioBody = z.object({
  name: z.string().trim().min(1, 'Give the scenario a name').max(120),
  description: z.string().trim().max(2000).default(''),
  params: scenarioParamsSchema,
});
const inputRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rates',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Prevalence and service-use rates in force, with sources',
        response: { 200: z.object({ rates: z.array(storedRateSchema) }) },
      },
    },
    async () => ({ rates: await effectiveRates(app.db) }),
  );

  app.put(
    '/rates/:key',
    {
      preValidation: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Edit a rate (or add one)',
        params: z.object({ key: z.string().regex(/^[a-z0-9_]{2,60}$/) }),
        body: rateBody,
        response: { 200: z.object({ rate: storedRateSchema }) },
      },
    },
    async (request) => {
      const rate: RateDefinition = { key: request.params.key, ...request.body };
      const issues = validateRate(rate);
      if (issues.length) throw invalid(issues.map((i) => ({ ...i, in: 'body' })));
      await saveRate(app.db, rate, { userId: actorOf(request).userId });
      const saved = (await effectiveRates(app.db)).find((r) => r.key === rate.key)!;
      return { rate: saved };
    },
  );

  app.delete(
    '/rates/:key',
    {
      preValidation: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Reset a shipped rate to its default, or remove an added rate',
        params: z.object({ key: z.string() }),
        response: { 200: z.object({ result: z.enum(['reset', 'deleted']) }) },
      },
    },
    async (request) => {
      const result = await resetRate(app.db, request.params.key, { userId: actorOf(request).userId });
      if (result === 'not_found') throw notFound(`An edited rate "${request.params.key}"`);
      return { result };
    },
  );

  app.get(
    '/scenarios',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Saved scenarios',
        response: { 200: scenarioListSchema },
      },
    },
    async () => ({ scenarios: await listScenarios(app.db), defaults: DEFAULT_SCENARIO, methods: METHOD_LABELS }),
  );

  app.post(
    '/scenarios',
    {
      preValidation: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Save a new scenario',
        body: scenarioBody,
        response: { 201: z.object({ scenario: scenarioSchema }) },
      },
    },
    async (request, reply) => {
      const scenario = await createScenario(app.db, request.body, { userId: actorOf(request).userId });
      return reply.code(201).send({ scenario });
    },
  );

  app.put(
    '/scenarios/:id',
    {
      preValidation: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change a scenario',
        params: z.object({ id: z.string().uuid() }),
        body: scenarioBody,
        response: { 200: z.object({ scenario: scenarioSchema }) },
      },
    },
    async (request) => {
      const scenario = await updateScenario(app.db, request.params.id, request.body, {
        userId: actorOf(request).userId,
      });
      if (!scenario) throw notFound('Scenario');
      return { scenario };
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      preValidation: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Delete a scenario',
        params: z.object({ id: z.string().uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await deleteScenario(app.db, request.params.id, { userId: actorOf(request).userId })))
        throw notFound('Scenario');
      return reply.code(204).send(null);
    },
  );
};

export default inputRoutes;
