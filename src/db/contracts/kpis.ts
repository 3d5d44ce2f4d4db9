// Contract KPIs as listed: each KPI with its contract, provider and every period's return state.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { users } from '../core/schema.js';
import { providers } from '../market/schema.js';
import { currentEndDate } from '../../domain/contracts/contract.js';
import {
  returnStatuses,
  type Kpi,
  type KpiDirection,
  type KpiFrequency,
  type KpiMeasure,
  type KpiReturnInput,
  type ReturnStatus,
} from '../../domain/contracts/kpi.js';
import { termOf } from './contracts.js';
import { contracts, kpiReturnAmendments, kpiReturns, kpis } from './schema.js';

export interface KpiView extends Kpi {
  id: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  providerId: string | null;
  providerName: string | null;
  reportingFrom: string;
  /** The day the KPI was retired (no period ending on or after it is due), and why; null while it is measured. */
  retiredOn: string | null;
  retireReason: string | null;
  returns: ReturnStatus[];
  late: number;
  overdue: number;
  offTarget: number;
}

/** A stored KPI row as the domain's KPI (measure, unit, target, direction, frequency, tolerance, due days). */
export function toKpi(k: typeof kpis.$inferSelect): Kpi {
  return {
    name: k.name,
    measure: k.measure as KpiMeasure,
    unit: k.unit,
    target: k.target,
    direction: k.direction as KpiDirection,
    frequency: k.frequency as KpiFrequency,
    tolerance: k.tolerance,
    dueDays: k.dueDays,
  };
}

/** KPIs with every period's return state; a provider sees only its own contracts' KPIs. */
export async function listKpis(
  db: Db,
  asAt: string,
  filter: { providerId?: string; contractId?: string } = {},
): Promise<KpiView[]> {
  const where = [];
  if (filter.providerId) where.push(eq(contracts.providerId, filter.providerId));
  if (filter.contractId) where.push(eq(kpis.contractId, filter.contractId));
  const rows = await db
    .select({ k: kpis, c: contracts, providerName: providers.name })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(contracts.reference), asc(kpis.name));
  if (rows.length === 0) return [];
  // Every return of the listed KPIs in one query (a join, not a long IN list), grouped by KPI.
  const returns = where.length
    ? await db
        .select({ r: kpiReturns })
        .from(kpiReturns)
        .innerJoin(kpis, eq(kpis.id, kpiReturns.kpiId))
        .innerJoin(contracts, eq(contracts.id, kpis.contractId))
        .where(and(...where))
    : await db.select({ r: kpiReturns }).from(kpiReturns);
  // Earlier figures of amended returns, and the names of everyone who gave or amended one.
  const amendedIds = returns.filter(({ r }) => r.amendedOn).map(({ r }) => r.id);
  const amendments = amendedIds.length
    ? await db
        .select()
        .from(kpiReturnAmendments)
        .where(inArray(kpiReturnAmendments.returnId, amendedIds))
        .orderBy(asc(kpiReturnAmendments.createdAt))
    : [];
  const userIds = [
    ...new Set(
      [...returns.map(({ r }) => r.submittedBy), ...amendments.flatMap((a) => [a.previousBy, a.amendedBy])].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const names = new Map(
    userIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map(
          (u) => [u.id, u.name] as const,
        )
      : [],
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const historyOf = new Map<string, KpiReturnInput['history']>();
  for (const a of amendments) {
    const list = historyOf.get(a.returnId) ?? [];
    list.push({
      value: a.previousValue,
      comment: a.previousComment,
      by: nameOf(a.previousBy),
      enteredByStaff: a.previousEnteredByStaff,
      amendedOn: a.amendedOn,
      amendedBy: nameOf(a.amendedBy),
      reason: a.reason,
    });
    historyOf.set(a.returnId, list);
  }
  const byKpi = new Map<string, KpiReturnInput[]>();
  for (const { r } of returns) {
    const list = byKpi.get(r.kpiId) ?? [];
    list.push({
      periodStart: r.periodStart,
      value: r.value,
      submittedOn: r.submittedOn,
      comment: r.comment,
      by: nameOf(r.submittedBy),
      enteredByStaff: r.enteredByStaff,
      amendedOn: r.amendedOn,
      history: historyOf.get(r.id) ?? [],
    });
    byKpi.set(r.kpiId, list);
  }
  return rows.map(({ k, c, providerName }) => {
    const kpi = toKpi(k);
    // A retired KPI owes no period that had not ended before it was retired; returns already in stay.
    const statuses = returnStatuses(
      kpi,
      k.reportingFrom,
      byKpi.get(k.id) ?? [],
      asAt,
      currentEndDate(termOf(c)),
    ).filter((s) => !k.retiredOn || s.periodEnd < k.retiredOn || s.value !== null);
    return {
      ...kpi,
      id: k.id,
      contractId: c.id,
      contractReference: c.reference,
      contractTitle: c.title,
      providerId: c.providerId,
      providerName,
      reportingFrom: k.reportingFrom,
      retiredOn: k.retiredOn,
      retireReason: k.retireReason,
      returns: statuses,
      late: statuses.filter((s) => s.state === 'late').length,
      overdue: statuses.filter((s) => s.state === 'overdue').length,
      offTarget: statuses.filter((s) => s.offTarget).length,
    };
  });
}
