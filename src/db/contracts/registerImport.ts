// The contract register's import: a row's provider and location references resolved, and the register written in
// one transaction with an audit entry.
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, changedFields, recordAuditMany } from '../core/audit.js';
import { locations, providers } from '../market/schema.js';
import type { RegisterContract } from '../../domain/contracts/register.js';
import { contracts } from './schema.js';

/** Who a register row names: its line and provider or location references. */
export interface RegisterRefs {
  line: number;
  providerName: string | null;
  cqcProviderId: string | null;
  cqcLocationId: string | null;
}

/**
 * Matches each row's provider (by CQC provider ID, else by name) and location (by CQC location ID) against the
 * market register; every row that cannot be matched is an issue with its line. Reads only.
 */
export async function resolveRegisterRefs(
  db: Db,
  rows: readonly RegisterRefs[],
): Promise<{
  byLine: Map<number, { providerId: string | null; locationId: string | null }>;
  unresolved: { line: number; field: string; message: string }[];
}> {
  const cqcIds = [...new Set(rows.map((r) => r.cqcProviderId).filter((x): x is string => !!x))];
  const names = [...new Set(rows.map((r) => r.providerName?.toLowerCase()).filter((x): x is string => !!x))];
  const provs = await db
    .select({ id: providers.id, name: providers.name, cqc: providers.cqcProviderId })
    .from(providers)
    .where(
      or(
        cqcIds.length ? inArray(providers.cqcProviderId, cqcIds) : sql`false`,
        names.length ? inArray(sql`lower(${providers.name})`, names) : sql`false`,
      ),
    );
  const byCqc = new Map(provs.filter((p) => p.cqc).map((p) => [p.cqc!, p.id]));
  const byName = new Map<string, string[]>();
  for (const p of provs) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.id]);
  const locIds = [...new Set(rows.map((r) => r.cqcLocationId).filter((x): x is string => !!x))];
  const locs = locIds.length
    ? await db
        .select({ id: locations.id, cqc: locations.cqcLocationId, providerId: locations.providerId })
        .from(locations)
        .where(inArray(locations.cqcLocationId, locIds))
    : [];
  const unresolved: { line: number; field: string; message: string }[] = [];
  const byLine = new Map<number, { providerId: string | null; locationId: string | null }>();
  for (const r of rows) {
    let providerId: string | null = null;
    if (r.cqcProviderId) {
      providerId = byCqc.get(r.cqcProviderId) ?? null;
      if (!providerId)
        unresolved.push({
          line: r.line,
          field: 'cqcProviderId',
          message: `No provider with CQC provider ID ${r.cqcProviderId} in the market register`,
        });
    } else if (r.providerName) {
      const matches = byName.get(r.providerName.toLowerCase()) ?? [];
      if (matches.length === 1) providerId = matches[0];
      else
        unresolved.push({
          line: r.line,
          field: 'providerName',
          message: matches.length
            ? `${matches.length} providers are called "${r.providerName}": give the CQC provider ID`
            : `No provider called "${r.providerName}" in the market register`,
        });
    }
    let locationId: string | null = null;
    if (r.cqcLocationId) {
      const loc = locs.find((l) => l.cqc === r.cqcLocationId);
      if (!loc)
        unresolved.push({
          line: r.line,
          field: 'cqcLocationId',
          message: `No location with CQC location ID ${r.cqcLocationId}`,
        });
      else if (providerId && loc.providerId !== providerId)
        unresolved.push({
          line: r.line,
          field: 'cqcLocationId',
          message: `Location ${r.cqcLocationId} belongs to another provider`,
        });
      else locationId = loc.id;
    }
    byLine.set(r.line, { providerId, locationId });
  }
  return { byLine, unresolved };
}

/**
 * Import a validated register: new references are created, known ones updated; providers resolved by CQC id or name.
 * Each contract created or changed gets its own audit entry (action `import`, with the file's name and, for a
 * known contract, the fields the file changed), so the import shows in that contract's history.
 */
export async function importRegister(
  db: Db,
  rows: RegisterContract[],
  audit: { actor: AuditActor | null; fileName: string } = { actor: null, fileName: 'register' },
): Promise<{ created: number; updated: number; unresolved: { line: number; field: string; message: string }[] }> {
  const { byLine, unresolved } = await resolveRegisterRefs(db, rows);
  const resolved = rows.map((r) => {
    const { line: _line, cqcProviderId: _c, cqcLocationId: _l, providerName: _p, ...rest } = r;
    return { ...rest, ...byLine.get(r.line)! };
  });
  if (unresolved.length) return { created: 0, updated: 0, unresolved };
  // One read of the known contracts; new contracts go in batches, known ones are updated in place.
  const known = new Map((await db.select().from(contracts)).map((c) => [c.reference, c]));
  const fresh = resolved.filter((r) => !known.has(r.reference));
  const entries: { action: string; entity: string; entityId: string; detail: Record<string, unknown> }[] = [];
  for (let i = 0; i < fresh.length; i += 500) {
    const ids = await db
      .insert(contracts)
      .values(fresh.slice(i, i + 500))
      .returning({ id: contracts.id, reference: contracts.reference });
    for (const c of ids)
      entries.push({
        action: 'import',
        entity: 'contract',
        entityId: c.id,
        detail: { reference: c.reference, fileName: audit.fileName, created: true },
      });
  }
  const changed = resolved.filter((r) => known.has(r.reference));
  for (const r of changed) {
    const was = known.get(r.reference)!;
    await db
      .update(contracts)
      .set({ ...r, updatedAt: new Date() })
      .where(eq(contracts.id, was.id));
    const diff = changedFields(was, { ...r });
    if (Object.keys(diff.after).length)
      entries.push({
        action: 'import',
        entity: 'contract',
        entityId: was.id,
        detail: { reference: r.reference, fileName: audit.fileName, created: false, ...diff },
      });
  }
  await recordAuditMany(db, audit.actor, entries);
  return { created: fresh.length, updated: changed.length, unresolved };
}
