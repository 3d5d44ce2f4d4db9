// Returns: assemble a plan's figures for the workbook, and apply a filled return in one transaction.
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cachedByVersion } from '../core/versions.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { validateDcCells, type DcRow } from '../../domain/bcf/demandCapacity.js';
import type { FyQuarter } from '../../domain/bcf/period.js';
import { buildReturn } from '../../domain/bcf/returnBuild.js';
import { parseReturn } from '../../domain/bcf/returnParse.js';
import type { ReadSheet, ReturnChanges, Sheet } from '../../domain/bcf/returnTemplate.js';
import { METRIC_DEFINITIONS } from '../../domain/bcf/metrics.js';
import { FUNDING_LINE_LABELS } from '../../domain/bcf/plan.js';
import { scorecard } from '../../domain/bcf/scorecard.js';
import { readDemandCapacity } from './demandCapacity.js';
import { metricInputs, upsertMetricPlan } from './metrics.js';
import { loadPlan, type PlanData } from './plans.js';
import { actualsChange, upsertSchemeActual, upsertSchemeFunding } from './schemes.js';
import { linkText, planRisks } from './risks.js';
import { bcfDemandCapacity, bcfIncome, bcfMetricCounts, bcfPlans, bcfSchemes } from './schema.js';

/**
 * The plan's scorecard: every place and metric, by quarter and year, the baseline year first. Cached per BCF data
 * version (raised by writes to the BCF tables and to the population series the standardised metrics divide by), and
 * worked out from the plan as stored at that version (`plan` names it by its id), so a cached scorecard always
 * matches the data it was read at. Shared between requests: do not change it.
 */
export function planScorecard(db: Db, plan: Pick<PlanData, 'id'>): Promise<ReturnType<typeof scorecard>> {
  return cachedByVersion(db, 'bcf', `scorecard|${plan.id}`, async () => {
    const stored = await loadPlan(db, plan.id);
    const years = [stored.baselineYear, ...stored.years];
    return scorecard(stored.places, years, await metricInputs(db, stored), stored.metricPlans);
  });
}

/** Every demand and capacity row of every plan year. */
export async function allDemandCapacity(db: Db, plan: PlanData): Promise<DcRow[]> {
  const rows: DcRow[] = [];
  for (const y of plan.years) rows.push(...(await readDemandCapacity(db, plan, y)));
  return rows;
}

/** The return's sheets: the plan, or a quarter's return (quarters after it left out of the metrics). */
export async function returnSheets(db: Db, planId: string, quarter: FyQuarter | null, today: string): Promise<Sheet[]> {
  const plan = await loadPlan(db, planId);
  return buildReturn({
    planId: plan.id,
    planName: plan.name,
    years: plan.years,
    places: plan.places,
    income: plan.income,
    schemes: plan.schemes,
    metricPlans: plan.metricPlans,
    counts: plan.metricCounts,
    scorecard: await planScorecard(db, plan),
    demandCapacity: await allDemandCapacity(db, plan),
    narrative: plan.narrative,
    risks: (await planRisks(db, plan, today)).map((r) => ({
      reference: r.reference,
      title: r.title,
      linkedTo: r.links.map(linkText).join('; '),
      owner: r.owner,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      rating: r.band.label,
      mitigation: r.mitigation,
      reviewDate: r.reviewDate,
      status: r.status,
    })),
    quarter,
    generatedOn: today,
  });
}

type Change = { before: Record<string, string | number | null>; after: Record<string, string | number | null> };

/**
 * What a return changes, before → after in words, for the audit log: income, each scheme's planned spend, actual
 * spend and outputs (by `actualsChange`), metric plans and the counts behind metrics, keyed by what they are:
 * "EB-01 2026/27 Q1 BCF minimum NHS contribution: actual spend" → { before: '£150,749.48', after: '£150,000' }.
 * Figures the file gives unchanged are left out; one the plan did not have reads null before.
 */
