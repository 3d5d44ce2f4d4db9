// The need and demand projection model: one scenario's projected need, service use, supply gap and budget pressure;
// scenarios side by side; and the working behind any one figure. Staff only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { type AgeBand, bandLabel, REPORTING_BANDS } from '../../domain/demand/ages.js';
import { explainFigure } from '../../domain/demand/projection.js';
import { explanationView, modelView } from '../../domain/demand/view.js';
import { loadModelInputs } from '../../db/demand/model-inputs.js';
import { requireRole } from '../auth/guards.js';
import { invalid } from '../problem.js';
import { areaOrBorough, gss, isoDate, modelQuery, run, scenarioParams, TAGS, today } from './params.js';
import { comparisonSchema, explanationSchema, projectionSchema } from './schemas.js';

const modelRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const area = await areaOrBorough(app.db, request.query.area);
      const asAt = request.query.asAt ?? today();
      const scenario = await scenarioParams(app.db, request.query.scenario);
      const inputs = await loadModelInputs(app.db, area, asAt);
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
      const area = await areaOrBorough(app.db, request.query.area);
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
      const inputs = await loadModelInputs(app.db, area, asAt);
      const results = [];
      for (const id of ids) {
        const s = await scenarioParams(app.db, id);
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
      const area = await areaOrBorough(app.db, q.area);
      const asAt = q.asAt ?? today();
      const scenario = await scenarioParams(app.db, q.scenario);
      const inputs = await loadModelInputs(app.db, area, asAt);
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

export default modelRoutes;
