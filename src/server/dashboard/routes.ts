import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyFigureSchema } from '../../domain/core/figures.js';
import { getBorough } from '../../db/core/settings.js';
import { actorOf, requireSignedIn } from '../auth/guards.js';
import { dashboardSections, type DashboardSection } from './sections.js';
import { boroughPopulation } from './population.js';

const figure = keyFigureSchema;

const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: ['dashboard'],
        summary: 'Headline figures for the borough, by area',
        response: {
          200: z.object({
            borough: z
              .object({
                name: z.string(),
                gssCode: z.string(),
                synthetic: z.boolean(),
                population: z.number().nullable(),
              })
              .nullable(),
            sections: z.array(z.object({ area: z.string(), title: z.string(), figures: z.array(figure) })),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // The sections read different areas: on PostgreSQL they run side by side on the pool's connections (the
      // page waits for the slowest, not the sum); PGlite queues them on its one connection as before.
      const [borough, all] = await Promise.all([
        getBorough(app.db).then(async (b) =>
          b ? { ...b, population: await boroughPopulation(app.db, b.gssCode) } : null,
        ),
        Promise.all(dashboardSections.map((source) => source(app.db, actor))),
      ]);
      return { borough, sections: all.filter((s): s is DashboardSection => s !== null && s.figures.length > 0) };
    },
  );
};

export default dashboardRoutes;
