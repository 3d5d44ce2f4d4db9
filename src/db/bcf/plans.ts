// BCF plan repository: read a whole plan, write one (demo, re-import), change a scheme's spend and actuals,
// and gather the counts behind the metrics from the BCF tables, hospital activity and the population series.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { populationRows } from '../demand/population.js';
import { contracts } from '../contracts/schema.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { ESP2013_65_PLUS } from '../../domain/bcf/esp2013.js';
import type { MetricKey } from '../../domain/bcf/metrics.js';
import {
  type AreaOfSpend,
  type Commissioner,
  type FundingLine,
  type Income,
  type MinimumRequirement,
  type Place,
  type Scheme,
  type SchemeActual,
  type SchemeFunding,
  validateScheme,
} from '../../domain/bcf/plan.js';
import { populationLabel, espPopulation } from '../../domain/bcf/population.js';
import { financialYearStart } from '../../domain/core/dates.js';
import type { MetricInput, MetricPlan } from '../../domain/bcf/scorecard.js';
import type { QuarterNumber } from '../../domain/bcf/period.js';
import {
  bcfActivity,
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

/** Every BCF plan, oldest first, with its years and the names of its places in their order. */
export async function listPlans(db: Db): Promise<{ id: string; name: string; years: string[]; places: string[] }[]> {
  const plans = await db.select().from(bcfPlans).orderBy(asc(bcfPlans.createdAt), asc(bcfPlans.name));
  const places = await db.select().from(bcfPlaces).orderBy(asc(bcfPlaces.sortOrder));
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    years: p.years,
    places: places.filter((x) => x.planId === p.id).map((x) => x.name),
  }));
}

/** The whole plan. @throws NotFound */
export async function loadPlan(db: Db, id: string): Promise<PlanData> {
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

async function schemeOf(db: Db, id: string) {
  const [row] = await db.select().from(bcfSchemes).where(eq(bcfSchemes.id, id));
  if (!row) throw new NotFound('Scheme');
  return row;
}

/**
 * Replace a scheme's planned spend for the funding lines and years given (other lines and years are kept).
 * In one transaction, audited with the before and after totals. @throws NotFound, InputError
 */
export async function updateSchemeSpend(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  funding: SchemeFunding[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    const [plan] = await tx.select().from(bcfPlans).where(eq(bcfPlans.id, scheme.planId));
    validateScheme(
      {
        ...scheme,
        commissioner: scheme.commissioner as Commissioner,
        areaOfSpend: scheme.areaOfSpend as AreaOfSpend,
        funding,
      },
      plan.years,
    );
    const before = await tx.select().from(bcfSchemeFunding).where(eq(bcfSchemeFunding.schemeId, schemeId));
    for (const f of funding) {
      await tx
        .insert(bcfSchemeFunding)
        .values({ schemeId, ...f })
        .onConflictDoUpdate({
          target: [bcfSchemeFunding.schemeId, bcfSchemeFunding.fundingLine, bcfSchemeFunding.year],
          set: { plannedPence: f.plannedPence },
        });
    }
    await tx.update(bcfSchemes).set({ updatedAt: new Date() }).where(eq(bcfSchemes.id, schemeId));
    await recordAudit(tx, actor, {
      action: 'update_spend',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: {
        ref: scheme.ref,
        before: before.map((b) => ({ fundingLine: b.fundingLine, year: b.year, plannedPence: b.plannedPence })),
        after: funding,
      },
    });
  });
}

/** Record a scheme's actual spend and outputs for quarters (replacing those quarters' figures). Audited. */
export async function putSchemeActuals(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  actuals: SchemeActual[],
): Promise<void> {
  const bad = actuals.flatMap((a, i) =>
    !Number.isInteger(a.actualPence) || a.actualPence < 0
      ? [{ field: `actuals.${i}.actualPence`, message: 'Actual spend must be whole pence, 0 or more' }]
      : [],
  );
  if (bad.length) throw new InputError(bad);
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    for (const a of actuals)
      await tx
        .insert(bcfSchemeActuals)
        .values({ schemeId, ...a })
        .onConflictDoUpdate({
          target: [
            bcfSchemeActuals.schemeId,
            bcfSchemeActuals.fundingLine,
            bcfSchemeActuals.year,
            bcfSchemeActuals.quarter,
          ],
          set: { actualPence: a.actualPence, outputs: a.outputs },
        });
    await recordAudit(tx, actor, {
      action: 'update_actuals',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: { ref: scheme.ref, quarters: actuals.length },
    });
  });
}

