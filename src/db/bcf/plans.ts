// BCF plan repository: read a whole plan, write one (demo, re-import), change a scheme's spend and actuals,
// and gather the counts behind the metrics from the BCF tables, hospital activity and the population series.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cachedByVersion } from '../core/versions.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { getBorough } from '../core/settings.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import type { MetricKey } from '../../domain/bcf/metrics.js';
import {
  type AreaOfSpend,
  type Commissioner,
  type FundingLine,
  type Income,
  type MinimumRequirement,
  type Place,
  type Scheme,
  validateScheme,
} from '../../domain/bcf/plan.js';
import type { MetricPlan } from '../../domain/bcf/scorecard.js';
import type { QuarterNumber } from '../../domain/bcf/period.js';
import {
  bcfIncome,
  bcfMetricCounts,
  bcfMetricPlans,
  bcfPlaces,
  bcfPlans,
  bcfRequirements,
  bcfSchemeActuals,
  bcfSchemeFunding,
  bcfSchemes,
} from './schema.js';

export interface MetricCount {
  placeId: string;
  metric: 'residential_admissions' | 'discharge_home';
  year: string;
  quarter: QuarterNumber;
  numerator: number;
  denominator: number;
  source: string;
}

/** A whole plan as stored. */
export interface PlanData {
  id: string;
  name: string;
  years: string[];
  baselineYear: string;
  narrative: Record<string, string>;
  places: Place[];
  income: Income[];
  requirements: MinimumRequirement[];
  schemes: Scheme[];
  metricPlans: MetricPlan[];
  metricCounts: MetricCount[];
}

/**
 * Every BCF plan with its years and the names of its places in their order. The first is the default every page
 * and the home dashboard opens: the council's own plan (a plan covering the served council's GSS code, the fewest
 * places first, so its own plan before a joint one); then the rest, oldest first. Cached per BCF data version
 * (which the borough setting raises too): read again after any write. The list is shared: do not change it.
 */
export function listPlans(db: Db): Promise<{ id: string; name: string; years: string[]; places: string[] }[]> {
  return cachedByVersion(db, 'bcf', 'plans', () => readPlanList(db));
}

async function readPlanList(db: Db): Promise<{ id: string; name: string; years: string[]; places: string[] }[]> {
  const byAge = await db.select().from(bcfPlans).orderBy(asc(bcfPlans.createdAt), asc(bcfPlans.name));
  const places = await db.select().from(bcfPlaces).orderBy(asc(bcfPlaces.sortOrder));
  const council = (await getBorough(db))?.gssCode;
  const own = (planId: string) => {
    const mine = places.filter((x) => x.planId === planId);
    return council && mine.some((x) => x.gssCode === council) ? mine.length : Infinity;
  };
  // A stable sort keeps oldest first among plans equally the council's own (or not its own at all).
  const plans = [...byAge].sort((a, b) => {
    const d = own(a.id) - own(b.id);
    return Number.isNaN(d) ? 0 : d;
  });
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    years: p.years,
    places: places.filter((x) => x.planId === p.id).map((x) => x.name),
  }));
}

/**
 * The id of the default plan, listPlans' first: the plan covering the council's own area with the fewest places,
 * then the oldest, then by name. Two small queries (the borough, then the plans), once per BCF data version (the
 * borough setting raises it too). null when there is no plan.
 */
export function firstPlanId(db: Db): Promise<string | null> {
  return cachedByVersion(db, 'bcf', 'first-plan', () => readFirstPlanId(db));
}

