// The CQC import from the web: the same importer as `steward import cqc`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBorough } from '../../db/core/settings.js';
import { cqcImporter } from '../../importers/cqc.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { importRejected, Problem } from '../problem.js';
import { importSummarySchema } from '../schemas.js';
import { COMMISSIONERS, TAGS } from './params.js';

const cqcImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- CQC import from the web (the same importer as `steward import cqc`) ----
  app.post(
    '/import/cqc',
    {
      onRequest: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Import the CQC care directory CSV (text/csv); refused whole with line-and-column errors',
        querystring: z.object({ fileName: z.string().max(200).default('cqc-directory.csv') }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw new Problem(415, undefined, 'Send the CSV file as text/csv');
      const borough = await getBorough(app.db);
      try {
        return await runImport(app.db, cqcImporter, textSource(request.query.fileName, request.body), {
          actor: { userId: actorOf(request).userId },
          options: { borough: borough?.gssCode },
        });
      } catch (e) {
        if (e instanceof ImportRejected) throw importRejected(e);
        throw e;
      }
    },
  );
};

export default cqcImportRoutes;
