// The history of a contract and of a procurement: their audited changes, described, newest first.
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { locations, providers } from '../market/schema.js';
import { NotFound } from '../../domain/core/errors.js';
import { describeHistoryEntry, type HistoryEntry } from '../../domain/contracts/history.js';
import { auditLog, users } from '../core/schema.js';
import { contracts, kpis, procurements } from './schema.js';

/** The audited changes matching `where` (a condition on the audit trail), described, newest first. */
async function historyOf(db: Db, where: SQL): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ a: auditLog, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id));
  // Providers and locations a change moved between, by name rather than id.
  const ids = new Set<string>();
  for (const { a } of rows)
    for (const side of ['before', 'after'])
      for (const key of ['providerId', 'locationId']) {
        const v = (a.detail?.[side] as Record<string, unknown> | undefined)?.[key];
        if (typeof v === 'string') ids.add(v);
      }
  const names = new Map<string, string>();
  if (ids.size) {
    const list = [...ids];
    for (const p of await db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(inArray(providers.id, list)))
      names.set(p.id, p.name);
    for (const l of await db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(inArray(locations.id, list)))
      names.set(l.id, l.name);
  }
  return rows.map(({ a, userName }) =>
    describeHistoryEntry(
      {
        id: a.id,
        at: a.at.toISOString(),
        who: userName ?? a.actorLabel,
        action: a.action,
        entity: a.entity,
        detail: a.detail ?? {},
      },
      names,
    ),
  );
}

/** A procurement's history, newest first: when it was started and every change to its stages' dates. */
export async function procurementHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  return historyOf(db, and(eq(auditLog.entity, 'procurement'), eq(auditLog.entityId, id))!);
}

/**
 * The contract's history, newest first: every audited change to the contract itself, its KPIs (including those
 * retired or removed) and the procurements
 * started from it, each described in words with the fields changed (before → after).
 * @throws NotFound when there is no such contract
 */
export async function contractHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const [c] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, id));
  if (!c) throw new NotFound('Contract');
  const kpiIds = (await db.select({ id: kpis.id }).from(kpis).where(eq(kpis.contractId, id))).map((k) => k.id);
  const procIds = (
    await db.select({ id: procurements.id }).from(procurements).where(eq(procurements.contractId, id))
  ).map((p) => p.id);
  return historyOf(
    db,
    or(
      and(eq(auditLog.entity, 'contract'), eq(auditLog.entityId, id)),
      // KPIs by id, and by the contract their entry names (a KPI removed without returns is no longer in kpis).
      and(
        eq(auditLog.entity, 'kpi'),
        or(
          kpiIds.length ? inArray(auditLog.entityId, kpiIds) : sql`false`,
          sql`${auditLog.detail}->>'contractId' = ${id}`,
        ),
      ),
      procIds.length ? and(eq(auditLog.entity, 'procurement'), inArray(auditLog.entityId, procIds)) : sql`false`,
    )!,
  );
}
