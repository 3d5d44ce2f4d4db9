// The public Open Referral UK 3.0 API: the profile's nine GET endpoints under /oruk, open to anyone (no keys, no
// sign-in, `Access-Control-Allow-Origin: *`), answering pages in the profile's envelope with optional fields
// left out rather than null. Paths, parameters and shapes: ORUK profile schema/openapi.json.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { HSDS_VERSION, ORUK_PROFILE_URL } from '../../domain/directory/exchange.js';
import { orukPage } from '../../domain/directory/oruk.js';
import { normalisePostcodeDistrict } from '../../domain/discharge/geo.js';
import type { Db } from '../../db/client.js';
import { loadService, loadServices } from '../../db/directory/records.js';
import {
  districtCentroid,
  loadLocationBasics,
  loadServiceListItems,
  searchServiceAtLocations,
  searchServices,
  serviceOfServiceAtLocation,
  type DirectoryFilters,
} from '../../db/directory/search.js';
import {
  getTaxonomy,
  getTerm,
  listTaxonomies,
  listTerms,
  termIdsOfTaxonomy,
  termsWithDescendants,
} from '../../db/directory/taxonomies.js';
import {
  idParams,
  orukListQuery,
  orukMetaSchema,
  orukPagingQuery,
  orukServiceSchema,
  orukTaxonomyTermSchema,
  orukTaxonomyWithTermsSchema,
  serviceAtLocationPageSchema,
  servicePageSchema,
  taxonomyPageSchema,
  taxonomyTermPageSchema,
  type OrukListQuery,
} from './schemas.js';

const TAGS = ['oruk'];
const PUBLIC = { tags: TAGS, security: [] };
/** Open data, no keys: a per-address limit well above any directory's crawl, so one client cannot starve others. */
const RATE = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

/** Where a postcode is, for distance and coverage: its district's centroid. @throws InputError when unknown. */
export async function nearPostcode(db: Db, postcode: string, field = 'postcode') {
  const district = normalisePostcodeDistrict(postcode);
  if (!district)
    throw InputError.field(
      field,
      'Enter a real postcode, like EB4 2QT, or a postcode district, like EB4',
      'querystring',
    );
  const near = await districtCentroid(db, district);
  if (!near)
    throw InputError.field(field, `We do not have a location for postcode district ${district}`, 'querystring');
  return near;
}

