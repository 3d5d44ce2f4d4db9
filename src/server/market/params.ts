// What the market routes share: tags, id and filter parameters, the roles that may write, and finding a location.
import { z } from 'zod';
import { isoDateSchema } from '../../domain/core/dates.js';
import { CQC_RATINGS, SERVICE_TYPES, SPECIALISMS } from '../../domain/market/types.js';
import { getLocation, type LocationFilter } from '../../db/market/register.js';
import { notFound } from '../problem.js';

export const TAGS = ['market'];
export const isoDate = isoDateSchema;
export const id = z.object({ id: z.uuid('Use the id of a record (a UUID)') });

export const COMMISSIONERS = ['admin', 'commissioner'] as const;
export const PLACERS = ['admin', 'commissioner', 'broker'] as const;

export const filterQuery = z.object({
  serviceType: z.enum(SERVICE_TYPES).optional(),
  specialism: z.enum(SPECIALISMS).optional(),
  rating: z.enum([...CQC_RATINGS, 'Not rated']).optional(),
  district: z.string().trim().max(8).optional(),
  la: z
    .string()
    .regex(/^[EWSN]\d{8}$/, 'Use an ONS GSS code such as E09000016')
    .optional(),
  /** borough (default): locations in the council's area; out: outside it; all: everywhere. */
  scope: z.enum(['borough', 'out', 'all']).default('borough'),
  search: z.string().trim().max(100).optional(),
});
export type FilterQuery = z.infer<typeof filterQuery>;
/** The register filter a dashboard or register query asks for (scope borough: the council's own area). */
export function toFilter(q: FilterQuery): LocationFilter {
  return {
    serviceType: q.serviceType,
    specialism: q.specialism,
    rating: q.rating,
    district: q.district || undefined,
    localAuthorityGss: q.la,
    inBorough: q.scope === 'all' ? undefined : q.scope === 'borough',
    search: q.search || undefined,
  };
}

/** The location with this id; throws a 404 problem when there is none. */
export async function locationFor(app: { db: import('../../db/client.js').Db }, locationId: string) {
  const loc = await getLocation(app.db, locationId);
  if (!loc) throw notFound('Location');
  return loc;
}
