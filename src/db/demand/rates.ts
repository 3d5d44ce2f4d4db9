// Rates repository. The shipped defaults live in code (src/domain/demand/defaults.ts); a row here is a
// commissioner's edited version of a default, or a rate they added. Reset removes the row.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { DEFAULT_RATES } from '../../domain/demand/defaults.js';
import type { CareGroup, RateDefinition, RateKind, Service } from '../../domain/demand/rates.js';
import { demandRates } from './schema.js';

export interface StoredRate extends RateDefinition {
  /** true while the shipped default is in use (never edited, or reset). */
  isDefault: boolean;
  /** true for a rate Steward ships (can be reset but not deleted). */
  shipped: boolean;
  updatedAt: string | null;
}

function fromRow(row: typeof demandRates.$inferSelect): RateDefinition {
  return {
    key: row.key,
    label: row.label,
    careGroup: row.careGroup as CareGroup,
    kind: row.kind as RateKind,
    service: (row.service as Service | null) ?? null,
    cells: row.cells,
    shareKnownToAsc: row.shareKnownToAsc,
    source: row.source,
    sourceYear: row.sourceYear,
    history: row.history,
  };
}

/** The rates in force: shipped defaults, replaced by edited versions, then rates commissioners added. */
export async function effectiveRates(db: Db): Promise<StoredRate[]> {
  const rows = await db.select().from(demandRates).orderBy(asc(demandRates.sortOrder), asc(demandRates.key));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: StoredRate[] = DEFAULT_RATES.map((d) => {
    const row = byKey.get(d.key);
    return row
      ? { ...fromRow(row), isDefault: false, shipped: true, updatedAt: row.updatedAt.toISOString() }
      : { ...d, cells: [...d.cells], history: [...d.history], isDefault: true, shipped: true, updatedAt: null };
  });
  for (const row of rows) {
    if (!DEFAULT_RATES.some((d) => d.key === row.key))
      out.push({ ...fromRow(row), isDefault: false, shipped: false, updatedAt: row.updatedAt.toISOString() });
  }
  return out;
}

/** Saves a rate (edit of a default or a new one) and audits the change with before and after values. */
export async function saveRate(db: Db, rate: RateDefinition, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await effectiveRates(tx)).find((r) => r.key === rate.key) ?? null;
    const values = {
      key: rate.key,
      label: rate.label,
      careGroup: rate.careGroup,
      kind: rate.kind,
      service: rate.service,
      cells: rate.cells,
      shareKnownToAsc: rate.shareKnownToAsc,
      source: rate.source,
      sourceYear: rate.sourceYear,
      history: rate.history,
      isDefault: false,
      sortOrder:
        DEFAULT_RATES.findIndex((d) => d.key === rate.key) >= 0
          ? DEFAULT_RATES.findIndex((d) => d.key === rate.key)
          : 1000,
      updatedBy: 'userId' in actor ? actor.userId : null,
      updatedAt: new Date(),
    };
    await tx.insert(demandRates).values(values).onConflictDoUpdate({ target: demandRates.key, set: values });
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'demand_rate',
      entityId: rate.key,
      detail: {
        before: before
          ? {
              cells: before.cells,
              shareKnownToAsc: before.shareKnownToAsc,
              source: before.source,
              sourceYear: before.sourceYear,
            }
          : null,
        after: {
          cells: rate.cells,
          shareKnownToAsc: rate.shareKnownToAsc,
          source: rate.source,
          sourceYear: rate.sourceYear,
        },
      },
    });
  });
}

/** Back to the shipped default (for a shipped rate) or removed (for an added one). */
export async function resetRate(db: Db, key: string, actor: AuditActor): Promise<'reset' | 'deleted' | 'not_found'> {
  return db.transaction(async (tx) => {
    const deleted = await tx.delete(demandRates).where(eq(demandRates.key, key)).returning({ key: demandRates.key });
    if (deleted.length === 0) return 'not_found';
    const shipped = DEFAULT_RATES.some((d) => d.key === key);
    await recordAudit(tx, actor, { action: shipped ? 'reset' : 'delete', entity: 'demand_rate', entityId: key });
    return shipped ? 'reset' : 'deleted';
  });
}
