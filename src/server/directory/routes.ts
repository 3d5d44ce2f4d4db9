// Steward's directory API (/api/directory): the public search behind the "Find community services" page, public
// and provider suggestions, and the curator's tools (entries, review dates, suggestions, history, duplicates,
// publishing from the market register and contracts, import and export). Thin: parse, authorise, call db/domain.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import JSZip from 'jszip';
import { asc, count, ilike, or, eq, and, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { EDITOR_ROLES, STAFF_ROLES } from '../../domain/core/auth.js';
import { csvOfRecords } from '../../domain/core/csv.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { daysOverdue } from '../../domain/directory/curation.js';
import { directoryExport, directoryTables } from '../../domain/directory/exchange.js';
import { dropBlanks, orukServiceSchema, type OrukService } from '../../domain/directory/oruk.js';
import { NEEDS_TAXONOMY } from '../../domain/directory/taxonomies.js';
import { getBorough } from '../../db/core/settings.js';
import {
  contractCandidates,
  createSuggestion,
  decideSuggestion,
  duplicateOrganisations,
  getSuggestion,
  listSuggestions,
  marketCandidates,
  overdueEntries,
  publishContracts,
  publishMarketLocations,
  serviceHistory,
} from '../../db/directory/curation.js';
import {
  allServiceIds,
  loadService,
  loadServices,
  markReviewed,
  saveServices,
  serviceCuration,
} from '../../db/directory/records.js';
import { directoryOrganizations, directoryServices } from '../../db/directory/schema.js';
import { districtCentroid, searchServices } from '../../db/directory/search.js';
import type { Db } from '../../db/client.js';
import { normalisePostcodeDistrict } from '../../domain/discharge/geo.js';
import { allTaxonomies, listTaxonomies, termsWithDescendants } from '../../db/directory/taxonomies.js';
import { fetchOrukFeed, orukImporter } from '../../importers/oruk.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { download, MEDIA } from '../schemas.js';
import { nearPostcode } from './oruk.js';
import {
  candidatesSchema,
  decisionBodySchema,
  duplicatesSchema,
  entriesQuery,
  entryListSchema,
  entrySchema,
  idParams,
  importSummarySchema,
  importUrlBodySchema,
  publishBodySchema,
  publishedSchema,
  reviewDueSchema,
  reviewedSchema,
  savedSchema,
  searchOptionsSchema,
  searchQuery,
  searchResultSchema,
  serviceInputSchema,
  suggestionBodySchema,
  suggestionDetailSchema,
  suggestionSummarySchema,
} from './schemas.js';

const TAGS = ['directory'];
const PUBLIC = { tags: TAGS, security: [] };
const CURATORS = EDITOR_ROLES;
const IMPORTERS = ['admin', 'commissioner'] as const;
/** Public reads: generous per-address limits (a person searching never meets them; a scraper does). */
const PUBLIC_RATE = { rateLimit: { max: 600, timeWindow: '1 minute' } };
const EXPORT_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** Lists in a service record whose items need ids, with their own nested lists. */
const NESTED: Record<string, string[]> = {
  schedules: [],
  service_areas: [],
  languages: [],
  funding: [],
  cost_options: [],
  contacts: ['phones'],
  phones: [],
  attributes: [],
  service_at_locations: [],
};

/** Give every part of a form's record an id (new parts arrive without one). */
function withIds(raw: Record<string, unknown>): Record<string, unknown> {
  const fill = (item: unknown): unknown =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? { id: (item as { id?: string }).id || randomUUID(), ...(item as object) }
      : item;
  const out: Record<string, unknown> = { ...raw };
  for (const [list, inner] of Object.entries(NESTED)) {
    if (!Array.isArray(out[list])) continue;
    out[list] = (out[list] as unknown[]).map((x) => {
      const withId = fill(x) as Record<string, unknown>;
      for (const sub of inner) if (Array.isArray(withId[sub])) withId[sub] = (withId[sub] as unknown[]).map(fill);
      if (list === 'service_at_locations' && withId.location && typeof withId.location === 'object') {
        const loc = fill(withId.location) as Record<string, unknown>;
        for (const sub of ['addresses', 'accessibility', 'phones'])
          if (Array.isArray(loc[sub])) loc[sub] = (loc[sub] as unknown[]).map(fill);
        withId.location = loc;
      }
      return withId;
    });
  }
  if (out.organization && typeof out.organization === 'object') {
    const org = fill(out.organization) as Record<string, unknown>;
    if (Array.isArray(org.organization_identifiers))
      org.organization_identifiers = org.organization_identifiers.map(fill);
    out.organization = org;
  }
  return out;
}

/**
 * A service record from a form or suggestion, tidied (blanks dropped), given ids where parts lack them, and
 * checked against the ORUK shape. @throws InputError naming each field at fault under `service.`.
 */
export function prepareService(raw: unknown, id: string): OrukService {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw InputError.field('service', 'Send the service as an object');
  const tidy = withIds({ ...(dropBlanks(raw) as Record<string, unknown>), id });
  const parsed = orukServiceSchema.safeParse(tidy);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((e) => ({
        field: ['service', ...e.path.map(String)].join('.'),
        message: e.message,
        in: 'body',
      })),
    );
  const service = parsed.data;
  if (service.organization) service.organization_id = service.organization.id;
  return service;
}

