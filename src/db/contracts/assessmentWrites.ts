// Recording PAMMS-style quality assessments and moving them through their workflow: drafted, revised, shared with
// the provider for challenge, answered, published, and the provider's action plan submitted, sent back and accepted.
// Publishing writes the overall rating to the market register (locations.council_quality_rating) in the same
// transaction. Every change is audited.
import { BOUNDS, dateRangeError } from '../../domain/core/bounds.js';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, changedFields, recordAudit } from '../core/audit.js';
import { locations } from '../market/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  ASSESSMENT_STATUS_LABELS,
  overallRating,
  transitionProblem,
  type AssessmentStatus,
  type DomainRatings,
  type Transition,
} from '../../domain/contracts/assessment.js';
import { type AssessmentRow as Row, stateOf } from './assessments.js';
import { qualityAssessments } from './schema.js';

/** The assessment table's rating columns for `r`, with its overall rating (also used by the demo's assessments). */
export function ratingColumns(r: DomainRatings) {
  return {
    involvementInformation: r.involvement_information,
    personalisedCare: r.personalised_care,
    safeguardingSafety: r.safeguarding_safety,
    staffing: r.staffing,
    management: r.management,
    overall: overallRating(r),
  };
}

export interface AssessmentInput {
  locationId: string;
  contractId: string | null;
  visitDate: string;
  ratings: DomainRatings;
  summary: string;
  assessorName: string | null;
}

/**
 * Records a quality assessment in one audited transaction. @returns its id
 * @throws InputError naming the field when the location or a rating is not valid
 */
export async function createAssessment(
  db: Db,
  actor: AuditActor,
  input: AssessmentInput,
  today: string,
): Promise<string> {
  // The API's bound (visitDateSchema), again for callers that skip the route (the demo, tests), against `today`.
  const wrong = dateRangeError('visitDate', 'visit date', input.visitDate, {
    earliest: BOUNDS.earliestRecordDate,
    latest: today,
  });
  if (wrong) throw new InputError([wrong]);
  return db.transaction(async (tx) => {
    const [loc] = await tx
      .select({ providerId: locations.providerId })
      .from(locations)
      .where(eq(locations.id, input.locationId));
    if (!loc) throw new InputError([{ field: 'locationId', message: 'No location with this id' }]);
    // One assessment per location and visit: a second (a double submission, or two officers) is a duplicate.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`assessment:${input.locationId}:${input.visitDate}`}))`,
    );
    const [same] = await tx
      .select({ id: qualityAssessments.id, status: qualityAssessments.status })
      .from(qualityAssessments)
      .where(
        and(eq(qualityAssessments.locationId, input.locationId), eq(qualityAssessments.visitDate, input.visitDate)),
      )
      .limit(1);
    if (same) {
      const message = `This location already has an assessment for the visit on ${input.visitDate} (${(ASSESSMENT_STATUS_LABELS[same.status as AssessmentStatus] ?? same.status).toLowerCase()}): open and revise that one instead`;
      throw new Conflict(message, [{ field: 'visitDate', message }]);
    }
    const [row] = await tx
      .insert(qualityAssessments)
      .values({
        locationId: input.locationId,
        providerId: loc.providerId,
        contractId: input.contractId,
        visitDate: input.visitDate,
        assessorId: 'userId' in actor ? actor.userId : null,
        assessorName: input.assessorName,
        summary: input.summary,
        status: 'draft',
        ...ratingColumns(input.ratings),
      })
      .returning({ id: qualityAssessments.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'quality_assessment',
      entityId: row.id,
      detail: { locationId: input.locationId, overall: overallRating(input.ratings) },
    });
    return row.id;
  });
}

/**
 * Revises a draft's (or challenged draft's) ratings and summary before publication, in one audited transaction
 * (the audit entry keeps each changed field before and after, with the new overall rating).
 * @throws NotFound when there is no such assessment; InputError naming `status` when it is already published
 */
export async function reviseAssessment(
  db: Db,
  actor: AuditActor,
  id: string,
  ratings: DomainRatings,
  summary: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(qualityAssessments).where(eq(qualityAssessments.id, id)).for('update');
    if (!row) throw new NotFound('Assessment');
    if (row.status === 'published')
      throw new InputError([{ field: 'status', message: 'A published assessment cannot be changed' }]);
    await tx
      .update(qualityAssessments)
      .set({ ...ratingColumns(ratings), summary, updatedAt: new Date() })
      .where(eq(qualityAssessments.id, id));
    await recordAudit(tx, actor, {
      action: 'revise',
      entity: 'quality_assessment',
      entityId: id,
      detail: {
        overall: overallRating(ratings),
        ...changedFields(row, { ...ratingColumns(ratings), summary }),
      },
    });
  });
}

