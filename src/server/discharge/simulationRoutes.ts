// Capacity planning by simulation: fit from the hub's history, today's position from its live records, run
// scenarios, recommend capacity, saved scenarios. Thin: parse, authorise, call the pure engine (on worker
// threads) and the repository, respond. Bodies are held to the strict scenario schema (an unknown field is
// refused with its path and the nearest known name), the same schema the CLI and the planner page use.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../domain/core/dates.js';
import { STAFF_ROLES, type Role } from '../../domain/core/auth.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { baselineScenario, DEFAULT_COSTS_PENCE } from '../../domain/discharge/simulation/baseline.js';
import { recommendCapacity } from '../../domain/discharge/simulation/capacitySearch.js';
import { compareScenarios } from '../../domain/discharge/simulation/compare.js';
import type { Scenario } from '../../domain/discharge/simulation/scenario.js';
import { estimateEvents, simulateWith } from '../../domain/discharge/simulation/simulate.js';
import { parseStrict } from '../../domain/discharge/simulation/strict.js';
import { standardVariants } from '../../domain/discharge/simulation/variants.js';
import {
  createScenario,
  deleteScenario,
  fitFromHistory,
  getScenario,
  listScenarios,
  readHubPosition,
  updateScenario,
} from '../../db/discharge/simulation.js';
import { actorOf, requireRole } from '../auth/guards.js';
import {
  baselineResponseSchema,
  compareBodySchema,
  compareResponseSchema,
  hubPositionSchema,
  recommendBodySchema,
  recommendResponseSchema,
  savedBodySchema,
  savedScenarioSchema,
  scenarioSchema,
  simulationResultSchema,
} from './simulationSchemas.js';
import { sharedSimulationPool } from './simulationRunner.js';
import { fitOn, sharedComputePool } from './computePool.js';

const TAGS = ['discharge simulation'];
const READERS = STAFF_ROLES as Role[];
const PLANNERS: Role[] = ['admin', 'commissioner'];

/** Refuse runs that would tie up the server: about 60 million events is half a minute on two cores. */
export const MAX_EVENTS = 60_000_000;

/** @throws InputError on `field` when the runs would simulate more than {@link MAX_EVENTS} events */
function checkBudget(scenarios: readonly Scenario[], field = 'replications', limit = MAX_EVENTS): void {
  const events = scenarios.reduce((sum, s) => sum + estimateEvents(s), 0);
  if (events > limit)
    throw InputError.field(
      field,
      `This run would simulate about ${Math.round(events / 1e6)} million events; the limit is ${limit / 1e6} million. Use fewer replications or a shorter period.`,
      'body',
    );
}

/**
 * The validated body, or every field at fault. Fastify has already checked the body against `schema`
 * (attachValidation); when it failed, the body is parsed again here so that each unknown field is reported by
 * its own path with the nearest known name, not as one "unrecognized keys" message on its parent.
 * @throws InputError listing every field at fault
 */
function strictBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.infer<S> {
  const failed = request.validationError as (Error & { validationContext?: string }) | undefined;
  if (!failed) return request.body as z.infer<S>;
  if (failed.validationContext && failed.validationContext !== 'body') throw failed;
  const parsed = parseStrict(schema, request.body);
  if (parsed.ok) return parsed.value;
  throw new InputError(
    parsed.issues.map((i) => ({ ...i, in: 'body' })),
    parsed.issues.map((i) => `${i.field}: ${i.message}`).join('; '),
  );
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/baseline',
    {
      onRequest: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary:
          'The model fitted to the last year of hub history, the baseline scenario built from it, and standard what-ifs',
        querystring: z.object({
          asAt: isoDateSchema.optional(),
          replications: z.coerce.number().int().min(10).max(2000).default(200),
        }),
        response: { 200: baselineResponseSchema },
      },
    },
    async (request) => {
      const fit = await fitFromHistory(app.db, request.query.asAt, fitOn(sharedComputePool()));
      if (!fit) throw new NotFound('Discharge history to fit the model to (record or import referrals first)');
      const baseline = baselineScenario(fit, {
        startDate: fit.to,
        replications: request.query.replications,
        ...DEFAULT_COSTS_PENCE,
      });
      return { fit, baseline, variants: standardVariants(baseline), defaults: DEFAULT_COSTS_PENCE };
    },
  );

  app.get(
    '/today',
    {
      onRequest: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary:
          "Today's position from the live records: for reablement, rehab beds and D2A beds, the days each person now in the service has spent in it and the days each person waiting has waited",
        response: { 200: hubPositionSchema },
      },
    },
    async () => readHubPosition(app.db, new Date()),
  );

  app.post(
    '/run',
    {
      onRequest: requireRole(...READERS),
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary:
          'Simulate a scenario: waits, occupancy, queues and costs per service with confidence intervals, and daily bands',
        body: scenarioSchema,
        response: { 200: simulationResultSchema },
      },
    },
    async (request) => {
      const scenario = strictBody(request, scenarioSchema);
      checkBudget([scenario]);
      return simulateWith(sharedSimulationPool().run, scenario);
    },
  );

  app.post(
    '/recommend',
    {
      onRequest: requireRole(...READERS),
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: 'Least capacity per service meeting the target, and the capacity–waiting–cost curve',
        body: recommendBodySchema,
        response: { 200: recommendResponseSchema },
      },
    },
    async (request) => {
      const { scenario, replications, serviceIds } = strictBody(request, recommendBodySchema);
      const ids = serviceIds ?? scenario.services.map((s) => s.id);
      ids.forEach((id, i) => {
        if (!scenario.services.some((s) => s.id === id))
          throw InputError.field(`serviceIds.${i}`, `There is no service "${id}" in the scenario`, 'body');
      });
      // About 14 quick evaluations to narrow down, then about 8 with the scenario's own runs to confirm and draw
      // the curve (so its figures are those of "Run simulation"); a search is allowed twice a run's budget.
      checkBudget(
        [
          {
            ...scenario,
            replications: (Math.min(replications, scenario.replications) * 14 + scenario.replications * 8) * ids.length,
          },
        ],
        'replications',
        2 * MAX_EVENTS,
      );
      const recommendations = [];
      for (const id of ids)
        recommendations.push(await recommendCapacity(scenario, id, sharedSimulationPool().run, { replications }));
      return { recommendations };
    },
  );

  app.post(
    '/compare',
    {
      onRequest: requireRole(...READERS),
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: 'Named scenarios side by side',
        body: compareBodySchema,
        response: { 200: compareResponseSchema },
      },
    },
    async (request) => {
      const { scenarios } = strictBody(request, compareBodySchema);
      checkBudget(scenarios, 'scenarios');
      const results = [];
      for (const s of scenarios) results.push(await simulateWith(sharedSimulationPool().run, s));
      return { comparison: compareScenarios(results), results };
    },
  );

  app.get(
    '/scenarios',
    {
      onRequest: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'Saved scenarios',
        response: { 200: z.object({ scenarios: z.array(savedScenarioSchema) }) },
      },
    },
    async () => ({ scenarios: await listScenarios(app.db) }),
  );

  app.get(
    '/scenarios/:id',
    {
      onRequest: requireRole(...READERS),
      schema: {
        tags: TAGS,
        summary: 'One saved scenario',
        params: z.object({ id: z.uuid() }),
        response: { 200: savedScenarioSchema },
      },
    },
    async (request) => {
      const saved = await getScenario(app.db, request.params.id);
      if (!saved) throw new NotFound('Scenario');
      return saved;
    },
  );

  app.post(
    '/scenarios',
    {
      onRequest: requireRole(...PLANNERS),
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: 'Save a named scenario',
        body: savedBodySchema,
        response: { 201: savedScenarioSchema },
      },
    },
    async (request, reply) => {
      const body = strictBody(request, savedBodySchema);
      const saved = await createScenario(app.db, { userId: actorOf(request).userId }, body);
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/scenarios/:id',
    {
      onRequest: requireRole(...PLANNERS),
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: 'Change a saved scenario',
        params: z.object({ id: z.uuid() }),
        body: savedBodySchema,
        response: { 200: savedScenarioSchema },
      },
    },
    async (request) => {
      const body = strictBody(request, savedBodySchema);
      const saved = await updateScenario(app.db, { userId: actorOf(request).userId }, request.params.id, body);
      if (!saved) throw new NotFound('Scenario');
      return saved;
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      onRequest: requireRole(...PLANNERS),
      schema: {
        tags: TAGS,
        summary: 'Delete a saved scenario',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await deleteScenario(app.db, { userId: actorOf(request).userId }, request.params.id)))
        throw new NotFound('Scenario');
      return reply.code(204).send(null);
    },
  );
};

export default routes;
