// Need and demand: areas and population, rates, scenarios, and the projection model with the working
// behind each figure. Thin: parse, authorise, call db/domain, respond.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { isoDateSchema, londonToday } from '../../domain/core/dates.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { type AgeBand, bandLabel, OLDER_PEOPLE_BANDS, REPORTING_BANDS } from '../../domain/demand/ages.js';
import { DEFAULT_SCENARIO, runModel, scenarioParamsSchema, type ScenarioParams } from '../../domain/demand/model.js';
import { populationByBand } from '../../domain/demand/population.js';
import { explainFigure } from '../../domain/demand/projection.js';
import { CARE_GROUPS, RATE_KINDS, type RateDefinition, SERVICES, validateRate } from '../../domain/demand/rates.js';
import { METHOD_LABELS } from '../../domain/demand/trend.js';
import { explanationView, modelView } from '../../domain/demand/view.js';
import { loadGrid, loadModelInputs } from '../../db/demand/model-inputs.js';
import { getArea, listAreas, residentsLatest } from '../../db/demand/population.js';
import { effectiveRates, resetRate, saveRate } from '../../db/demand/rates.js';
import {
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  updateScenario,
} from '../../db/demand/scenarios.js';
import { getBorough } from '../../db/core/settings.js';
import { setPopulationSource } from '../dashboard/population.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { invalid, notFound, Problem } from '../problem.js';
import {
  areaListSchema,
  comparisonSchema,
  explanationSchema,
  populationSchema,
  projectionSchema,
  scenarioListSchema,
  scenarioSchema,
  storedRateSchema,
} from './schemas.js';

const TAGS = ['demand'];
const EDITORS = ['admin', 'commissioner'] as const;
const gss = z.string().regex(/^[EWSNK]\d{8}$/, 'Use an ONS GSS code such as E09000016');
const isoDate = isoDateSchema;

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
const modelQuery = z.object({
  area: gss.optional(),
  /** Saved scenario id, or "default". */
  scenario: z.string().default('default'),
  asAt: isoDate.optional(),
});

const today = () => londonToday();

