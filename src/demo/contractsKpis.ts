// The contracts demo's KPIs: a catalogue of the performance indicators its contracts carry, and a year and a
// quarter of returns against each (mostly on time and near target, some late, a few never sent).
import type { Db } from '../db/client.js';
import { kpiReturns, kpis } from '../db/contracts/schema.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, addMonths, type IsoDate } from '../domain/core/dates.js';
import { periodsDue, kpiMeasureFromUnit, kpiRag, type Kpi, type KpiFrequency } from '../domain/contracts/kpi.js';

/** A KPI to put on a demo contract: the KPI itself, and how its synthetic returns are drawn. */
export interface KpiSpec extends Omit<Kpi, 'dueDays' | 'measure'> {
  /** Spread of returned values around target (sd, in the unit). */
  sd: number;
  /** Leave the latest ended period without a return (so a provider can submit it). */
  leaveLatestOpen?: boolean;
}

/** The catalogue of demo KPIs by short name (targets, tolerances and spreads in each KPI's unit). */
export const K = {
  admissions24h: {
    name: 'Admissions accepted within 24 hours of referral',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 5,
  },
  occupancy: {
    name: 'Block bed occupancy',
    unit: '%',
    target: 92,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 4,
    sd: 4,
  },
  d2aHome: {
    name: 'Discharge to assess: people going home within 6 weeks',
    unit: '%',
    target: 30,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  reviews: {
    name: 'Residents with a care plan review in the quarter',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 3,
  },
  missed: {
    name: 'Missed visits',
    unit: '%',
    target: 1,
    direction: 'lower_is_better',
    frequency: 'monthly',
    tolerance: 0.5,
    sd: 0.45,
  },
  delivered: {
    name: 'Care hours delivered against commissioned',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 2.5,
  },
  tenancies: {
    name: 'Tenancies sustained',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 2.5,
  },
  home91: {
    name: 'Older people still at home 91 days after discharge into reablement',
    unit: '%',
    target: 82,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 3,
  },
  start48h: {
    name: 'Referrals started within 48 hours',
    unit: '%',
    target: 85,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 5,
  },
  welfare24h: {
    name: 'Welfare call within 24 hours of discharge',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 3,
  },
  carersAssessed: {
    name: "Carers' assessments completed within 28 days",
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  newCarers: {
    name: 'New carers identified',
    unit: 'carers',
    target: 150,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 15,
    sd: 20,
  },
  peopleSupported: {
    name: 'People supported',
    unit: 'people',
    target: 400,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 40,
    sd: 45,
  },
  wellbeing: {
    name: 'People reporting improved wellbeing (WEMWBS)',
    unit: '%',
    target: 70,
    direction: 'higher_is_better',
    frequency: 'six_monthly',
    tolerance: 5,
    sd: 5,
  },
  advocacy5d: {
    name: 'Advocacy referrals allocated within 5 working days',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  equipment7d: {
    name: 'Standard equipment delivered within 7 days',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 2.5,
  },
  sameDay: {
    name: 'Same-day deliveries for hospital discharge',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 4,
  },
  meals: {
    name: 'Meals delivered on time',
    unit: '%',
    target: 97,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 2,
    sd: 1.5,
  },
} satisfies Record<string, KpiSpec>;

/** A catalogue KPI, with some of its fields changed for one contract (for example a lower target). */
export const kpi = (k: KpiSpec, extra: Partial<KpiSpec> = {}): KpiSpec => ({ ...k, ...extra });

/**
 * Insert each contract's KPIs, reporting from fifteen months before `asAt`, and their returns for every period
 * due by `asAt`: 86% sent on time, 9% late, 5% never sent; values drawn around target (percentages kept within
 * 0–100, counts whole), a comment on those rated red. `contractIds` maps contract references to ids (every
 * reference in `contracts` must be there). Returns how many KPIs it inserted. Draws from `kg` in contract order.
 */
export async function loadKpiReturns(
  db: Db,
  contracts: readonly { reference: string; kpis?: KpiSpec[] }[],
  contractIds: ReadonlyMap<string, string>,
  asAt: IsoDate,
  kg: Rng,
): Promise<number> {
  let kpiCount = 0;
  for (const s of contracts) {
    for (const k of s.kpis ?? []) {
      const contractId = contractIds.get(s.reference)!;
      const reportingFrom = addMonths(`${asAt.slice(0, 7)}-01`, -15);
      const [row] = await db
        .insert(kpis)
        .values({
          contractId,
          name: k.name,
          measure: kpiMeasureFromUnit(k.unit),
          unit: k.unit,
          target: k.target,
          direction: k.direction,
          frequency: k.frequency,
          tolerance: k.tolerance,
          dueDays: null,
          reportingFrom,
        })
        .returning({ id: kpis.id });
      kpiCount++;
      const periods = periodsDue({ frequency: k.frequency as KpiFrequency, dueDays: null }, reportingFrom, asAt);
      const values = [];
      for (const [i, p] of periods.entries()) {
        const latest = i === periods.length - 1;
        if (latest && k.leaveLatestOpen) continue;
        const x = kg.next();
        // 86% on time, 9% late, 5% never sent (overdue once past the due date).
        if (x >= 0.95 && p.dueDate < asAt) continue;
        const submittedOn = x < 0.86 ? addDays(p.dueDate, -kg.int(0, 8)) : addDays(p.dueDate, kg.int(1, 25));
        if (submittedOn > asAt) continue;
        let value = kg.normal(k.target + (k.direction === 'higher_is_better' ? 1 : -1) * k.sd, k.sd);
        if (k.unit === '%') value = Math.min(100, Math.max(0, value));
        else value = Math.max(0, Math.round(value));
        value = Math.round(value * 10) / 10;
        values.push({
          kpiId: row.id,
          periodStart: p.periodStart,
          value,
          submittedOn,
          comment: kpiRag(k, value) === 'red' ? 'Below target: staffing pressures this period' : null,
        });
      }
      if (values.length) await db.insert(kpiReturns).values(values);
    }
  }
  return kpiCount;
}
