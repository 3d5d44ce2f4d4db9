import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, users } from './schema.js';

/** Who did it, for the audit trail: a signed-in user, or the system (CLI, demo loader). */
export type AuditActor = { userId: string; label?: string } | { system: string };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Record one change. Call inside the same transaction as the change, so both land or neither does. */
export async function recordAudit(db: Db, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  let userId: string | null = null;
  let actorLabel = 'system';
  if (actor && 'userId' in actor) {
    userId = actor.userId;
    actorLabel = actor.label ?? (await lookupEmail(db, actor.userId)) ?? actor.userId;
  } else if (actor && 'system' in actor) {
    actorLabel = `system:${actor.system}`;
  }
  await db.insert(auditLog).values({
    userId,
    actorLabel,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null,
  });
}

async function lookupEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

export interface AuditRow {
  id: number;
  at: string;
  userEmail: string;
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
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    userEmail: r.actorLabel,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    detail: r.detail ?? null,
  }));
}