const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  // The home dashboard shows the borough's residents from these tables.
  setPopulationSource(async (db, gssCode) => (await residentsLatest(db, gssCode))?.people ?? null);

  async function areaOrBorough(area: string | undefined): Promise<string> {
    if (area) return area;
    const borough = await getBorough(app.db);
    if (!borough)
      throw new Problem(404, 'Not found', 'No borough is set up and no area was given', [
        { field: 'area', message: 'give an area code', in: 'querystring' },
      ]);
    return borough.gssCode;
  }

  async function scenarioParams(id: string): Promise<{ id: string; name: string; params: ScenarioParams }> {
    if (id === 'default')
      return { id: 'default', name: 'Default (constant rates, no uplift)', params: DEFAULT_SCENARIO };
    if (!z.string().uuid().safeParse(id).success)
      throw invalid([{ field: 'scenario', message: 'must be "default" or a scenario id', in: 'querystring' }]);
    const s = await getScenario(app.db, id);
    if (!s) throw notFound('Scenario');
    return { id: s.id, name: s.name, params: s.params };
  }

  async function inputsFor(area: string, asAt: string) {
    return loadModelInputs(app.db, area, asAt);
  }

  function run(inputs: Awaited<ReturnType<typeof inputsFor>>, params: ScenarioParams) {
    try {
      return runModel(inputs.input, params);
    } catch (err) {
      if (err instanceof Error && /population|base year/.test(err.message)) {
        throw new Problem(422, 'Unprocessable content', err.message, [
          { field: 'params.toYear', message: err.message, in: 'body' },
        ]);
      }
      throw err;
    }
  }

  app.get(
    '/areas',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Areas with population figures (GSS codes, years, vintages)',
        response: { 200: areaListSchema },
      },
    },
    async () => ({ areas: await listAreas(app.db), borough: await getBorough(app.db) }),
  );

  app.get(
    '/population',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Population by age band and year (estimates, then projections), with sources',
        querystring: z.object({ area: gss.optional(), bands: z.enum(['reporting', 'older']).default('reporting') }),
        response: { 200: populationSchema },
      },
    },
    async (request) => {
      const code = await areaOrBorough(request.query.area);
      const area = await getArea(app.db, code);
      if (!area) throw notFound(`Area ${code}`);
      const grid = await loadGrid(app.db, code);
      const bands: AgeBand[] = request.query.bands === 'older' ? OLDER_PEOPLE_BANDS : REPORTING_BANDS;
      return {
        area,
        bands: bands.map(bandLabel),
        sexes: grid.sexes,
        rows: populationByBand(grid, [...bands, { from: 0, to: null }]).map((r) => ({
          ...r,
          people: Math.round(r.people),
        })),
        sources: grid.sources,
        notes: grid.notes,
      };
    },
  );

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

  app.get(
    '/projection',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Projected need and service use, supply gap and budget pressure for one scenario',
        querystring: modelQuery,
        response: { 200: projectionSchema },
      },
    },
    async (request) => {
      const area = await areaOrBorough(request.query.area);
      const asAt = request.query.asAt ?? today();
      const scenario = await scenarioParams(request.query.scenario);
      const inputs = await inputsFor(area, asAt);
      const result = run(inputs, scenario.params);
      return {
        scenario,
        asAt,
        marketLinked: inputs.marketLinked,
        currentUse: inputs.currentUse,
        supply: inputs.supply,
        population: { sources: inputs.input.grid.sources, sexes: inputs.input.grid.sexes },
        ...modelView(result),
      };
    },
  );

  app.get(
    '/compare',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Two or more scenarios side by side: key figures by year',
        querystring: z.object({ area: gss.optional(), scenarios: z.string().min(1), asAt: isoDate.optional() }),
        response: { 200: comparisonSchema },
      },
    },
    async (request) => {
      const area = await areaOrBorough(request.query.area);
      const asAt = request.query.asAt ?? today();
      const ids = request.query.scenarios
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length < 2 || ids.length > 6)
        throw invalid([
          {
            field: 'scenarios',
            message: 'compare between 2 and 6 scenarios (comma-separated ids or "default")',
            in: 'querystring',
          },
        ]);
      const inputs = await inputsFor(area, asAt);
      const results = [];
      for (const id of ids) {
        const s = await scenarioParams(id);
        const v = modelView(run(inputs, s.params));
        results.push({
          id: s.id,
          name: s.name,
          params: s.params,
          years: v.years,
          services: v.services.map((x) => ({
            service: x.service,
            label: x.label,
            unit: x.unit,
            clients: x.clients,
            crossingYear: x.gap?.crossingYear ?? null,
            gap: x.gap?.rows.map((r) => r.gap) ?? null,
          })),
          budget: v.budget.rows.map((r) => ({
            year: r.year,
            totalPence: r.totalPence,
            pressurePence: r.pressurePence,
          })),
          measures: v.measures.map((m) => ({ key: m.key, label: m.label, totals: m.totals })),
        });
      }
      return { area, asAt, baseYear: inputs.input.baseYear, scenarios: results };
    },
  );

  app.get(
    '/explain',
    {
      preValidation: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'The working behind one projected figure: population × rate × share known to ASC × multiplier',
        querystring: modelQuery.extend({
          measure: z.string(),
          year: wholeNumberQuery(BOUNDS.year),
          band: z.string().optional(),
        }),
        response: { 200: explanationSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const area = await areaOrBorough(q.area);
      const asAt = q.asAt ?? today();
      const scenario = await scenarioParams(q.scenario);
      const inputs = await inputsFor(area, asAt);
      const result = run(inputs, scenario.params);
      const m = result.measures.find((x) => x.key === q.measure);
      if (!m) throw invalid([{ field: 'measure', message: `no measure "${q.measure}"`, in: 'querystring' }]);
      if (!m.projection.years.includes(q.year))
        throw invalid([
          {
            field: 'year',
            message: `choose a year from ${result.years[0]} to ${result.years.at(-1)}`,
            in: 'querystring',
          },
        ]);
      let band: AgeBand | undefined;
      if (q.band) {
        band = REPORTING_BANDS.find((b) => bandLabel(b) === q.band);
        if (!band)
          throw invalid([
            {
              field: 'band',
              message: `band must be one of ${REPORTING_BANDS.map(bandLabel).join(', ')}`,
              in: 'querystring',
            },
          ]);
      }
      const e = explainFigure(inputs.input.grid, m.rate, m.projection, q.year, band);
      return { scenario: { id: scenario.id, name: scenario.name }, calibration: m.calibration, ...explanationView(e) };
    },
  );
};

export default demandRoutes;
