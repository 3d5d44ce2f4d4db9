// Population repository: areas and figures. Writes replace a whole (area, kind, vintage) at once.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';
import {
  type PopulationKind,
  type PopulationSex,
  seriesFromColumns,
  type SourcedPopulationSeries,
} from '../../domain/demand/population.js';
import { demandAreas, populationSeries } from './schema.js';
import { formatSpan } from '../../domain/core/format.js';

/**
 * The kind of area a GSS code names, from its prefix: local authority (E06–E09 and the other nations'), county, region.
 */
export function areaTypeOf(code: string): string {
  const prefix = code.slice(0, 3);
  if (['E06', 'E07', 'E08', 'E09', 'W06', 'S12', 'N09'].includes(prefix)) return 'local_authority';
  if (prefix === 'E10') return 'county';
  if (prefix === 'E12') return 'region';
  if (['E92', 'W92', 'S92', 'N92', 'K02', 'K03', 'K04'].includes(prefix)) return 'country';
  if (['E05', 'W05', 'S13', 'N08'].includes(prefix)) return 'ward';
  return 'other';
}

export interface AreaInput {
  code: string;
  name: string;
  areaType?: string;
  parentCode?: string | null;
  synthetic?: boolean;
}

/** Creates or renames areas. */
export async function upsertAreas(db: Db, areas: readonly AreaInput[]): Promise<void> {
  for (let i = 0; i < areas.length; i += 500) {
    const batch = areas.slice(i, i + 500).map((a) => ({
      code: a.code,
      name: a.name,
      areaType: a.areaType ?? areaTypeOf(a.code),
      parentCode: a.parentCode ?? null,
      synthetic: a.synthetic ?? false,
    }));
    await db
      .insert(demandAreas)
      .values(batch)
      .onConflictDoUpdate({ target: demandAreas.code, set: { name: sql`excluded.name`, updatedAt: sql`now()` } });
  }
}

export interface FigureColumns {
  kind: PopulationKind;
  source: string;
  vintage: string;
  areaCode: readonly string[];
  year: readonly number[];
  sex: readonly PopulationSex[];
  ageFrom: readonly number[];
  ageTo: readonly (number | null)[];
  count: readonly number[];
}

/**
 * Replaces the series of every (area, kind, vintage) present in `data`. Returns how many figures were
 * written and how many older ones they replaced. Call inside a transaction.
 */
export async function replacePopulation(
  db: Db,
  data: FigureColumns,
  onProgress?: (done: number, total: number) => void,
): Promise<{ written: number; replaced: number }> {
  const areas = [...new Set(data.areaCode)];
  let replaced = 0;
  for (let i = 0; i < areas.length; i += 200) {
    const chunk = areas.slice(i, i + 200);
    const deleted = await db
      .delete(populationSeries)
      .where(
        and(
          inArray(populationSeries.areaCode, chunk),
          eq(populationSeries.kind, data.kind),
          eq(populationSeries.vintage, data.vintage),
        ),
      )
      .returning({ n: sql<number>`cardinality(${populationSeries.counts})` });
    replaced += deleted.reduce((s, d) => s + Number(d.n), 0);
  }
  const series = seriesFromColumns(data);
  const BATCH = 500;
  for (let i = 0; i < series.length; i += BATCH) {
    await db
      .insert(populationSeries)
      .values(
        series.slice(i, i + BATCH).map((x) => ({ ...x, kind: data.kind, source: data.source, vintage: data.vintage })),
      );
    onProgress?.(Math.min(series.length, i + BATCH), series.length);
  }
  return { written: data.count.length, replaced };
}

/** Every area with imported population, with its name, type and the years and sources held. */
export async function listAreas(db: Db): Promise<
  {
    code: string;
    name: string;
    areaType: string;
    synthetic: boolean;
    figures: number;
    years: string | null;
    vintages: string[];
  }[]
> {
  const rows = await queryRows<{
    code: string;
    name: string;
    area_type: string;
    synthetic: boolean;
    figures: string;
    min_year: number | null;
    max_year: number | null;
    vintages: string[] | null;
  }>(
    db,
    sql`select a.code, a.name, a.area_type, a.synthetic, coalesce(sum(cardinality(p.counts)), 0) as figures, min(p.year) as min_year, max(p.year) as max_year,
          array_remove(array_agg(distinct p.kind || ': ' || p.vintage), null) as vintages
        from demand_areas a left join population_series p on p.area_code = a.code
        group by a.code, a.name, a.area_type, a.synthetic order by a.name`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    areaType: r.area_type,
    synthetic: r.synthetic,
    figures: Number(r.figures),
    years: r.min_year === null ? null : formatSpan(r.min_year, r.max_year),
    vintages: r.vintages ?? [],
  }));
}

/** An area's stored name and type, or null. */
export async function getArea(db: Db, code: string) {
  const [row] = await db.select().from(demandAreas).where(eq(demandAreas.code, code));
  return row ?? null;
}

/**
 * Every series for the given areas, with its kind and vintage (the domain chooses which to use). Arrays
 * come back as text and are split here: much faster than element-by-element array parsing on PGlite.
 */
export async function populationRows(db: Db, areaCodes: readonly string[]): Promise<SourcedPopulationSeries[]> {
  if (areaCodes.length === 0) return [];
  const rows = await queryRows<{
    area_code: string;
    year: number;
    sex: PopulationSex;
    kind: PopulationKind;
    vintage: string;
    age_from: string;
    counts: string;
  }>(
    db,
    sql`select area_code, year, sex, kind, vintage, array_to_string(age_from, ',') as age_from, array_to_string(counts, ',') as counts
        from population_series where area_code in (${sql.join(
          areaCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
        order by area_code, year`,
  );
  return rows.map((r) => ({
    areaCode: r.area_code,
    year: Number(r.year),
    sex: r.sex,
    kind: r.kind,
    vintage: r.vintage,
    ageFrom: r.age_from.split(',').map(Number),
    counts: r.counts.split(',').map(Number),
  }));
}

/** Total residents in the latest estimate year (or, without estimates, the current year's projection). */
export async function residentsLatest(
  db: Db,
  areaCode: string,
  currentYear = new Date().getUTCFullYear(),
): Promise<{ year: number; people: number; kind: string } | null> {
  const rows = await queryRows<{ year: number; kind: string; people: number }>(
    db,
    sql`select year, kind, sum((select sum(c) from unnest(counts) c)) as people from population_series
        where area_code = ${areaCode} and sex in ('female', 'male')
        group by year, kind, vintage
        union all
        select year, kind, sum((select sum(c) from unnest(counts) c)) as people from population_series p
        where area_code = ${areaCode} and sex = 'persons'
          and not exists (select 1 from population_series q where q.area_code = p.area_code and q.year = p.year and q.kind = p.kind and q.vintage = p.vintage and q.sex <> 'persons')
        group by year, kind, vintage`,
  );
  const estimates = rows.filter((r) => r.kind === 'estimate').sort((a, b) => b.year - a.year);
  const pick = estimates[0] ?? rows.filter((r) => r.kind === 'projection' && r.year === currentYear)[0];
  return pick ? { year: Number(pick.year), people: Number(pick.people), kind: pick.kind } : null;
}
