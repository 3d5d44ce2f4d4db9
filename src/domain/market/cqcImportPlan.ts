// What a CQC care directory import changes: locations created, updated (by field) and deregistered, comparing the
// parsed file with the locations already held for the councils it covers. Pure: src/db/market/cqc.ts applies it.
import { areasOverlap } from '../geography/authorities.js';
import type { CqcLocation } from './cqc.js';

export interface ExistingCqcLocation {
  cqcLocationId: string;
  localAuthorityName: string | null;
  /** Compared by area with the councils the file covers (a home recorded under Cumbria is covered by a Cumberland file). */
  localAuthorityGss?: string | null;
  deregistered: boolean;
  fields: Partial<Record<CompareField, unknown>>;
}
export const COMPARE_FIELDS = [
  'name',
  'alsoKnownAs',
  'address',
  'postcode',
  'phone',
  'website',
  'serviceTypes',
  'specialisms',
  'serviceUserBands',
  'localAuthorityName',
  'region',
  'cqcLastCheck',
  'cqcProviderId',
  'providerName',
] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

/** Each compared field as an import's messages name it to the user ("changed Abbey Lodge (1-…): local authority"). */
export const COMPARE_FIELD_LABELS: Record<CompareField, string> = {
  name: 'name',
  alsoKnownAs: 'also known as',
  address: 'address',
  postcode: 'postcode',
  phone: 'phone number',
  website: 'website',
  serviceTypes: 'types of service',
  specialisms: 'specialisms',
  serviceUserBands: 'service user bands',
  localAuthorityName: 'local authority',
  region: 'region',
  cqcLastCheck: 'date of last CQC check',
  cqcProviderId: 'CQC provider ID',
  providerName: 'provider name',
};

export interface CqcImportPlan {
  created: CqcLocation[];
  changed: { location: CqcLocation; fields: CompareField[] }[];
  unchanged: number;
  reregistered: CqcLocation[];
  /** Known locations in the local authorities the file covers that are no longer in it. */
  deregistered: string[];
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
  return (a ?? null) === (b ?? null);
}

/**
 * Compares a parsed file with the locations already held. Idempotent: importing the same file twice gives
 * no changes the second time. A location absent from the file counts as deregistered only if the file
 * covers its local authority's area, so importing one borough's extract leaves other boroughs alone. Areas are
 * compared through the reference geography, not by name: a home recorded under Cumbria and missing from a later
 * file published under Cumberland (one of Cumbria's two successors) is deregistered. Names no council has
 * (unknown to the geography) are compared as names.
 */
export function planCqcImport(
  incoming: readonly CqcLocation[],
  existing: readonly ExistingCqcLocation[],
): CqcImportPlan {
  const byId = new Map(existing.map((e) => [e.cqcLocationId, e]));
  const plan: CqcImportPlan = { created: [], changed: [], unchanged: 0, reregistered: [], deregistered: [] };
  const present = new Set<string>();
  const coveredLas = new Set(incoming.map((l) => l.localAuthorityName.toLowerCase()));
  const coveredCodes = [...new Set(incoming.map((l) => l.localAuthorityGss).filter((c): c is string => !!c))];
  const covered = (e: ExistingCqcLocation) =>
    (!!e.localAuthorityName && coveredLas.has(e.localAuthorityName.toLowerCase())) ||
    (!!e.localAuthorityGss && coveredCodes.some((c) => areasOverlap(c, e.localAuthorityGss!)));
  for (const loc of incoming) {
    present.add(loc.cqcLocationId);
    const cur = byId.get(loc.cqcLocationId);
    if (!cur) {
      plan.created.push(loc);
      continue;
    }
    if (cur.deregistered) plan.reregistered.push(loc);
    const fields = COMPARE_FIELDS.filter((f) => !same(cur.fields[f], loc[f]));
    if (fields.length > 0) plan.changed.push({ location: loc, fields });
    else if (!cur.deregistered) plan.unchanged++;
  }
  for (const e of existing) {
    if (e.deregistered || present.has(e.cqcLocationId)) continue;
    if (covered(e)) plan.deregistered.push(e.cqcLocationId);
  }
  return plan;
}
