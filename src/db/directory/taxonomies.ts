// Taxonomies and their terms: the ones Steward ships, and any an imported feed brings, kept side by side.
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';
import { stableUuid } from '../../domain/directory/ids.js';
import {
  omitEmpty,
  type OrukTaxonomy,
  type OrukTaxonomyTerm,
  type OrukTaxonomyWithTerms,
} from '../../domain/directory/oruk.js';
import { SHIPPED_TAXONOMIES } from '../../domain/directory/taxonomies.js';
import { fromExcluded } from '../upsert.js';
import { directoryTaxonomies, directoryTaxonomyTerms } from './schema.js';

/** Name of the taxonomy that holds terms an imported feed used without publishing their taxonomy. */
export const IMPORTED_TERMS_TAXONOMY = 'Imported terms';

/**
 * Write taxonomies with their terms (create or update by id; terms listed are upserted, others kept).
 * `meta` adds Steward's key, licence and attribution for shipped taxonomies.
 */
export async function saveTaxonomies(
  db: Db,
  taxonomies: (OrukTaxonomyWithTerms & { key?: string; licence?: string; attribution?: string })[],
): Promise<void> {
  for (const t of taxonomies) {
    await db
      .insert(directoryTaxonomies)
      .values({
        id: t.id,
        name: t.name,
        description: t.description,
        uri: t.uri ?? null,
        version: t.version ?? null,
        key: t.key ?? null,
        licence: t.licence ?? null,
        attribution: t.attribution ?? null,
      })
      .onConflictDoUpdate({
        target: directoryTaxonomies.id,
        set: fromExcluded(directoryTaxonomies, [
          'name',
          'description',
          'uri',
          'version',
          ...(t.key ? (['key', 'licence', 'attribution'] as const) : []),
        ]),
      });
    const terms = t.taxonomy_terms ?? [];
    for (let i = 0; i < terms.length; i += 500) {
      await db
        .insert(directoryTaxonomyTerms)
        .values(
          terms.slice(i, i + 500).map((term, j) => ({
            id: term.id,
            taxonomy_id: t.id,
            name: term.name,
            description: term.description,
            parent_id: term.parent_id ?? null,
            term_uri: term.term_uri ?? null,
            term: term.term ?? null,
            position: i + j,
          })),
        )
        .onConflictDoUpdate({
          target: directoryTaxonomyTerms.id,
          set: fromExcluded(directoryTaxonomyTerms, [
            'taxonomy_id',
            'name',
            'description',
            'parent_id',
            'term_uri',
            'term',
            'position',
          ]),
        });
    }
  }
}

/** Make sure the taxonomies Steward ships are present (idempotent). */
export async function ensureShippedTaxonomies(db: Db): Promise<void> {
  await saveTaxonomies(
    db,
    SHIPPED_TAXONOMIES.map(({ terms, ...t }) => ({ ...t, taxonomy_terms: terms })),
  );
}

/**
 * Add terms that records use but no taxonomy listed: each goes to the taxonomy it names by `taxonomy_id` (created
 * with the `taxonomy` name when unknown) or to "Imported terms".
 */
export async function ensureTermsFromRecords(db: Db, terms: OrukTaxonomyTerm[]): Promise<void> {
  const byTaxonomy = new Map<string, { name: string; terms: OrukTaxonomyTerm[] }>();
  for (const term of terms) {
    const taxonomyId = term.taxonomy_id ?? stableUuid(`taxonomy:imported:${term.taxonomy ?? IMPORTED_TERMS_TAXONOMY}`);
    const entry = byTaxonomy.get(taxonomyId) ?? { name: term.taxonomy ?? IMPORTED_TERMS_TAXONOMY, terms: [] };
    entry.terms.push(term);
    byTaxonomy.set(taxonomyId, entry);
  }
  const known = new Map(
    (
      await db
        .select({
          id: directoryTaxonomies.id,
          name: directoryTaxonomies.name,
          description: directoryTaxonomies.description,
        })
        .from(directoryTaxonomies)
        .where(inArray(directoryTaxonomies.id, [...byTaxonomy.keys()]))
    ).map((t) => [t.id, t]),
  );
  for (const [id, entry] of byTaxonomy) {
    const existing = known.get(id);
    const [{ n }] = await db
      .select({ n: count() })
      .from(directoryTaxonomyTerms)
      .where(eq(directoryTaxonomyTerms.taxonomy_id, id));
    await saveTaxonomies(db, [
      {
        id,
        name: existing?.name ?? entry.name,
        description: existing?.description ?? `Terms used by imported services (${entry.name})`,
        taxonomy_terms: [],
      },
    ]);
    await db.insert(directoryTaxonomyTerms).values(
      entry.terms.map((t, i) => ({
        id: t.id,
        taxonomy_id: id,
        name: t.name,
        description: t.description,
        parent_id: t.parent_id ?? null,
        term_uri: t.term_uri ?? null,
        term: t.term ?? null,
        position: Number(n) + i,
      })),
    );
  }
}

export interface TaxonomyRow extends OrukTaxonomy {
  key?: string;
  licence?: string;
  attribution?: string;
  termCount: number;
}

