// PAMMS-style quality assessments as read: each with its location, provider, ratings and state on a given day
// (challenge deadline, action plan). Recording and moving them along: ./assessmentWrites.ts; provider concerns:
// ./concerns.ts.
import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { locations, providers } from '../market/schema.js';
import { NotFound } from '../../domain/core/errors.js';
import {
  summariseAssessment,
  type AssessmentState,
  type AssessmentStatus,
  type AssessmentSummary,
  type DomainRatings,
  type QualityRating,
} from '../../domain/contracts/assessment.js';
import { qualityAssessments } from './schema.js';

/** A stored quality assessment row. */
export type AssessmentRow = typeof qualityAssessments.$inferSelect;

/** A stored assessment row's ratings by quality domain. */
export function ratingsOf(r: AssessmentRow): DomainRatings {
  return {
    involvement_information: r.involvementInformation as QualityRating,
    personalised_care: r.personalisedCare as QualityRating,
    safeguarding_safety: r.safeguardingSafety as QualityRating,
    staffing: r.staffing as QualityRating,
    management: r.management as QualityRating,
  };
}

/** A stored assessment row as the state its workflow steps are checked against (status, ratings, the dates so far). */
export function stateOf(r: AssessmentRow): AssessmentState {
  return {
    status: r.status as AssessmentStatus,
    ratings: ratingsOf(r),
    sharedOn: r.sharedOn,
    providerRespondedOn: r.providerRespondedOn,
    publishedOn: r.publishedOn,
    actionPlanSubmittedOn: r.actionPlanSubmittedOn,
    actionPlanAcceptedOn: r.actionPlanAcceptedOn,
  };
}

export interface AssessmentView extends Omit<AssessmentSummary, 'actionPlan'> {
  id: string;
  locationId: string;
  locationName: string;
  postcodeDistrict: string;
  providerId: string;
  providerName: string;
  contractId: string | null;
  visitDate: string;
  assessorName: string | null;
  status: AssessmentStatus;
  ratings: DomainRatings;
  summary: string;
  sharedOn: string | null;
  providerRespondedOn: string | null;
  providerResponse: string | null;
  providerComments: string | null;
  publishedOn: string | null;
  actionPlan: string | null;
  actionPlanSubmittedOn: string | null;
  actionPlanAcceptedOn: string | null;
  /** What the quality team asked the provider to change in its plan, and when (null once revised or accepted). */
  actionPlanChangesRequested: string | null;
  actionPlanChangesRequestedOn: string | null;
  actionPlanState: AssessmentSummary['actionPlan'];
}

function toView(
  r: AssessmentRow,
  locationName: string,
  postcodeDistrict: string,
  providerName: string,
  today: string,
): AssessmentView {
  const { actionPlan: actionPlanState, ...s } = summariseAssessment(stateOf(r), today);
  return {
    ...s,
    actionPlanState,
    id: r.id,
    locationId: r.locationId,
    locationName,
    postcodeDistrict,
    providerId: r.providerId,
    providerName,
    contractId: r.contractId,
    visitDate: r.visitDate,
    assessorName: r.assessorName,
    status: r.status as AssessmentStatus,
    ratings: ratingsOf(r),
    summary: r.summary,
    sharedOn: r.sharedOn,
    providerRespondedOn: r.providerRespondedOn,
    providerResponse: r.providerResponse,
    providerComments: r.providerComments,
    publishedOn: r.publishedOn,
    actionPlan: r.actionPlan,
    actionPlanSubmittedOn: r.actionPlanSubmittedOn,
    actionPlanAcceptedOn: r.actionPlanAcceptedOn,
    actionPlanChangesRequested: r.actionPlanChangesRequested,
    actionPlanChangesRequestedOn: r.actionPlanChangesRequestedOn,
  };
}

/** Assessments matching `where`, each with its location's name and postcode district and its provider's name. */
function withPlace(db: Db, where: SQL | undefined) {
  return db
    .select({
      a: qualityAssessments,
      locationName: locations.name,
      district: locations.postcodeDistrict,
      providerName: providers.name,
    })
    .from(qualityAssessments)
    .innerJoin(locations, eq(locations.id, qualityAssessments.locationId))
    .innerJoin(providers, eq(providers.id, qualityAssessments.providerId))
    .where(where);
}

/**
 * Assessments, newest visit first. A provider sees only its own, and never a draft that has not been
 * shared with it yet.
 */
export async function listAssessments(
  db: Db,
  today: string,
  filter: { providerId?: string; locationId?: string; forProvider?: boolean } = {},
): Promise<AssessmentView[]> {
  const where = [];
  if (filter.providerId) where.push(eq(qualityAssessments.providerId, filter.providerId));
  if (filter.locationId) where.push(eq(qualityAssessments.locationId, filter.locationId));
  if (filter.forProvider) where.push(isNotNull(qualityAssessments.sharedOn));
  const rows = await withPlace(db, where.length ? and(...where) : undefined).orderBy(
    desc(qualityAssessments.visitDate),
  );
  return rows.map((r) => toView(r.a, r.locationName, r.district, r.providerName, today));
}

/**
 * One quality assessment with its location, ratings and state on `today` (challenge deadline, action plan).
 * @throws NotFound when there is no such assessment
 */
export async function getAssessment(db: Db, id: string, today: string): Promise<AssessmentView> {
  const rows = await withPlace(db, eq(qualityAssessments.id, id));
  if (!rows[0]) throw new NotFound('Assessment');
  return toView(rows[0].a, rows[0].locationName, rows[0].district, rows[0].providerName, today);
}
/** Owner of an assessment, for ownership checks in routes. */
export async function assessmentOwner(db: Db, id: string): Promise<{ providerId: string; sharedOn: string | null }> {
  const [row] = await db
    .select({ providerId: qualityAssessments.providerId, sharedOn: qualityAssessments.sharedOn })
    .from(qualityAssessments)
    .where(eq(qualityAssessments.id, id));
  if (!row) throw new NotFound('Assessment');
  return row;
}