/** ORUK query parameters as directory filters (term filters expanded to child terms). */
export async function filtersOf(db: Db, q: OrukListQuery): Promise<DirectoryFilters> {
  const termGroups: string[][] = [];
  if (q.taxonomy_term_id?.length) termGroups.push(await termsWithDescendants(db, q.taxonomy_term_id));
  if (q.taxonomy_id) termGroups.push(await termIdsOfTaxonomy(db, q.taxonomy_id));
  if (q.proximity !== undefined && !q.postcode)
    throw InputError.field('proximity', 'Give a postcode to measure the proximity from', 'querystring');
  return {
    search: q.search,
    termGroups,
    minimumAge: q.minimum_age,
    maximumAge: q.maximum_age,
    day: q.day,
    modifiedAfter: q.modified_after ? new Date(q.modified_after).toISOString() : undefined,
    organizationId: q.organization_id,
    near: q.postcode ? await nearPostcode(db, q.postcode) : undefined,
    proximityMetres: q.proximity,
  };
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

const orukRoutes: FastifyPluginAsyncZod = async (app) => {
  // Open data: any web page may read it.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });
  app.options('/*', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('access-control-allow-methods', 'GET, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .code(204)
      .send(),
  );

  app.get(
    '/',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'About this API and its relationship with HSDS (ORUK 3.0)',
        response: { 200: orukMetaSchema },
      },
    },
    async (request) => ({
      version: HSDS_VERSION,
      profile: ORUK_PROFILE_URL,
      openapi_url: `${baseUrl(request)}/api/openapi.json`,
    }),
  );

  app.get(
    '/services',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary:
          'Paginated services with their one-to-one fields (search, taxonomy, age, day, postcode, proximity, modified_after)',
        querystring: orukListQuery,
        response: { 200: servicePageSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const hits = await searchServices(app.db, await filtersOf(app.db, q), q.page, q.per_page);
      const items = await loadServiceListItems(
        app.db,
        hits.rows.map((r) => r.id),
      );
      return orukPage(items, hits.total, q.page, q.per_page);
    },
  );

  app.get(
    '/services/:id',
    {
      config: RATE,
      schema: { ...PUBLIC, summary: 'A fully nested service', params: idParams, response: { 200: orukServiceSchema } },
    },
    async (request) => {
      const service = await loadService(app.db, request.params.id);
      if (!service) throw new NotFound('Service');
      return service;
    },
  );

  app.get(
    '/service_at_locations',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'Paginated services at locations (search, taxonomy, age, day, postcode, proximity, modified_after)',
        querystring: orukListQuery,
        response: { 200: serviceAtLocationPageSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const hits = await searchServiceAtLocations(app.db, await filtersOf(app.db, q), q.page, q.per_page);
      const [services, locations] = await Promise.all([
        loadServiceListItems(app.db, [...new Set(hits.rows.map((r) => r.serviceId))]),
        loadLocationBasics(app.db, [...new Set(hits.rows.map((r) => r.locationId))]),
      ]);
      const byId = new Map(services.map((s) => [s.id, s]));
      const items = hits.rows.map((r) => ({
        id: r.id,
        service_id: r.serviceId,
        location_id: r.locationId,
        location: locations.get(r.locationId)!,
        service: byId.get(r.serviceId)!,
        ...(r.distanceMetres !== null ? { steward_distance_metres: r.distanceMetres } : {}),
      }));
      return orukPage(items, hits.total, q.page, q.per_page);
    },
  );

  app.get(
    '/service_at_locations/:id',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'A service at a location: the fully nested service, as the profile defines this path',
        params: idParams,
        response: { 200: orukServiceSchema },
      },
    },
    async (request) => {
      const row = await serviceOfServiceAtLocation(app.db, request.params.id);
      if (!row) throw new NotFound('Service at location');
      const [service] = await loadServices(app.db, [row]);
      return service;
    },
  );

  app.get(
    '/taxonomies',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'Paginated taxonomies',
        querystring: orukPagingQuery,
        response: { 200: taxonomyPageSchema },
      },
    },
    async (request) => {
      const { page, per_page } = request.query;
      const { total, rows } = await listTaxonomies(app.db, page, per_page);
      return orukPage(
        rows.map(({ id, name, description, uri, version }) => ({
          id,
          name,
          description,
          ...(uri ? { uri } : {}),
          ...(version ? { version } : {}),
        })),
        total,
        page,
        per_page,
      );
    },
  );

  app.get(
    '/taxonomies/:id',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'A taxonomy with its terms',
        params: idParams,
        response: { 200: orukTaxonomyWithTermsSchema },
      },
    },
    async (request) => {
      const t = await getTaxonomy(app.db, request.params.id);
      if (!t) throw new NotFound('Taxonomy');
      return t;
    },
  );

  app.get(
    '/taxonomy_terms',
    {
      config: RATE,
      schema: {
        ...PUBLIC,
        summary: 'Paginated taxonomy terms (optionally of one taxonomy)',
        querystring: orukPagingQuery.extend({ taxonomy_id: idParams.shape.id.optional() }),
        response: { 200: taxonomyTermPageSchema },
      },
    },
    async (request) => {
      const { page, per_page, taxonomy_id } = request.query;
      const { total, rows } = await listTerms(app.db, page, per_page, { taxonomyId: taxonomy_id });
      return orukPage(rows, total, page, per_page);
    },
  );

  app.get(
    '/taxonomy_terms/:id',
    {
      config: RATE,
      schema: { ...PUBLIC, summary: 'A taxonomy term', params: idParams, response: { 200: orukTaxonomyTermSchema } },
    },
    async (request) => {
      const t = await getTerm(app.db, request.params.id);
      if (!t) throw new NotFound('Taxonomy term');
      return t;
    },
  );
};

export default orukRoutes;
