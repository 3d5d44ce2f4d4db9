import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { bcfPlans, bcfSchemes } from '../bcf/schema.js';
import { contracts, deliveryPlans, kpis, procurements, risks } from '../contracts/schema.js';
import { demandScenarios } from '../demand/schema.js';
import { dischargeReferrals } from '../discharge/schema.js';
import { locations, providers } from '../market/schema.js';
import { auditLog, users } from './schema.js';

/** Who did it, for the audit trail: a signed-in user, or the system (CLI, demo loader). */
export type AuditActor = { userId: string; label?: string } | { system: string };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Who made a change, as the audit trail stores it: the user's id and a label (their email, or `system:<name>` for
 * a batch run, or 'system').
 */
async function whoActed(db: Db, actor: AuditActor | null): Promise<{ userId: string | null; actorLabel: string }> {
  if (actor && 'userId' in actor)
    return { userId: actor.userId, actorLabel: actor.label ?? (await lookupEmail(db, actor.userId)) ?? actor.userId };
  if (actor && 'system' in actor) return { userId: null, actorLabel: `system:${actor.system}` };
  return { userId: null, actorLabel: 'system' };
}

/** Record one change. Call inside the same transaction as the change, so both land or neither does. */
export async function recordAudit(db: Db, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  const { userId, actorLabel } = await whoActed(db, actor);
  await db.insert(auditLog).values({
    userId,
    actorLabel,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null,
  });
}

/**
 * Record many changes by one actor at once (an import's rows), in batches: the same rows as calling recordAudit for
 * each, in one statement per 500. Call inside the change's transaction.
 */
export async function recordAuditMany(db: Db, actor: AuditActor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { userId, actorLabel } = await whoActed(db, actor);
  for (let i = 0; i < entries.length; i += 500)
    await db.insert(auditLog).values(
      entries.slice(i, i + 500).map((e) => ({
        userId,
        actorLabel,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId ?? null,
        detail: e.detail ?? null,
      })),
    );
}

async function lookupEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/**
 * The fields an update changed, each with its value before and after (dates as ISO strings), for an audit
 * entry's detail: `{ before: { role: 'viewer' }, after: { role: 'commissioner' } }`. Fields left as they were are
 * not listed. `after` names the fields the change could set; `before` is the record as it was.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || key === 'updatedAt') continue;
    const was = plain(before[key]);
    const now = plain(value);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    out.before[key] = was;
    out.after[key] = now;
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id-looking string in an entry's record id and detail (top level, one level down, and in arrays). */
function idsIn(entityId: string | null, detail: Record<string, unknown> | null): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string' && UUID.test(v)) out.push(v.toLowerCase());
    else if (depth < 2 && Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (depth < 2 && v && typeof v === 'object') Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(entityId, 0);
  visit(detail, 0);
  return out;
}

/**
 * Names for ids, so the log reads "Rosewood Lodge", not a UUID: users (name), providers and locations (name),
 * contracts (reference and title), KPIs (name), discharge referrals (the pseudonymous person reference, never a
 * real name), demand scenarios (name), BCF schemes (reference and name) and plans, delivery plans, procurements
 * and risks (reference and title).
 */
async function namesFor(db: Db, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const unique = [...new Set(ids)];
  const add = (rows: { id: string; name: string }[]) => rows.forEach((r) => names.set(r.id, r.name));
  add(await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)));
  add(await db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.id, unique)));
  add(await db.select({ id: locations.id, name: locations.name }).from(locations).where(inArray(locations.id, unique)));
  add(
    (
      await db
        .select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
        .from(contracts)
        .where(inArray(contracts.id, unique))
    ).map((c) => ({ id: c.id, name: `${c.reference} ${c.title}` })),
  );
  add(await db.select({ id: kpis.id, name: kpis.name }).from(kpis).where(inArray(kpis.id, unique)));
  add(
    (
      await db
        .select({ id: dischargeReferrals.id, ref: dischargeReferrals.personRef })
        .from(dischargeReferrals)
        .where(inArray(dischargeReferrals.id, unique))
    ).map((r) => ({ id: r.id, name: `referral for ${r.ref}` })),
  );
  add(
    await db
      .select({ id: demandScenarios.id, name: demandScenarios.name })
      .from(demandScenarios)
      .where(inArray(demandScenarios.id, unique)),
  );
  add(
    (
      await db
        .select({ id: bcfSchemes.id, ref: bcfSchemes.ref, name: bcfSchemes.name })
        .from(bcfSchemes)
        .where(inArray(bcfSchemes.id, unique))
    ).map((r) => ({ id: r.id, name: `${r.ref} ${r.name}` })),
  );
  add(await db.select({ id: bcfPlans.id, name: bcfPlans.name }).from(bcfPlans).where(inArray(bcfPlans.id, unique)));
  add(
    await db
      .select({ id: deliveryPlans.id, name: deliveryPlans.title })
      .from(deliveryPlans)
      .where(inArray(deliveryPlans.id, unique)),
  );
  add(
    await db
      .select({ id: procurements.id, name: procurements.title })
      .from(procurements)
      .where(inArray(procurements.id, unique)),
  );
  add(
    (
      await db
        .select({ id: risks.id, ref: risks.reference, title: risks.title })
        .from(risks)
        .where(inArray(risks.id, unique))
    ).map((r) => ({ id: r.id, name: `${r.ref} ${r.title}` })),
  );
  return names;
}

export interface AuditRow {
  id: number;
  at: string;
  userEmail: string;
  /** The person's name (null for the system, or an account since removed). */
  userName: string | null;
  /** The record's name, when it has one (a provider, location, user, contract...). */
  entityName: string | null;
  /** Names of the ids in `detail`, keyed by id. */
  names: Record<string, string>;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

/** Newest first, paged by id. */
export async function listAudit(
  db: Db,
  opts: { limit: number; before?: number; entity?: string },
): Promise<AuditRow[]> {
  const where = [];
  if (opts.before) where.push(lt(auditLog.id, opts.before));
  if (opts.entity) where.push(eq(auditLog.entity, opts.entity));
  const rows = await db
    .select({ a: auditLog, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
  const names = await namesFor(
    db,
    rows.flatMap(({ a }) => idsIn(a.entityId, a.detail ?? null)),
  );
  return rows.map(({ a: r, userName }) => ({
    id: r.id,
    at: r.at.toISOString(),
    userEmail: r.actorLabel,
    userName: userName ?? null,
    entityName: r.entityId ? (names.get(r.entityId.toLowerCase()) ?? null) : null,
    names: Object.fromEntries(
      idsIn(null, r.detail ?? null)
        .filter((id) => names.has(id))
        .map((id) => [id, names.get(id)!]),
    ),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    detail: r.detail ?? null,
  }));
}
