// A delivery plan's entries retired, restored and moved up or down among their siblings; each change one
// transaction, audited.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict } from '../../domain/core/errors.js';
import type { EntryKind } from './deliveryPlan.js';
import { planActions, planIntentions, planPriorities } from './schema.js';
import { planOfPriority, planOfIntention, planOfAction } from './planChecks.js';

/** Retire (kept, hidden from the plan and its export) or restore an entry. Audited. */
export async function retireEntry(db: Db, actor: AuditActor, kind: EntryKind, id: string, retired: boolean) {
  await db.transaction(async (tx) => {
    const at = retired ? new Date() : null;
    if (kind === 'priority') {
      await planOfPriority(tx, id);
      await tx.update(planPriorities).set({ retiredAt: at }).where(eq(planPriorities.id, id));
    } else if (kind === 'intention') {
      await planOfIntention(tx, id);
      await tx.update(planIntentions).set({ retiredAt: at }).where(eq(planIntentions.id, id));
    } else {
      await planOfAction(tx, id);
      await tx.update(planActions).set({ retiredAt: at, updatedAt: new Date() }).where(eq(planActions.id, id));
    }
    await recordAudit(tx, actor, { action: retired ? 'retire' : 'restore', entity: `plan_${kind}`, entityId: id });
  });
}

/**
 * Move an entry one place up or down among its live siblings (priorities swap numbers, so "Priority 2" becomes
 * "Priority 1"). Audited. @throws Conflict when it is already first or last
 */
export async function moveEntry(db: Db, actor: AuditActor, kind: EntryKind, id: string, direction: 'up' | 'down') {
  await db.transaction(async (tx) => {
    const pick = <T extends { id: string }>(rows: T[]) => {
      const at = rows.findIndex((r) => r.id === id);
      const other = rows[direction === 'up' ? at - 1 : at + 1];
      if (!other) throw new Conflict(`It is already ${direction === 'up' ? 'first' : 'last'}`);
      return { me: rows[at], other };
    };
    if (kind === 'priority') {
      const { p } = await planOfPriority(tx, id);
      const rows = await tx
        .select()
        .from(planPriorities)
        .where(and(eq(planPriorities.planId, p.planId), isNull(planPriorities.retiredAt)))
        .orderBy(asc(planPriorities.number));
      const { me, other } = pick(rows);
      // Swap numbers through a free one (the plan's numbers are unique).
      await tx.update(planPriorities).set({ number: -1 }).where(eq(planPriorities.id, me.id));
      await tx.update(planPriorities).set({ number: me.number }).where(eq(planPriorities.id, other.id));
      await tx.update(planPriorities).set({ number: other.number }).where(eq(planPriorities.id, me.id));
    } else if (kind === 'intention') {
      const { i } = await planOfIntention(tx, id);
      const rows = await tx
        .select()
        .from(planIntentions)
        .where(and(eq(planIntentions.priorityId, i.priorityId), isNull(planIntentions.retiredAt)))
        .orderBy(asc(planIntentions.sortOrder), asc(planIntentions.id));
      const { me, other } = pick(rows.map((r, n) => ({ ...r, sortOrder: n })));
      await tx.update(planIntentions).set({ sortOrder: other.sortOrder }).where(eq(planIntentions.id, me.id));
      await tx.update(planIntentions).set({ sortOrder: me.sortOrder }).where(eq(planIntentions.id, other.id));
      for (const r of rows.map((r, n) => ({ ...r, n })).filter((r) => r.id !== me.id && r.id !== other.id))
        await tx.update(planIntentions).set({ sortOrder: r.n }).where(eq(planIntentions.id, r.id));
    } else {
      const { a } = await planOfAction(tx, id);
      const rows = await tx
        .select()
        .from(planActions)
        .where(and(eq(planActions.intentionId, a.intentionId), isNull(planActions.retiredAt)))
        .orderBy(asc(planActions.sortOrder), asc(planActions.id));
      const { me, other } = pick(rows.map((r, n) => ({ ...r, sortOrder: n })));
      await tx.update(planActions).set({ sortOrder: other.sortOrder }).where(eq(planActions.id, me.id));
      await tx.update(planActions).set({ sortOrder: me.sortOrder }).where(eq(planActions.id, other.id));
      for (const r of rows.map((r, n) => ({ ...r, n })).filter((r) => r.id !== me.id && r.id !== other.id))
        await tx.update(planActions).set({ sortOrder: r.n }).where(eq(planActions.id, r.id));
    }
    await recordAudit(tx, actor, { action: `move_${direction}`, entity: `plan_${kind}`, entityId: id });
  });
}