export function returnChange(
  plan: Pick<PlanData, 'places' | 'income' | 'schemes' | 'metricPlans' | 'metricCounts'>,
  changes: ReturnChanges,
): Change {
  const out: Change = { before: {}, after: {} };
  const pounds = (p: number) => `£${(p / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  const placeName = (id: string) => plan.places.find((p) => p.id === id)?.name ?? 'Another place';
  const line = (l: string) => FUNDING_LINE_LABELS[l as keyof typeof FUNDING_LINE_LABELS] ?? l;
  const put = (key: string, was: string | number | null, now: string | number | null) => {
    if (was === now) return;
    out.before[key] = was;
    out.after[key] = now;
  };
  for (const i of changes.income) {
    const old = plan.income.find(
      (x) => x.placeId === i.placeId && x.year === i.year && x.fundingLine === i.fundingLine,
    );
    put(
      `${placeName(i.placeId)} ${i.year} ${line(i.fundingLine)}: income`,
      old ? pounds(old.amountPence) : null,
      pounds(i.amountPence),
    );
  }
  for (const s of changes.schemes) {
    const old = s.schemeId === null ? undefined : plan.schemes.find((x) => x.id === s.schemeId);
    for (const f of s.funding) {
      const was = old?.funding.find((x) => x.fundingLine === f.fundingLine && x.year === f.year);
      put(
        `${s.ref} ${f.year} ${line(f.fundingLine)}: planned spend`,
        was ? pounds(was.plannedPence) : null,
        pounds(f.plannedPence),
      );
    }
    const actuals = actualsChange(old?.actuals ?? [], s.actuals);
    for (const k of Object.keys(actuals.after)) put(`${s.ref} ${k}`, actuals.before[k], actuals.after[k]);
  }
  const period = (year: string, quarter: number) => (quarter === 0 ? year : `${year} Q${quarter}`);
  const metricName = (m: string) => METRIC_DEFINITIONS[m as keyof typeof METRIC_DEFINITIONS]?.name ?? m;
  for (const m of changes.metricPlans) {
    const was = plan.metricPlans.find(
      (x) => x.placeId === m.placeId && x.metric === m.metric && x.year === m.year && x.quarter === m.quarter,
    );
    put(
      `${placeName(m.placeId)} ${metricName(m.metric)} ${period(m.year, m.quarter)}: plan`,
      was?.value ?? null,
      m.value,
    );
  }
  for (const c of changes.counts) {
    const was = plan.metricCounts.find(
      (x) => x.placeId === c.placeId && x.metric === c.metric && x.year === c.year && x.quarter === c.quarter,
    );
    const at = `${placeName(c.placeId)} ${metricName(c.metric)} ${period(c.year, c.quarter)}`;
    put(`${at}: numerator`, was?.numerator ?? null, c.numerator);
    put(`${at}: denominator`, was?.denominator ?? null, c.denominator);
  }
  return out;
}

/**
 * Apply a filled return to its plan, validated whole first: income, scheme details, planned spend, actual spend
 * and outputs, metric plans and counts, demand and capacity cells and the narrative, each written over the same
 * figures (what the file leaves out is kept). Actual figures only for quarters ended by `today`. One transaction,
 * audited.
 * @throws InputError listing every problem with its sheet, row and column; nothing is written then
 */
export async function applyReturn(
  db: Db,
  actor: AuditActor,
  planId: string,
  sheets: readonly ReadSheet[],
  fileName: string,
  today: string = londonToday(),
): Promise<{
  income: number;
  schemes: number;
  schemesAdded: string[];
  metricPlans: number;
  counts: number;
  demandCapacity: number;
}> {
  const plan = await loadPlan(db, planId);
  const { changes, errors } = parseReturn(sheets, plan, today);
  if (!changes)
    throw new InputError(
      errors,
      `${fileName} was not imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} found; nothing was saved`,
    );
  validateDcCells(changes.demandCapacity);
  await db.transaction(async (tx) => {
    // The figures as they stand inside the transaction, for the audit's before → after.
    const change = returnChange(await loadPlan(tx, plan.id), changes);
    for (const i of changes.income)
      await tx
        .insert(bcfIncome)
        .values(i)
        .onConflictDoUpdate({
          target: [bcfIncome.placeId, bcfIncome.year, bcfIncome.fundingLine],
          set: { amountPence: i.amountPence },
        });
    for (const s of changes.schemes) {
      let schemeId = s.schemeId;
      if (schemeId === null) {
        const [row] = await tx
          .insert(bcfSchemes)
          .values({
            planId: plan.id,
            placeId: s.placeId,
            ref: s.ref,
            name: s.name,
            schemeType: s.schemeType,
            subType: s.subType,
            commissioner: s.commissioner,
            provider: s.provider,
            areaOfSpend: s.areaOfSpend,
          })
          .returning({ id: bcfSchemes.id });
        schemeId = row.id;
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'bcf_scheme',
          entityId: schemeId,
          detail: { ref: s.ref, from: fileName },
        });
      } else
        await tx
          .update(bcfSchemes)
          .set({
            name: s.name,
            schemeType: s.schemeType,
            subType: s.subType,
            commissioner: s.commissioner,
            provider: s.provider,
            areaOfSpend: s.areaOfSpend,
            updatedAt: new Date(),
          })
          .where(eq(bcfSchemes.id, schemeId));
      for (const f of s.funding) await upsertSchemeFunding(tx, schemeId, f);
      for (const a of s.actuals) await upsertSchemeActual(tx, schemeId, a);
    }
    for (const m of changes.metricPlans) await upsertMetricPlan(tx, m);
    for (const c of changes.counts)
      await tx
        .insert(bcfMetricCounts)
        .values(c)
        .onConflictDoUpdate({
          target: [bcfMetricCounts.placeId, bcfMetricCounts.metric, bcfMetricCounts.year, bcfMetricCounts.quarter],
          set: { numerator: c.numerator, denominator: c.denominator, source: c.source, updatedAt: new Date() },
        });
    for (const d of changes.demandCapacity)
      await tx
        .insert(bcfDemandCapacity)
        .values(d)
        .onConflictDoUpdate({
          target: [bcfDemandCapacity.placeId, bcfDemandCapacity.service, bcfDemandCapacity.month],
          set: {
            demand: d.demand,
            capacity: d.capacity,
            demandSource: d.demandSource,
            capacitySource: d.capacitySource,
            updatedAt: new Date(),
          },
        });
    await tx
      .update(bcfPlans)
      .set({ narrative: { ...plan.narrative, ...changes.narrative }, updatedAt: new Date() })
      .where(eq(bcfPlans.id, plan.id));
    await recordAudit(tx, actor, {
      action: 'import_return',
      entity: 'bcf_plan',
      entityId: plan.id,
      detail: {
        fileName,
        schemesAdded: changes.schemes.filter((s) => s.schemeId === null).map((s) => s.ref),
        figuresChanged: Object.keys(change.after).length,
        ...change,
      },
    });
  });
  return {
    income: changes.income.length,
    schemes: changes.schemes.length,
    schemesAdded: changes.schemes.filter((s) => s.schemeId === null).map((s) => s.ref),
    metricPlans: changes.metricPlans.length,
    counts: changes.counts.length,
    demandCapacity: changes.demandCapacity.length,
  };
}