/** Which measure of hospital activity feeds each standardised metric. */
export const ACTIVITY_MEASURE: Record<'falls' | 'avoidable_admissions', string> = {
  falls: 'falls_65',
  avoidable_admissions: 'acsc',
};

/**
 * Every count behind the plan's metrics: stored counts (residential admissions, discharge home) and, for the
 * standardised metrics, hospital activity by band with the place's population by band for the year (the mid-year
 * estimate, else projection, of the need and demand area). A quarter with activity but no population is left out.
 */
export async function metricInputs(db: Db, plan: PlanData): Promise<MetricInput[]> {
  const out: MetricInput[] = plan.metricCounts.map((c) => ({
    placeId: c.placeId,
    metric: c.metric,
    year: c.year,
    quarter: c.quarter,
    numerator: c.numerator,
    denominator: c.denominator,
    bands: null,
    source: c.source,
  }));
  const codes = plan.places.map((p) => p.gssCode);
  if (codes.length === 0) return out;
  const activity = await db
    .select()
    .from(bcfActivity)
    .where(and(inArray(bcfActivity.gssCode, codes), inArray(bcfActivity.year, [plan.baselineYear, ...plan.years])));
  if (activity.length === 0) return out;
  const series = await populationRows(db, codes);
  for (const place of plan.places) {
    for (const metric of ['falls', 'avoidable_admissions'] as const) {
      const mine = activity.filter((a) => a.gssCode === place.gssCode && a.measure === ACTIVITY_MEASURE[metric]);
      const quarters = new Set(mine.map((a) => `${a.year}|${a.quarter}`));
      for (const key of quarters) {
        const [year, q] = key.split('|');
        const pop = espPopulation(series, place.gssCode, Number(financialYearStart(year).slice(0, 4)));
        if (!pop) continue;
        const wanted = metric === 'falls' ? ESP2013_65_PLUS.map((b) => b.band) : pop.bands.map((b) => b.band);
        const rows = mine.filter((a) => a.year === year && a.quarter === Number(q));
        const bands = wanted.flatMap((band) => {
          const p = pop.bands.find((b) => b.band === band);
          if (!p) return [];
          return [
            {
              band,
              population: p.population,
              events: rows.filter((r) => r.ageBand === band).reduce((s, r) => s + r.admissions, 0),
            },
          ];
        });
        out.push({
          placeId: place.id,
          metric,
          year,
          quarter: Number(q) as QuarterNumber,
          numerator: null,
          denominator: null,
          bands,
          source: `${rows[0].source}; population ${populationLabel(pop)}`,
        });
      }
    }
  }
  return out;
}

/** Set metric plan values (replacing the same place, metric, year and quarter). Audited. */
export async function putMetricPlans(db: Db, actor: AuditActor, planId: string, rows: MetricPlan[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of rows)
      await tx
        .insert(bcfMetricPlans)
        .values(r)
        .onConflictDoUpdate({
          target: [bcfMetricPlans.placeId, bcfMetricPlans.metric, bcfMetricPlans.year, bcfMetricPlans.quarter],
          set: { value: r.value },
        });
    await recordAudit(tx, actor, {
      action: 'update_metric_plans',
      entity: 'bcf_plan',
      entityId: planId,
      detail: { values: rows.length },
    });
  });
}

/**
 * Set the register contracts a scheme names (replacing the list). Audited with before and after.
 * @throws NotFound when the scheme is not found; InputError naming each id that is not a contract of the register
 */
export async function setSchemeContracts(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  contractIds: string[],
): Promise<void> {
  const ids = [...new Set(contractIds)];
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    const found = ids.length
      ? await tx.select({ id: contracts.id }).from(contracts).where(inArray(contracts.id, ids))
      : [];
    const bad = ids.flatMap((id, i) =>
      found.some((f) => f.id === id)
        ? []
        : [{ field: `contractIds.${i}`, message: 'Choose a contract from the register', in: 'body' as const }],
    );
    if (bad.length) throw new InputError(bad);
    await tx.update(bcfSchemes).set({ contractIds: ids, updatedAt: new Date() }).where(eq(bcfSchemes.id, schemeId));
    await recordAudit(tx, actor, {
      action: 'update_contracts',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: { ref: scheme.ref, before: scheme.contractIds, after: ids },
    });
  });
}