async function readFirstPlanId(db: Db): Promise<string | null> {
  const council = (await getBorough(db))?.gssCode ?? null;
  // Places in a plan when one of them is the council's own area; null (sorted last) otherwise.
  const ownPlaces = sql<number | null>`(select case when bool_or(${bcfPlaces.gssCode} = ${council}) then count(*) end
    from ${bcfPlaces} where ${bcfPlaces.planId} = ${bcfPlans.id})`;
  const [row] = await db
    .select({ id: bcfPlans.id })
    .from(bcfPlans)
    .orderBy(sql`${ownPlaces} asc nulls last`, asc(bcfPlans.createdAt), asc(bcfPlans.name))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The whole plan, cached per BCF data version (issue 15): read from the tables on the first request after any
 * write to a BCF table, then shared, so the object must not be changed (copy it to make a variant).
 * @throws NotFound
 */
export function loadPlan(db: Db, id: string): Promise<PlanData> {
  return cachedByVersion(db, 'bcf', `plan|${id}`, () => readPlan(db, id));
}

/** The whole plan read from the tables. @throws NotFound */
async function readPlan(db: Db, id: string): Promise<PlanData> {
  const [plan] = await db.select().from(bcfPlans).where(eq(bcfPlans.id, id));
  if (!plan) throw new NotFound('BCF plan');
  const places = await db
    .select()
    .from(bcfPlaces)
    .where(eq(bcfPlaces.planId, id))
    .orderBy(asc(bcfPlaces.sortOrder), asc(bcfPlaces.name));
  const placeIds = places.map((p) => p.id);
  const none = placeIds.length === 0;
  const income = none ? [] : await db.select().from(bcfIncome).where(inArray(bcfIncome.placeId, placeIds));
  const reqs = none ? [] : await db.select().from(bcfRequirements).where(inArray(bcfRequirements.placeId, placeIds));
  const schemes = await db.select().from(bcfSchemes).where(eq(bcfSchemes.planId, id)).orderBy(asc(bcfSchemes.ref));
  const schemeIds = schemes.map((s) => s.id);
  const funding = schemeIds.length
    ? await db.select().from(bcfSchemeFunding).where(inArray(bcfSchemeFunding.schemeId, schemeIds))
    : [];
  const actuals = schemeIds.length
    ? await db.select().from(bcfSchemeActuals).where(inArray(bcfSchemeActuals.schemeId, schemeIds))
    : [];
  const plans = none ? [] : await db.select().from(bcfMetricPlans).where(inArray(bcfMetricPlans.placeId, placeIds));
  const counts = none ? [] : await db.select().from(bcfMetricCounts).where(inArray(bcfMetricCounts.placeId, placeIds));
  const byLineYear = (a: { fundingLine: string; year: string }, b: { fundingLine: string; year: string }) =>
    a.year.localeCompare(b.year) || a.fundingLine.localeCompare(b.fundingLine);
  return {
    id: plan.id,
    name: plan.name,
    years: plan.years,
    baselineYear: plan.baselineYear,
    narrative: plan.narrative,
    places: places.map((p) => ({ id: p.id, name: p.name, gssCode: p.gssCode })),
    income: income
      .map((i) => ({
        placeId: i.placeId,
        year: i.year,
        fundingLine: i.fundingLine as FundingLine,
        amountPence: i.amountPence,
      }))
      .sort((a, b) => a.placeId.localeCompare(b.placeId) || byLineYear(a, b)),
    requirements: reqs.map((r) => ({
      placeId: r.placeId,
      year: r.year,
      socialCarePence: r.socialCarePence,
      outOfHospitalPence: r.outOfHospitalPence,
    })),
    schemes: schemes.map((s) => ({
      id: s.id,
      placeId: s.placeId,
      ref: s.ref,
      name: s.name,
      schemeType: s.schemeType,
      subType: s.subType,
      objective: s.objective,
      commissioner: s.commissioner as Commissioner,
      provider: s.provider,
      areaOfSpend: s.areaOfSpend as AreaOfSpend,
      contractIds: s.contractIds,
      plannedOutputs: s.plannedOutputs,
      outputUnit: s.outputUnit,
      funding: funding
        .filter((f) => f.schemeId === s.id)
        .map((f) => ({ fundingLine: f.fundingLine as FundingLine, year: f.year, plannedPence: f.plannedPence }))
        .sort(byLineYear),
      actuals: actuals
        .filter((a) => a.schemeId === s.id)
        .map((a) => ({
          fundingLine: a.fundingLine as FundingLine,
          year: a.year,
          quarter: a.quarter as QuarterNumber,
          actualPence: a.actualPence,
          outputs: a.outputs,
        }))
        .sort((a, b) => byLineYear(a, b) || a.quarter - b.quarter),
    })),
    metricPlans: plans.map((p) => ({
      placeId: p.placeId,
      metric: p.metric as MetricKey,
      year: p.year,
      quarter: p.quarter as 0 | QuarterNumber,
      value: p.value,
    })),
    metricCounts: counts.map((c) => ({
      placeId: c.placeId,
      metric: c.metric as MetricCount['metric'],
      year: c.year,
      quarter: c.quarter as QuarterNumber,
      numerator: c.numerator,
      denominator: c.denominator,
      source: c.source,
    })),
  };
}

export interface NewPlan {
  name: string;
  years: string[];
  baselineYear: string;
  narrative?: Record<string, string>;
  places: { key: string; name: string; gssCode: string }[];
  /** Rows below name their place by its key. */
  income: (Omit<Income, 'placeId'> & { place: string })[];
  requirements: (Omit<MinimumRequirement, 'placeId'> & { place: string })[];
  schemes: (Omit<Scheme, 'id' | 'placeId'> & { place: string })[];
  metricPlans: (Omit<MetricPlan, 'placeId'> & { place: string })[];
  metricCounts: (Omit<MetricCount, 'placeId'> & { place: string })[];
}

/**
 * Write a whole plan (call inside a transaction). Returns the plan id and each place key's id.
 * @throws InputError naming any scheme at fault
 */
export async function createPlan(
  db: Db,
  actor: AuditActor,
  input: NewPlan,
): Promise<{ id: string; placeIds: Record<string, string>; schemeIds: Record<string, string> }> {
  const errors = input.schemes.flatMap((s, i) => {
    try {
      validateScheme({ ...s, placeId: '' }, input.years);
      return [];
    } catch (e) {
      if (e instanceof InputError) return e.errors.map((x) => ({ ...x, field: `schemes.${i}.${x.field}` }));
      throw e;
    }
  });
  if (errors.length) throw new InputError(errors, 'The plan has problems');
  const [plan] = await db
    .insert(bcfPlans)
    .values({
      name: input.name,
      years: input.years,
      baselineYear: input.baselineYear,
      narrative: input.narrative ?? {},
    })
    .returning({ id: bcfPlans.id });
  const placeIds: Record<string, string> = {};
  for (const [i, p] of input.places.entries()) {
    const [row] = await db
      .insert(bcfPlaces)
      .values({ planId: plan.id, name: p.name, gssCode: p.gssCode, sortOrder: i })
      .returning({ id: bcfPlaces.id });
    placeIds[p.key] = row.id;
  }
  const place = (key: string) => {
    const id = placeIds[key];
    if (!id) throw InputError.field('place', `No place with key ${key}`);
    return id;
  };
  if (input.income.length)
    await db.insert(bcfIncome).values(input.income.map(({ place: k, ...i }) => ({ ...i, placeId: place(k) })));
  if (input.requirements.length)
    await db
      .insert(bcfRequirements)
      .values(input.requirements.map(({ place: k, ...r }) => ({ ...r, placeId: place(k) })));
  const schemeIds: Record<string, string> = {};
  for (const s of input.schemes) {
    const { place: k, funding, actuals, ...fields } = s;
    const [row] = await db
      .insert(bcfSchemes)
      .values({ ...fields, planId: plan.id, placeId: place(k) })
      .returning({ id: bcfSchemes.id });
    schemeIds[s.ref] = row.id;
    if (funding.length) await db.insert(bcfSchemeFunding).values(funding.map((f) => ({ ...f, schemeId: row.id })));
    if (actuals.length) await db.insert(bcfSchemeActuals).values(actuals.map((a) => ({ ...a, schemeId: row.id })));
  }
  for (let i = 0; i < input.metricPlans.length; i += 500)
    await db
      .insert(bcfMetricPlans)
      .values(input.metricPlans.slice(i, i + 500).map(({ place: k, ...m }) => ({ ...m, placeId: place(k) })));
  for (let i = 0; i < input.metricCounts.length; i += 500)
    await db
      .insert(bcfMetricCounts)
      .values(input.metricCounts.slice(i, i + 500).map(({ place: k, ...m }) => ({ ...m, placeId: place(k) })));
  await recordAudit(db, actor, {
    action: 'create',
    entity: 'bcf_plan',
    entityId: plan.id,
    detail: { places: input.places.length, schemes: input.schemes.length },
  });
  return { id: plan.id, placeIds, schemeIds };
}
