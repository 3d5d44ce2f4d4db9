// The metric counts Steward can compute itself, for the place whose GSS code is the Steward borough's:
// permanent admissions 65+ from the market area's placements, and discharge to usual place of residence from the
// discharge hub's referrals. Read-only on those areas' tables; writes only bcf_metric_counts.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { getBorough } from '../core/settings.js';
import { populationRows } from '../demand/population.js';
import { financialYearStart, londonMidnight } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { quarterEndDate, quarterLabel, quarterStartDate, quartersOf } from '../../domain/bcf/period.js';
import { populationLabel, espPopulation, population65Plus } from '../../domain/bcf/population.js';
import { bcfMetricCounts } from './schema.js';
import type { MetricCount, PlanData } from './plans.js';

export const PLACEMENTS_SOURCE =
  'Steward placements (council-funded long-term care home placements, older people’s bands)';
export const HUB_SOURCE = 'Steward discharge hub (discharged referrals, deaths left out)';

/** The plan's place whose GSS code is the Steward borough's (the one Steward computes counts for), or null. */
export async function stewardPlaceOf(db: Db, plan: PlanData): Promise<PlanData['places'][number] | null> {
  const borough = await getBorough(db);
  return plan.places.find((p) => p.gssCode === borough?.gssCode) ?? null;
}

/**
 * Counts for every complete quarter of the baseline year and the plan up to `today` for the borough's place: residential admissions
 * (placements started in the quarter ÷ population 65+ of the year) and discharges home (÷ all discharges).
 * @throws InputError when no place of the plan is the Steward borough, or the borough has no population for a year
 */
export async function computeStewardCounts(db: Db, plan: PlanData, today: string): Promise<MetricCount[]> {
  const place = await stewardPlaceOf(db, plan);
  if (!place) {
    const borough = await getBorough(db);
    throw InputError.field(
      'placeId',
      `None of this plan's places is ${borough ? `${borough.name} (${borough.gssCode})` : 'the council Steward is set up for'}, so Steward cannot compute its counts: they come from returns or imports`,
    );
  }
  const series = await populationRows(db, [place.gssCode]);
  const out: MetricCount[] = [];
  for (const q of quartersOf([plan.baselineYear, ...plan.years])) {
    const from = quarterStartDate(q);
    const to = quarterEndDate(q);
    if (to > today) continue;
    const pop = espPopulation(series, place.gssCode, Number(financialYearStart(q.year).slice(0, 4)));
    const pop65 = pop ? population65Plus(pop.bands) : 0;
    if (!pop65) throw InputError.field('population', `No population aged 65+ for ${place.name} in ${q.year}`);
    const [adm] = await queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from placements
          where service_type in ('care_home_residential', 'care_home_nursing') and purpose = 'long_term'
            and funding in ('council', 'joint') and band <> 'individual'
            and start_date >= ${from}::date and start_date < ${to}::date`,
    );
    out.push({
      placeId: place.id,
      metric: 'residential_admissions',
      year: q.year,
      quarter: q.quarter,
      numerator: Number(adm.n),
      denominator: Math.round(pop65),
      source: `${PLACEMENTS_SOURCE}, ${quarterLabel(q)}; population ${populationLabel(pop!)}`,
    });
    const [dis] = await queryRows<{ home: string; all: string }>(
      db,
      sql`select count(*) filter (where destination = 'usual_residence') as home, count(*) as all
          from discharge_referrals
          where discharged_at >= ${londonMidnight(from).toISOString()} and discharged_at < ${londonMidnight(to).toISOString()}
            and destination is not null and destination <> 'died'`,
    );
    if (Number(dis.all) > 0)
      out.push({
        placeId: place.id,
        metric: 'discharge_home',
        year: q.year,
        quarter: q.quarter,
        numerator: Number(dis.home),
        denominator: Number(dis.all),
        source: `${HUB_SOURCE}, ${quarterLabel(q)}`,
      });
  }
  return out;
}

/** Compute and store the borough place's counts (replacing those quarters), in one transaction, audited. */
export async function refreshStewardCounts(
  db: Db,
  actor: AuditActor,
  plan: PlanData,
  today: string,
): Promise<MetricCount[]> {
  return db.transaction(async (tx) => {
    const counts = await computeStewardCounts(tx, plan, today);
    for (const c of counts)
      await tx
        .insert(bcfMetricCounts)
        .values({ ...c, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [bcfMetricCounts.placeId, bcfMetricCounts.metric, bcfMetricCounts.year, bcfMetricCounts.quarter],
          set: { numerator: c.numerator, denominator: c.denominator, source: c.source, updatedAt: new Date() },
        });
    await recordAudit(tx, actor, {
      action: 'refresh_counts',
      entity: 'bcf_plan',
      entityId: plan.id,
      detail: { counts: counts.length },
    });
    return counts;
  });
}
