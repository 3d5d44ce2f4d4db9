// Curators' tools over the whole directory: duplicates, publishing from the market register and contracts, and
// importing ORUK data from a file or an address.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { InputError } from '../../domain/core/errors.js';
import { duplicateOrganisations } from '../../db/directory/curation.js';
import {
  contractCandidates,
  marketCandidates,
  publishContracts,
  publishMarketLocations,
} from '../../db/directory/publish.js';
import { fetchOrukFeed, orukImporter } from '../../importers/oruk.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { importRejected } from '../problem.js';
import {
  candidatesSchema,
  duplicatesSchema,
  importSummarySchema,
  importUrlBodySchema,
  publishBodySchema,
  publishedSchema,
} from './schemas.js';

import { CURATORS, IMPORTERS, TAGS } from './params.js';

const curationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Staff: duplicates, publishing, import ----
  app.get(
    '/duplicates',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Organisations sharing a charity or company number, or a name',
        response: { 200: duplicatesSchema },
      },
    },
    async () => duplicateOrganisations(app.db),
  );

  app.get(
    '/publish-candidates',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Market register locations and contracts that can be published',
        response: { 200: candidatesSchema },
      },
    },
    async () => {
      const [market, contracts] = await Promise.all([marketCandidates(app.db), contractCandidates(app.db)]);
      return { market, contracts };
    },
  );

  app.post(
    '/publish',
    {
      onRequest: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Publish (or refresh) market register locations and contracts as directory entries',
        body: publishBodySchema,
        response: { 200: publishedSchema },
      },
    },
    async (request) => {
      const actor = { userId: actorOf(request).userId };
      const { marketLocationIds, contractIds } = request.body;
      if (!marketLocationIds.length && !contractIds.length)
        throw InputError.field('marketLocationIds', 'Choose at least one location or contract to publish', 'body');
      return app.db.transaction(async (tx) => ({
        serviceIds: [
          ...(await publishMarketLocations(tx, marketLocationIds, actor)),
          ...(await publishContracts(tx, contractIds, actor)),
        ],
      }));
    },
  );

  const importResult = (summary: Awaited<ReturnType<typeof runImport>>) => ({
    fileName: summary.fileName,
    rowsRead: summary.rowsRead,
    created: summary.created ?? 0,
    updated: summary.updated ?? 0,
    unchanged: summary.unchanged ?? 0,
    messages: summary.messages,
  });
  const rejected = (e: ImportRejected) =>
    importRejected(e, { title: 'The directory was not imported', nothingWas: 'imported', limit: 100, where: 'file' });

  app.post(
    '/import',
    {
      onRequest: requireRole(...IMPORTERS),
      bodyLimit: 100 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Import an ORUK directory document (JSON body); all or nothing',
        body: z.unknown(),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const actor = { userId: actorOf(request).userId };
      try {
        const summary = await runImport(app.db, orukImporter, textSource('upload.json', JSON.stringify(request.body)), {
          actor,
          options: {},
        });
        return importResult(summary);
      } catch (e) {
        if (e instanceof ImportRejected) throw rejected(e);
        throw e;
      }
    },
  );

  app.post(
    '/import-url',
    {
      onRequest: requireRole(...IMPORTERS),
      schema: {
        tags: TAGS,
        summary: "Import another directory's live ORUK API by its URL; all or nothing",
        body: importUrlBodySchema,
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const actor = { userId: actorOf(request).userId };
      let text: string;
      try {
        text = await fetchOrukFeed(request.body.url, { maxServices: 50_000 });
      } catch (e) {
        throw InputError.field('url', `Could not read that feed: ${(e as Error).message}`, 'body');
      }
      try {
        return importResult(
          await runImport(app.db, orukImporter, textSource(request.body.url, text), { actor, options: {} }),
        );
      } catch (e) {
        if (e instanceof ImportRejected) throw rejected(e);
        throw e;
      }
    },
  );
};

export default curationRoutes;
