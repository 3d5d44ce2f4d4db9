// Need and demand: areas and population here; the rates and scenarios (inputRoutes) and the projection model with
// the working behind each figure (modelRoutes) in their own plugins. Thin: parse, authorise, call db/domain, respond.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { type AgeBand, bandLabel, OLDER_PEOPLE_BANDS, REPORTING_BANDS } from '../../domain/demand/ages.js';
import { populationByBand } from '../../domain/demand/population.js';
import { loadGrid } from '../../db/demand/model-inputs.js';
import { getArea, listAreas, residentsLatest } from '../../db/demand/population.js';
import { getBorough } from '../../db/core/settings.js';
import { setPopulationSource } from '../dashboard/population.js';
import { requireRole } from '../auth/guards.js';
import { notFound } from '../problem.js';
import inputRoutes from './inputRoutes.js';
import modelRoutes from './modelRoutes.js';
import { areaOrBorough, gss, TAGS } from './params.js';
import { areaListSchema, populationSchema } from './schemas.js';

const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  // The home dashboard shows the borough's residents from these tables.
  setPopulationSource(async (db, gssCode) => (await residentsLatest(db, gssCode))?.people ?? null);
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
      const code = await areaOrBorough(app.db, request.query.area);
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

  await app.register(inputRoutes);
  await app.register(modelRoutes);
};

export default demandRoutes;
