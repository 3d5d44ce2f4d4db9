// Capacity planning by simulation: fit from the hub's history, run scenarios, recommend capacity, saved scenarios.
// Thin: parse, authorise, call the pure engine (on worker threads) and the repository, respond.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES, type Role } from '../../domain/core/auth.js';
import { recommendCapacity } from '../../domain/discharge/simulation/capacitySearch.js';
import { compareScenarios } from '../../domain/discharge/simulation/compare.js';
import { baselineScenario } from '../../domain/discharge/simulation/fit.js';
import { scenarioSchema, type Scenario } from '../../domain/discharge/simulation/scenario.js';
import { simulateWith } from '../../domain/discharge/simulation/simulate.js';
import { standardVariants } from '../../domain/discharge/simulation/variants.js';
import {
  createScenario,
  deleteScenario,
  fitFromHistory,
  getScenario,
  listScenarios,
  ScenarioInputError,
  updateScenario,
} from '../../db/discharge/simulation.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { invalid, notFound, Problem } from '../problem.js';
import { sharedSimulationPool } from './simulationRunner.js';

const TAGS = ['discharge simulation'];
const READERS = STAFF_ROLES as Role[];
const PLANNERS: Role[] = ['admin', 'commissioner'];
const loose = z.looseObject({}) as unknown as z.ZodType<object>;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD');

/** Default costs when the history has no price: assumptions, shown and editable on the planner. */
export const DEFAULT_COSTS = { costPerAcuteBedDay: 345, costPerPlaceDay: { p1: 60, p2: 250, p3: 180 } };

/** Refuse runs that would tie up the server: about 60 million events is half a minute on two cores. */
const MAX_EVENTS = 60_000_000;

function checkBudget(scenario: Scenario, field = 'replications'): void {
  let perDay = 0;
  for (const s of scenario.services) {
    if (s.arrivals.kind === 'poisson')
      perDay +=
        s.arrivals.perDay * Math.max(1, ...(s.arrivals.dayOfWeek ?? [1])) * Math.max(1, ...(s.arrivals.month ?? [1]));
    else perDay += s.arrivals.times.length / Math.max(1, scenario.days);
  }
  const events = scenario.replications * (scenario.days + scenario.warmupDays) * perDay * 3;
  if (events > MAX_EVENTS) {
    throw invalid([
      {
        field,
        message: `this run would simulate about ${Math.round(events / 1e6)} million events; the limit is ${MAX_EVENTS / 1e6} million — use fewer replications or a shorter period`,
      },
    ]);
  }
}

function scenarioProblem(err: unknown): never {
  if (err instanceof ScenarioInputError) throw invalid(err.issues);
  throw err;
}

const savedBody = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  scenario: z.unknown(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/baseline',
    {
      preHandler: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary:
          'The model fitted to the last year of hub history, the baseline scenario built from it, and standard what-ifs',
        querystring: z.object({
          asAt: isoDate.optional(),
          replications: z.coerce.number().int().min(10).max(2000).default(200),
        }),
        response: { 200: loose },
      },
    },
    async (request) => {
      const fit = await fitFromHistory(app.db, request.query.asAt);
      if (!fit)
        throw new Problem(
          404,
          'Not found',
          'There is no discharge history to fit the model to: record or import referrals first',
        );
      const baseline = baselineScenario(fit, {
        startDate: fit.to,
        replications: request.query.replications,
        ...DEFAULT_COSTS,
      });
      return { fit, baseline, variants: standardVariants(baseline), defaults: DEFAULT_COSTS };
    },
  );

  app.post(
    '/run',
    {
      preHandler: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'Simulate a scenario: waits, occupancy and queues per service with confidence intervals',
        body: scenarioSchema,
        response: { 200: loose },
      },
    },
    async (request) => {
      checkBudget(request.body);
      return simulateWith(sharedSimulationPool().run, request.body);
    },
  );

  app.post(
    '/recommend',
    {
      preHandler: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'Least capacity per service meeting the target, and the capacity–waiting–cost curve',
        body: z.object({
          scenario: scenarioSchema,
          serviceIds: z.array(z.string()).min(1).optional(),
          replications: z.number().int().min(10).max(500).default(60),
        }),
        response: { 200: loose },
      },
    },
    async (request) => {
      const { scenario, replications } = request.body;
      const ids = request.body.serviceIds ?? scenario.services.map((s) => s.id);
      ids.forEach((id, i) => {
        if (!scenario.services.some((s) => s.id === id))
          throw invalid([{ field: `serviceIds.${i}`, message: `no service "${id}" in the scenario` }]);
      });
      checkBudget({ ...scenario, replications: replications * 14 * ids.length }, 'replications');
      const recommendations = [];
      for (const id of ids)
        recommendations.push(await recommendCapacity(scenario, id, sharedSimulationPool().run, { replications }));
      return { recommendations };
    },
  );

  app.post(
    '/compare',
    {
      preHandler: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'Named scenarios side by side',
        body: z.object({ scenarios: z.array(scenarioSchema).min(1).max(6) }),
        response: { 200: loose },
      },
    },
    async (request) => {
      const { scenarios } = request.body;
      checkBudget({ ...scenarios[0], replications: scenarios.reduce((a, s) => a + s.replications, 0) }, 'scenarios');
      const results = [];
      for (const s of scenarios) results.push(await simulateWith(sharedSimulationPool().run, s));
      return { comparison: compareScenarios(results), results };
    },
  );

  app.get(
    '/scenarios',
    {
      preHandler: requireRole(...READERS),
      schema: { tags: TAGS, summary: 'Saved scenarios', response: { 200: z.object({ scenarios: z.array(loose) }) } },
    },
    async () => ({ scenarios: await listScenarios(app.db) }),
  );

  app.get(
    '/scenarios/:id',
    {
      preHandler: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'One saved scenario',
        params: z.object({ id: z.uuid() }),
        response: { 200: loose },
      },
    },
    async (request) => {
      const saved = await getScenario(app.db, request.params.id);
      if (!saved) throw notFound('Scenario');
      return saved;
    },
  );

  app.post(
    '/scenarios',
    {
      preHandler: requireRole(...PLANNERS),
      schema: { tags: TAGS, summary: 'Save a named scenario', body: savedBody, response: { 201: loose } },
    },
    async (request, reply) => {
      const saved = await createScenario(app.db, { userId: actorOf(request).userId }, request.body).catch(
        scenarioProblem,
      );
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/scenarios/:id',
    {
      preHandler: requireRole(...PLANNERS),
      schema: {
        tags: TAGS,
        summary: 'Change a saved scenario',
        params: z.object({ id: z.uuid() }),
        body: savedBody,
        response: { 200: loose },
      },
    },
    async (request) => {
      const saved = await updateScenario(
        app.db,
        { userId: actorOf(request).userId },
        request.params.id,
        request.body,
      ).catch(scenarioProblem);
      if (!saved) throw notFound('Scenario');
      return saved;
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      preHandler: requireRole(...PLANNERS),
      schema: { tags: TAGS, summary: 'Delete a saved scenario', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      if (!(await deleteScenario(app.db, { userId: actorOf(request).userId }, request.params.id)))
        throw notFound('Scenario');
      return reply.code(204).send();
    },
  );
};

export default routes;
