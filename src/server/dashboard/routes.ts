import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyFigureSchema } from '../../domain/core/figures.js';
import { getBorough } from '../../db/core/settings.js';
import { actorOf, requireSignedIn } from '../auth/guards.js';
import { dashboardSections } from './sections.js';
import { boroughPopulation } from './population.js';

const figure = keyFigureSchema;

const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      preHandler: requireSignedIn,
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
      const borough = await getBorough(app.db);
      const sections = [];
      for (const source of dashboardSections) {
        const section = await source(app.db, actor);
        if (section && section.figures.length) sections.push(section);
      }
      return {
        borough: borough ? { ...borough, population: await boroughPopulation(app.db, borough.gssCode) } : null,
        sections,
      };
    },
  );
};

export default dashboardRoutes;
