// The Better Care Fund's headline figures on the home dashboard, for the first plan: metrics off plan this year,
// national condition checks not met, and spend to date against plan.
import { firstPlanId, loadPlan } from '../../db/bcf/plans.js';
import { metricInputs } from '../../db/bcf/metrics.js';
import type { Db } from '../../db/client.js';
import { cachedByVersion } from '../../db/core/versions.js';
import { londonToday } from '../../domain/core/dates.js';
import { defaultPlanYear } from '../../domain/bcf/period.js';
import { conditionChecks, spendByFundingLine } from '../../domain/bcf/fundingChecks.js';
import { scorecard } from '../../domain/bcf/scorecard.js';
import type { DashboardSection, SectionSource } from '../dashboard/types.js';

/**
 * The BCF section of the home dashboard: metrics off plan, checks not met and spend to date (pence); null before a plan.
 */
export const bcfSection: SectionSource = async (db, actor) => {
  if (actor.role === 'provider') return null;
  const today = londonToday();
  // The same for every staff user: once per BCF data version and day.
  return cachedByVersion(db, 'bcf', `dashboard|${today}`, () => computeSection(db, today));
};

async function computeSection(db: Db, today: string): Promise<DashboardSection | null> {
  const first = await firstPlanId(db);
  if (!first) return null;
  const plan = await loadPlan(db, first);
  const year = defaultPlanYear(plan.years, today);
  // The scorecard of this year only: each year's figures depend on that year's counts and plans alone, so they
  // equal the whole plan's scorecard's (planScorecard) for the year, without working out the other years.
  const card = scorecard(plan.places, [year], await metricInputs(db, plan), plan.metricPlans);
  const figures = card.map((m) => m.years.find((y) => y.year === year)).filter((y) => y && y.rag !== null);
  const offPlan = figures.filter((y) => y!.rag === 'red').length;
  const unmet = conditionChecks(plan.places, plan.years, plan.income, plan.requirements, plan.schemes).filter(
    (c) => c.year === year && !c.met,
  ).length;
  const lines = spendByFundingLine(year, null, plan.income, plan.schemes);
  const planned = lines.reduce((s, l) => s + l.plannedPence, 0);
  const actual = lines.reduce((s, l) => s + l.actualPence, 0);
  return {
    area: 'bcf',
    title: 'Better Care Fund',
    figures: [
      {
        key: 'bcfMetricsOffPlan',
        label: `Metrics off plan, ${year}`,
        value: offPlan,
        unit: 'count',
        hint: `of ${figures.length} place-metrics with a plan and figures`,
        href: `/bcf/metrics?plan=${plan.id}`,
      },
      {
        key: 'bcfChecksNotMet',
        label: 'National condition checks not met',
        value: unmet,
        unit: 'count',
        href: `/bcf?plan=${plan.id}`,
      },
      {
        key: 'bcfSpendToDate',
        label: `Spend to date, ${year}`,
        value: Math.round(actual),
        unit: 'pence',
        hint: `of £${Math.round(planned / 100).toLocaleString('en-GB')} planned`,
        href: `/bcf?plan=${plan.id}&year=${encodeURIComponent(year)}`,
      },
    ],
  };
}
