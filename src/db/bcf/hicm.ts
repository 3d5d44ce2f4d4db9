// High Impact Change Model assessments: every assessment kept (the history), the grid is the latest of each.
import { asc, desc, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { InputError } from '../../domain/core/errors.js';
import { validateAssessment, type HicmAssessment, type MaturityLevel } from '../../domain/bcf/hicm.js';
import { bcfHicmAssessments } from './schema.js';
import type { PlanData } from './plans.js';

/** Every assessment of the plan's places, newest first. */
export async function listAssessments(db: Db, plan: PlanData): Promise<HicmAssessment[]> {
  if (plan.places.length === 0) return [];
  const rows = await db
    .select()
    .from(bcfHicmAssessments)
    .where(
      inArray(
        bcfHicmAssessments.placeId,
        plan.places.map((p) => p.id),
      ),
    )
    .orderBy(desc(bcfHicmAssessments.assessedOn), asc(bcfHicmAssessments.change), desc(bcfHicmAssessments.createdAt));
  return rows.map((r) => ({
    id: r.id,
    placeId: r.placeId,
    change: r.change,
    level: r.level as MaturityLevel,
    evidence: r.evidence,
    assessedOn: r.assessedOn,
    plannedLevel: (r.plannedLevel as MaturityLevel | null) ?? null,
    plannedBy: r.plannedBy,
  }));
}

/** Record an assessment (validated; audited). @throws InputError */
export async function addAssessment(
  db: Db,
  actor: AuditActor,
  plan: PlanData,
  input: Omit<HicmAssessment, 'id'>,
  today: string,
): Promise<string> {
  if (!plan.places.some((p) => p.id === input.placeId))
    throw InputError.field('placeId', 'Choose a place of this plan');
  validateAssessment(input, today);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bcfHicmAssessments)
      .values({ ...input, createdBy: 'userId' in actor ? actor.userId : null })
      .returning({ id: bcfHicmAssessments.id });
    await recordAudit(tx, actor, {
      action: 'assess',
      entity: 'bcf_hicm',
      entityId: row.id,
      detail: { placeId: input.placeId, change: input.change, level: input.level },
    });
    return row.id;
  });
}

/** Insert assessments as they are (demo), no audit per row. */
export async function insertAssessments(db: Db, rows: Omit<HicmAssessment, 'id'>[]): Promise<void> {
  if (rows.length) await db.insert(bcfHicmAssessments).values(rows);
}