/**
 * Physical locations given without coordinates get their postcode district's centroid (ONSPD), so a new entry is
 * found by distance at once; a curator can refine it later.
 */
async function fillCoordinates(db: Db, service: OrukService): Promise<OrukService> {
  for (const sal of service.service_at_locations ?? []) {
    const loc = sal.location;
    if (loc.location_type !== 'physical' || loc.latitude !== undefined) continue;
    const district = normalisePostcodeDistrict(loc.addresses?.[0]?.postal_code ?? '');
    const near = district ? await districtCentroid(db, district) : null;
    if (near) Object.assign(loc, { latitude: near.lat, longitude: near.lng });
  }
  return service;
}

const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
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
      return reply
        .type('application/zip')
        .header('access-control-allow-origin', '*')
        .header('content-disposition', `attachment; filename="directory-${londonToday()}-csv.zip"`)
        .send(body);
    },
  );

  // ---- Staff: entries ----
  app.get(
    '/entries',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Directory entries for curators',
        querystring: entriesQuery,
        response: { 200: entryListSchema },
      },
    },
    async (request) => {
      const { q, source, page } = request.query;
      const perPage = 50;
      const conds: SQL[] = [];
      if (q?.trim())
        conds.push(
          or(ilike(directoryServices.name, `%${q.trim()}%`), ilike(directoryOrganizations.name, `%${q.trim()}%`))!,
        );
      if (source) conds.push(eq(directoryServices.source, source));
      const where = conds.length ? and(...conds) : undefined;
      const [{ n }] = await app.db
        .select({ n: count() })
        .from(directoryServices)
        .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
        .where(where);
      const rows = await app.db
        .select({
          id: directoryServices.id,
          name: directoryServices.name,
          organisation: directoryOrganizations.name,
          status: directoryServices.status,
          reviewDate: directoryServices.reviewDate,
          source: directoryServices.source,
          lastModified: directoryServices.last_modified,
        })
        .from(directoryServices)
        .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
        .where(where)
        .orderBy(asc(directoryServices.name), asc(directoryServices.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
      return {
        total: Number(n),
        page,
        pageCount: Math.ceil(Number(n) / perPage),
        entries: rows.map((r) => ({
          ...r,
          status: r.status as OrukService['status'],
          lastModified: new Date(r.lastModified).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/entries/:id',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One entry with its review facts and history',
        params: idParams,
        response: { 200: entrySchema },
      },
    },
    async (request) => {
      const [service, curation, history] = await Promise.all([
        loadService(app.db, request.params.id),
        serviceCuration(app.db, request.params.id),
        serviceHistory(app.db, request.params.id),
      ]);
      if (!service || !curation) throw new NotFound('Directory entry');
      return { service, curation, history };
    },
  );

  app.post(
    '/entries',
    {
      preHandler: requireRole(...CURATORS),
      schema: { tags: TAGS, summary: 'Add an entry', body: serviceInputSchema, response: { 201: savedSchema } },
    },
    async (request, reply) => {
      const service = await fillCoordinates(app.db, prepareService(request.body.service, randomUUID()));
      const actor = actorOf(request);
      await app.db.transaction((tx) =>
        saveServices(tx, [service], {
          source: 'staff',
          action: 'created',
          actor: { userId: actor.userId },
          reviewed: true,
        }),
      );
      return reply.code(201).send({ id: service.id });
    },
  );

  app.put(
    '/entries/:id',
    {
      preHandler: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Change an entry (counts as a review)',
        params: idParams,
        body: serviceInputSchema,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      const id = request.params.id;
      if (!(await serviceCuration(app.db, id))) throw new NotFound('Directory entry');
      const service = await fillCoordinates(app.db, prepareService(request.body.service, id));
      const actor = actorOf(request);
      await app.db.transaction((tx) =>
        saveServices(tx, [service], {
          source: 'staff',
          action: 'updated',
          actor: { userId: actor.userId },
          reviewed: true,
        }),
      );
      return { id };
    },
  );

  app.post(
    '/entries/:id/reviewed',
    {
      preHandler: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Confirm an entry is still right: next review in twelve months',
        params: idParams,
        response: { 200: reviewedSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await serviceCuration(app.db, request.params.id))) throw new NotFound('Directory entry');
      const reviewDate = await app.db.transaction((tx) =>
        markReviewed(tx, request.params.id, londonToday(), { userId: actor.userId }),
      );
      return { reviewDate };
    },
  );

  app.get(
    '/review-due',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Entries past their review date, most overdue first',
        response: { 200: reviewDueSchema },
      },
    },
    async () => {
      const today = londonToday();
      const rows = await overdueEntries(app.db, today);
      return { today, entries: rows.map((r) => ({ ...r, daysOverdue: daysOverdue(r.reviewDate, today) })) };
    },
  );

  // ---- Staff: suggestions ----
  app.get(
    '/suggestions',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Suggestions by status (pending: oldest first)',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
        response: { 200: z.array(suggestionSummarySchema) },
      },
    },
    async (request) => listSuggestions(app.db, request.query.status),
  );

  app.get(
    '/suggestions/:id',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'A suggestion with the changes it would make',
        params: idParams,
        response: { 200: suggestionDetailSchema },
      },
    },
    async (request) => getSuggestion(app.db, request.params.id),
  );

  app.post(
    '/suggestions/:id/decision',
    {
      preHandler: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Approve (publish) or reject a suggestion',
        params: idParams,
        body: decisionBodySchema,
        response: { 200: z.object({ serviceId: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return app.db.transaction((tx) =>
        decideSuggestion(tx, request.params.id, request.body.decision, request.body.reviewNote ?? null, {
          userId: actor.userId,
        }),
      );
    },
  );

  // ---- Staff: duplicates, publishing, import ----
  app.get(
    '/duplicates',
    {
      preHandler: requireRole(...STAFF_ROLES),
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
      preHandler: requireRole(...STAFF_ROLES),
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
      preHandler: requireRole(...CURATORS),
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
    new Problem(
      422,
      'The directory was not imported',
      `${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} found; nothing was imported`,
      e.issues.slice(0, 100).map((i) => ({ field: i.field ?? 'file', message: i.message, in: 'file' })),
    );

  app.post(
    '/import',
    {
      preHandler: requireRole(...IMPORTERS),
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
      preHandler: requireRole(...IMPORTERS),
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

export default directoryRoutes;
