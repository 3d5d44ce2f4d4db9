// PAMMS-style quality assessments of a location: five domains, each and overall rated
// Excellent / Good / Requires improvement / Poor; draft → provider challenge (14 days) → published;
// an action plan within 14 days of publication when anything is rated Requires improvement or Poor.
import { z } from 'zod';
import { actualDateSchema } from '../core/bounds.js';
import { addDays, daysBetween, type IsoDate } from '../core/dates.js';

export const ASSESSMENT_DOMAINS = [
  'involvement_information',
  'personalised_care',
  'safeguarding_safety',
  'staffing',
  'management',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];
export const DOMAIN_LABELS: Record<AssessmentDomain, string> = {
  involvement_information: 'Involvement and information',
  personalised_care: 'Personalised care and support',
  safeguarding_safety: 'Safeguarding and safety',
  staffing: 'Suitability of staffing',
  management: 'Quality of management',
};

export const QUALITY_RATINGS = ['Excellent', 'Good', 'Requires improvement', 'Poor'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

export type DomainRatings = Record<AssessmentDomain, QualityRating>;

/**
 * The visit date of an assessment: a visit that has happened, from BOUNDS.earliestRecordDate up to today (London);
 * the API's schema and the "Record an assessment" form use it (issue 13: a visit on 1 January 1900 was saved).
 */
export const visitDateSchema = actualDateSchema('visit date');

/** The date fields of a new assessment, checked as the API checks them (for the form's own checks). */
export const assessmentDatesSchema = z.object({ visitDate: visitDateSchema });

export const CHALLENGE_DAYS = 14;
export const ACTION_PLAN_DAYS = 14;

/**
 * Overall rating from the five domains, using CQC's aggregation principles applied to PAMMS' scale:
 * Poor when safeguarding and safety is Poor or two or more domains are Poor; Requires improvement when one
 * domain is Poor or two or more Require improvement; Excellent when at least two domains are Excellent and
 * none is below Good; otherwise Good.
 */
export function overallRating(r: DomainRatings): QualityRating {
  const values = ASSESSMENT_DOMAINS.map((d) => r[d]);
  const count = (x: QualityRating) => values.filter((v) => v === x).length;
  if (r.safeguarding_safety === 'Poor' || count('Poor') >= 2) return 'Poor';
  if (count('Poor') === 1 || count('Requires improvement') >= 2) return 'Requires improvement';
  if (count('Excellent') >= 2 && count('Requires improvement') === 0) return 'Excellent';
  return 'Good';
}

/** Which rule decided the overall rating, in words, so the figure is traceable. */
export function overallRatingReason(r: DomainRatings): string {
  const values = ASSESSMENT_DOMAINS.map((d) => r[d]);
  const count = (x: QualityRating) => values.filter((v) => v === x).length;
  if (r.safeguarding_safety === 'Poor') return 'Safeguarding and safety is rated Poor';
  if (count('Poor') >= 2) return `${count('Poor')} domains are rated Poor`;
  if (count('Poor') === 1) return 'One domain is rated Poor';
  if (count('Requires improvement') >= 2) return `${count('Requires improvement')} domains require improvement`;
  if (count('Excellent') >= 2 && count('Requires improvement') === 0)
    return `${count('Excellent')} domains are Excellent and none is below Good`;
  return 'No rule for a higher or lower rating applies';
}

/**
 * True when the overall rating, or any domain's, is Requires improvement or Poor: the provider then owes an action plan.
 */
export function needsActionPlan(r: DomainRatings): boolean {
  const overall = overallRating(r);
  return (
    overall === 'Requires improvement' ||
    overall === 'Poor' ||
    ASSESSMENT_DOMAINS.some((d) => r[d] === 'Requires improvement' || r[d] === 'Poor')
  );
}

export const ASSESSMENT_STATUSES = ['draft', 'provider_challenge', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  provider_challenge: 'With provider for challenge',
  published: 'Published',
};

export interface AssessmentState {
  status: AssessmentStatus;
  ratings: DomainRatings;
  /** When the draft was shared with the provider (starts the 14-day challenge window). */
  sharedOn: IsoDate | null;
  /** When the provider answered (accepted or challenged). */
  providerRespondedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  actionPlanSubmittedOn: IsoDate | null;
  /** When a quality officer accepted the action plan (null: not yet; the provider may still revise it). */
  actionPlanAcceptedOn?: IsoDate | null;
}

/**
 * The last day the provider may challenge a shared assessment: `CHALLENGE_DAYS` calendar days after it was shared.
 */
export function challengeDeadline(sharedOn: IsoDate): IsoDate {
  return addDays(sharedOn, CHALLENGE_DAYS);
}

export type Transition =
  'share' | 'respond' | 'publish' | 'submit_action_plan' | 'request_action_plan_changes' | 'accept_action_plan';

/** Can this step happen now? A reason when not. */
export function transitionProblem(a: AssessmentState, step: Transition, today: IsoDate): string | null {
  switch (step) {
    case 'share':
      return a.status === 'draft' ? null : 'Only a draft can be shared with the provider';
    case 'respond':
      if (a.status !== 'provider_challenge') return 'The provider can only answer an assessment shared for challenge';
      if (a.providerRespondedOn) return 'The provider has already answered this assessment';
      if (a.sharedOn && today > challengeDeadline(a.sharedOn))
        return `The ${CHALLENGE_DAYS}-day challenge window closed on ${challengeDeadline(a.sharedOn)}`;
      return null;
    case 'publish':
      if (a.status === 'published') return 'Already published';
      if (a.status === 'draft') return 'Share the draft with the provider for challenge before publishing';
      if (!a.providerRespondedOn && a.sharedOn && today <= challengeDeadline(a.sharedOn)) {
        return `The provider has until ${challengeDeadline(a.sharedOn)} to challenge; publish after they answer or the window closes`;
      }
      return null;
    case 'submit_action_plan':
      if (a.status !== 'published') return 'An action plan follows publication';
      if (!needsActionPlan(a.ratings)) return 'No action plan is needed: nothing is rated Requires improvement or Poor';
      // Submitted again before it is accepted: the provider's revision.
      if (a.actionPlanAcceptedOn) return 'The action plan has been accepted and can no longer be changed';
      return null;
    case 'request_action_plan_changes':
      if (!a.actionPlanSubmittedOn) return 'The provider has not submitted an action plan yet';
      if (a.actionPlanAcceptedOn) return 'The action plan has been accepted and can no longer be changed';
      return null;
    case 'accept_action_plan':
      if (!a.actionPlanSubmittedOn) return 'The provider has not submitted an action plan yet';
      if (a.actionPlanAcceptedOn) return 'The action plan has already been accepted';
      return null;
  }
}

export type ActionPlanState = 'not_required' | 'not_yet_due' | 'due' | 'overdue' | 'submitted' | 'submitted_late';

export interface AssessmentSummary {
  overall: QualityRating;
  overallReason: string;
  challengeDeadline: IsoDate | null;
  challengeDaysLeft: number | null;
  actionPlanDue: IsoDate | null;
  actionPlan: ActionPlanState;
}

/**
 * An assessment's state on `today`: the challenge deadline, whether an action plan is needed and when it is due
 * (`ACTION_PLAN_DAYS` after publication), and the action plan's state: due, overdue, submitted or submitted late.
 */
export function summariseAssessment(a: AssessmentState, today: IsoDate): AssessmentSummary {
  const deadline = a.sharedOn ? challengeDeadline(a.sharedOn) : null;
  const planNeeded = needsActionPlan(a.ratings);
  const due = planNeeded && a.publishedOn ? addDays(a.publishedOn, ACTION_PLAN_DAYS) : null;
  let actionPlan: ActionPlanState;
  if (!planNeeded) actionPlan = 'not_required';
  else if (!due) actionPlan = 'not_yet_due';
  else if (a.actionPlanSubmittedOn) actionPlan = a.actionPlanSubmittedOn > due ? 'submitted_late' : 'submitted';
  else actionPlan = today > due ? 'overdue' : 'due';
  return {
    overall: overallRating(a.ratings),
    overallReason: overallRatingReason(a.ratings),
    challengeDeadline: deadline,
    challengeDaysLeft:
      deadline && a.status === 'provider_challenge' && !a.providerRespondedOn
        ? Math.max(0, daysBetween(today, deadline))
        : null,
    actionPlanDue: due,
    actionPlan,
  };
}

/** The rating the market register shows: the latest published assessment's overall rating for each location. */
export function latestPublishedRating<
  T extends { locationId: string; status: AssessmentStatus; publishedOn: IsoDate | null; overall: QualityRating },
>(assessments: T[]): Map<string, { rating: QualityRating; publishedOn: IsoDate }> {
  const out = new Map<string, { rating: QualityRating; publishedOn: IsoDate }>();
  for (const a of assessments) {
    if (a.status !== 'published' || !a.publishedOn) continue;
    const prev = out.get(a.locationId);
    if (!prev || a.publishedOn >= prev.publishedOn)
      out.set(a.locationId, { rating: a.overall, publishedOn: a.publishedOn });
  }
  return out;
}

export const CONCERN_KINDS = ['provider_concern', 'safeguarding_referral', 'complaint', 'whistleblowing'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export const CONCERN_KIND_LABELS: Record<ConcernKind, string> = {
  provider_concern: 'Provider concern',
  safeguarding_referral: 'Safeguarding referral',
  complaint: 'Complaint',
  whistleblowing: 'Whistleblowing',
};