/** A page of taxonomies (by name) and the total count. */
export async function listTaxonomies(
  db: Db,
  page: number,
  perPage: number,
): Promise<{ total: number; rows: TaxonomyRow[] }> {
  const [{ n }] = await db.select({ n: count() }).from(directoryTaxonomies);
  const rows = await db
    .select({
      t: directoryTaxonomies,
      termCount: sql<number>`(select count(*)::int from directory_taxonomy_terms x where x.taxonomy_id = directory_taxonomies.id)`,
    })
    .from(directoryTaxonomies)
    .orderBy(asc(directoryTaxonomies.name), asc(directoryTaxonomies.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return {
    total: Number(n),
    rows: rows.map(({ t, termCount }) =>
      omitEmpty({
        id: t.id,
        name: t.name,
        description: t.description,
        uri: t.uri ?? undefined,
        version: t.version ?? undefined,
        key: t.key ?? undefined,
        licence: t.licence ?? undefined,
        attribution: t.attribution ?? undefined,
        termCount: Number(termCount),
      }),
    ),
  };
}

function termOut(t: typeof directoryTaxonomyTerms.$inferSelect, taxonomyName: string): OrukTaxonomyTerm {
  return omitEmpty({
    id: t.id,
    name: t.name,
    description: t.description || t.name,
    parent_id: t.parent_id ?? undefined,
    taxonomy: taxonomyName,
    taxonomy_id: t.taxonomy_id,
    term_uri: t.term_uri ?? undefined,
    term: t.term ?? undefined,
  });
}

/** One taxonomy with all its terms in order, or null. */
export async function getTaxonomy(db: Db, id: string): Promise<OrukTaxonomyWithTerms | null> {
  const [t] = await db.select().from(directoryTaxonomies).where(eq(directoryTaxonomies.id, id));
  if (!t) return null;
  const terms = await db
    .select()
    .from(directoryTaxonomyTerms)
    .where(eq(directoryTaxonomyTerms.taxonomy_id, id))
    .orderBy(asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.id));
  return omitEmpty({
    id: t.id,
    name: t.name,
    description: t.description,
    uri: t.uri ?? undefined,
    version: t.version ?? undefined,
    taxonomy_terms: terms.map((x) => termOut(x, t.name)),
  });
}

/** Every taxonomy with its terms (the export), by name. */
export async function allTaxonomies(db: Db): Promise<OrukTaxonomyWithTerms[]> {
  const ids = await db
    .select({ id: directoryTaxonomies.id })
    .from(directoryTaxonomies)
    .orderBy(asc(directoryTaxonomies.name), asc(directoryTaxonomies.id));
  const out: OrukTaxonomyWithTerms[] = [];
  for (const { id } of ids) out.push((await getTaxonomy(db, id))!);
  return out;
}

/** A page of taxonomy terms (by taxonomy then position), optionally of one taxonomy, with the total. */
export async function listTerms(
  db: Db,
  page: number,
  perPage: number,
  filter: { taxonomyId?: string } = {},
): Promise<{ total: number; rows: OrukTaxonomyTerm[] }> {
  const where = filter.taxonomyId ? eq(directoryTaxonomyTerms.taxonomy_id, filter.taxonomyId) : undefined;
  const [{ n }] = await db.select({ n: count() }).from(directoryTaxonomyTerms).where(where);
  const rows = await db
    .select({ t: directoryTaxonomyTerms, taxonomy: directoryTaxonomies.name })
    .from(directoryTaxonomyTerms)
    .innerJoin(directoryTaxonomies, eq(directoryTaxonomies.id, directoryTaxonomyTerms.taxonomy_id))
    .where(where)
    .orderBy(asc(directoryTaxonomies.name), asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return { total: Number(n), rows: rows.map((r) => termOut(r.t, r.taxonomy)) };
}

/** One taxonomy term, or null. */
export async function getTerm(db: Db, id: string): Promise<OrukTaxonomyTerm | null> {
  const [r] = await db
    .select({ t: directoryTaxonomyTerms, taxonomy: directoryTaxonomies.name })
    .from(directoryTaxonomyTerms)
    .innerJoin(directoryTaxonomies, eq(directoryTaxonomies.id, directoryTaxonomyTerms.taxonomy_id))
    .where(eq(directoryTaxonomyTerms.id, id));
  return r ? termOut(r.t, r.taxonomy) : null;
}

/** The terms `ids` and all their descendants (a filter on "Service types" finds every service type). */
export async function termsWithDescendants(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive tree(id) as (
      select id from directory_taxonomy_terms where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})
      union
      select t.id from directory_taxonomy_terms t join tree on t.parent_id = tree.id
    )
    select id from tree`,
  );
  return rows.map((r) => r.id);
}

/** Term ids of a taxonomy. */
export async function termIdsOfTaxonomy(db: Db, taxonomyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: directoryTaxonomyTerms.id })
    .from(directoryTaxonomyTerms)
    .where(eq(directoryTaxonomyTerms.taxonomy_id, taxonomyId));
  return rows.map((r) => r.id);
}
