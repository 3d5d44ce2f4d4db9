// The directory's public API: search and its options, public and provider suggestions, and the open data export.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import JSZip from 'jszip';
import { z } from 'zod';
import { csvOfRecords } from '../../domain/core/csv.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { directoryExport, directoryTables } from '../../domain/directory/exchange.js';
import { NEEDS_TAXONOMY } from '../../domain/directory/taxonomies.js';
import { getBorough } from '../../db/core/settings.js';
import { createSuggestion } from '../../db/directory/curation.js';
import { allServiceIds, loadServices } from '../../db/directory/records.js';
import { searchServices } from '../../db/directory/search.js';
import { allTaxonomies, listTaxonomies, termsWithDescendants } from '../../db/directory/taxonomies.js';
import { download, MEDIA, sendAttachment } from '../schemas.js';
import { nearPostcode } from './oruk.js';
import { savedSchema, searchOptionsSchema, searchQuery, searchResultSchema, suggestionBodySchema } from './schemas.js';

import { EXPORT_RATE, PUBLIC, PUBLIC_RATE } from './params.js';
import { fillCoordinates, prepareService } from './serviceInput.js';

const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Public: search, options, suggestions, export ----
  app.get(
    '/search-options',
    {
      config: PUBLIC_RATE,
      schema: { ...PUBLIC, summary: 'Needs and taxonomies to search by', response: { 200: searchOptionsSchema } },
    },
    async () => {
      const [{ rows }, borough] = await Promise.all([listTaxonomies(app.db, 1, 100), getBorough(app.db)]);
      return {
        needs: NEEDS_TAXONOMY.terms.map((t) => ({
          code: t.term!,
          termId: t.id,
          name: t.name,
          description: t.description,
        })),
        taxonomies: rows,
        boroughName: borough?.name ?? 'the borough',
        synthetic: borough?.synthetic ?? true,
      };
    },
  );

  app.get(
    '/search',
    {
      config: PUBLIC_RATE,
      schema: {
        ...PUBLIC,
        summary: 'Find community services by need or keyword, postcode, category, cost and day (nearest first)',
        querystring: searchQuery,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const termGroups: string[][] = [];
      if (q.need) {
        const need = NEEDS_TAXONOMY.terms.find((t) => t.term === q.need);
        if (!need) throw InputError.field('need', 'Choose a need from the list', 'querystring');
        termGroups.push([need.id]);
      }
      if (q.term?.length) termGroups.push(await termsWithDescendants(app.db, q.term));
      const near = q.postcode?.trim() ? await nearPostcode(app.db, q.postcode) : undefined;
      const filters = {
        search: q.q,
        termGroups,
        free: q.cost === undefined ? undefined : q.cost === 'free',
        day: q.day,
        near,
        statuses: ['active', 'temporarily closed'] as ('active' | 'temporarily closed')[],
      };
      const hits = await searchServices(app.db, filters, q.page, q.perPage);
      const results = hits.rows.map((h) => ({ ...h.card, distanceMetres: h.distanceMetres }));
      return {
        total: hits.total,
        page: q.page,
        pageCount: Math.ceil(hits.total / q.perPage),
        district: near?.district ?? null,
        results,
      };
    },
  );

  app.post(
    '/suggestions',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        ...PUBLIC,
        summary: 'Suggest a new entry or a change (held for a curator; no sign-in needed)',
        body: suggestionBodySchema,
        response: { 201: savedSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.kind === 'change' && !b.serviceId)
        throw InputError.field('serviceId', 'Say which entry the change is for', 'body');
      const service = await fillCoordinates(
        app.db,
        prepareService(b.service, b.kind === 'change' ? b.serviceId! : randomUUID()),
      );
      const saved = await app.db.transaction((tx) =>
        createSuggestion(tx, {
          kind: b.kind,
          serviceId: b.kind === 'change' ? b.serviceId : null,
          proposed: service,
          note: b.note ?? null,
          submittedBy: request.actor?.userId ?? null,
          submitterName: b.submitterName,
          submitterEmail: b.submitterEmail,
          submitterOrganisation: b.submitterOrganisation ?? null,
        }),
      );
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/export.json',
    {
      config: EXPORT_RATE,
      schema: {
        ...PUBLIC,
        summary: 'The whole directory as one ORUK JSON document (taxonomies and fully nested services)',
        response: {
          200: z.object({
            version: z.string(),
            profile: z.string(),
            taxonomies: z.array(z.unknown()),
            services: z.array(z.unknown()),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [taxonomies, services] = await Promise.all([
        allTaxonomies(app.db),
        loadServices(app.db, await allServiceIds(app.db)),
      ]);
      reply.header('access-control-allow-origin', '*');
      reply.header('content-disposition', `attachment; filename="directory-${londonToday()}.json"`);
      return directoryExport(taxonomies, services);
    },
  );

  app.get(
    '/export.zip',
    {
      config: EXPORT_RATE,
      schema: {
        ...PUBLIC,
        summary: 'The whole directory as HSDS tabular CSV files in a zip',
        response: { 200: download('HSDS tabular CSV files in a zip', MEDIA.zip) },
      },
    },
    async (_request, reply) => {
      const [taxonomies, services] = await Promise.all([
        allTaxonomies(app.db),
        loadServices(app.db, await allServiceIds(app.db)),
      ]);
      const zip = new JSZip();
      for (const [name, table] of Object.entries(directoryTables(taxonomies, services)))
        zip.file(name, csvOfRecords(table.rows, table.columns, { bom: true }));
      const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      reply.header('access-control-allow-origin', '*');
      return sendAttachment(reply, body, `directory-${londonToday()}-csv.zip`, MEDIA.zip);
    },
  );
};

export default publicRoutes;