async function step(
  db: Db,
  actor: AuditActor,
  id: string,
  transition: Transition,
  today: string,
  apply: (row: Row) => Partial<typeof qualityAssessments.$inferInsert>,
  detail: Record<string, unknown> | ((row: Row) => Record<string, unknown>) = {},
): Promise<Row> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(qualityAssessments).where(eq(qualityAssessments.id, id)).for('update');
    if (!row) throw new NotFound('Assessment');
    const problem = transitionProblem(stateOf(row), transition, today);
    if (problem) throw new InputError([{ field: 'status', message: problem }], problem);
    const set = apply(row);
    await tx
      .update(qualityAssessments)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(qualityAssessments.id, id));
    if (transition === 'publish') {
      // The market register shows the latest published rating for the location: this one, published today.
      await tx
        .update(locations)
        .set({ councilQualityRating: row.overall, councilQualityRatingDate: today, updatedAt: new Date() })
        .where(eq(locations.id, row.locationId));
    }
    await recordAudit(tx, actor, {
      action: transition,
      entity: 'quality_assessment',
      entityId: id,
      detail: typeof detail === 'function' ? detail(row) : detail,
    });
    return row;
  });
}

/**
 * Shares a draft assessment with the provider for challenge (from `today`); audited.
 * @throws InputError naming `status` when the assessment is not at a stage that can be shared; NotFound for none
 */
export async function shareForChallenge(db: Db, actor: AuditActor, id: string, today: string) {
  return step(db, actor, id, 'share', today, () => ({ status: 'provider_challenge', sharedOn: today }));
}

/**
 * The provider accepts or challenges a shared assessment (a challenge needs comments); audited.
 * @throws InputError naming `comments` (a challenge without them) or `status` (out of turn); NotFound for none
 */
export async function providerRespond(
  db: Db,
  actor: AuditActor,
  id: string,
  response: 'accept' | 'challenge',
  comments: string | null,
  today: string,
) {
  if (response === 'challenge' && !comments?.trim())
    throw new InputError([{ field: 'comments', message: 'Say what you challenge and why' }]);
  return step(
    db,
    actor,
    id,
    'respond',
    today,
    () => ({ providerRespondedOn: today, providerResponse: response, providerComments: comments }),
    { response },
  );
}

/**
 * Publishes an assessment on `today`; audited. @throws InputError naming `status` when it cannot be published yet; NotFound for none
 */
export async function publishAssessment(db: Db, actor: AuditActor, id: string, today: string) {
  return step(db, actor, id, 'publish', today, () => ({ status: 'published', publishedOn: today }));
}

/**
 * Records the provider's action plan (or its revision, until a quality officer accepts it; the first submission's
 * date stays the submission date); audited with the text submitted and the text it replaces.
 * @throws InputError naming `actionPlan` (empty) or `status` (no plan due); NotFound for none
 */
export async function submitActionPlan(db: Db, actor: AuditActor, id: string, plan: string, today: string) {
  if (!plan.trim()) throw new InputError([{ field: 'actionPlan', message: 'Enter the action plan' }]);
  return step(
    db,
    actor,
    id,
    'submit_action_plan',
    today,
    (row) => ({
      actionPlan: plan,
      actionPlanSubmittedOn: row.actionPlanSubmittedOn ?? today,
      // A revision answers the quality team's request for changes (kept in the audit trail).
      actionPlanChangesRequested: null,
      actionPlanChangesRequestedOn: null,
    }),
    // The text submitted and, for a revision, the text it replaces: the assessment's history shows both.
    (row) => ({ actionPlan: plan, before: row.actionPlan }),
  );
}

/**
 * A quality officer asks the provider to change its submitted action plan, saying what must change; the provider
 * sees the request until it submits a revision. Audited with the request.
 * @throws InputError naming `changes` (empty) or `status` (no plan submitted, or it is accepted); NotFound for none
 */
export async function requestActionPlanChanges(db: Db, actor: AuditActor, id: string, changes: string, today: string) {
  if (!changes.trim())
    throw new InputError([{ field: 'changes', message: 'Say what the action plan needs to change' }]);
  return step(
    db,
    actor,
    id,
    'request_action_plan_changes',
    today,
    () => ({ actionPlanChangesRequested: changes.trim(), actionPlanChangesRequestedOn: today }),
    { changes: changes.trim() },
  );
}

/**
 * A quality officer accepts the provider's action plan: from then on it is fixed (the provider can no longer revise
 * it). Audited.
 * @throws InputError naming `status` when no plan is submitted or it is already accepted; NotFound for none
 */
export async function acceptActionPlan(db: Db, actor: AuditActor, id: string, today: string) {
  return step(db, actor, id, 'accept_action_plan', today, () => ({
    actionPlanAcceptedOn: today,
    actionPlanChangesRequested: null,
    actionPlanChangesRequestedOn: null,
  }));
}
