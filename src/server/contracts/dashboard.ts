// The contracts area's figures on the home dashboard (staff only: providers see their own pages instead).
import type { Actor } from '../../domain/core/auth.js';
import type { Db } from '../../db/client.js';
import { cachedByVersion } from '../../db/core/versions.js';
import { londonToday } from '../../domain/core/dates.js';
import { horizonTotals } from '../../domain/contracts/recommissioning.js';
import { listAssessments } from '../../db/contracts/assessments.js';
import { listKpis } from '../../db/contracts/kpis.js';
import { listProcurements, recommissioning } from '../../db/contracts/procurements.js';
import type { DashboardSection } from '../dashboard/types.js';

/** The contracts section of the home dashboard: contracts ending within 12 months, procurements that cannot finish
in time, KPI returns and quality action plans overdue. Cached per contracts data version and London date. */
export async function contractsSection(db: Db, actor: Actor): Promise<DashboardSection | null> {
  if (actor.role === 'provider') return null;
  const today = londonToday();
  // The same for every member of staff: cached per contracts data version and London date.
  return cachedByVersion(db, 'contracts', `dashboard|${today}`, () => staffSection(db, today));
}

async function staffSection(db: Db, today: string): Promise<DashboardSection | null> {
  const entries = await recommissioning(db, today, 12);
  const procs = await listProcurements(db, today);
  if (entries.length === 0 && procs.length === 0) return null;
  const within12 = horizonTotals(entries).find((t) => t.horizon === 12)!;
  const kpis = await listKpis(db, today);
  const assessments = await listAssessments(db, today);
  return {
    area: 'contracts',
    title: 'Contracts and delivery',
    figures: [
      {
        key: 'contracts_ending_12m',
        label: 'Contracts ending within 12 months',
        value: within12.contracts,
        unit: 'count',
        hint: `£${Math.round(within12.annualValuePence / 100).toLocaleString('en-GB')} a year`,
        href: '/contracts/recommissioning?horizon=12',
      },
      {
        key: 'procurements_late',
        label: 'Procurements that cannot finish before the contract ends',
        value: procs.filter((p) => p.forecast.cannotFinishBeforeContractEnd).length,
        unit: 'count',
        href: '/contracts/procurements',
      },
      {
        key: 'kpi_returns_overdue',
        label: 'KPI returns overdue',
        value: kpis.reduce((n, k) => n + k.overdue, 0),
        unit: 'count',
        href: '/contracts/kpis',
      },
      {
        key: 'action_plans_overdue',
        label: 'Quality action plans overdue',
        value: assessments.filter((a) => a.actionPlanState === 'overdue').length,
        unit: 'count',
        href: '/contracts/assessments',
      },
    ],
  };
}
