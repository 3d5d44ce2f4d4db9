import { describe, expect, it } from 'vitest';
import {
  latestPublishedRating,
  needsActionPlan,
  overallRating,
  summariseAssessment,
  transitionProblem,
  type AssessmentState,
  type DomainRatings,
} from './assessment.js';

const allGood: DomainRatings = {
  involvement_information: 'Good',
  personalised_care: 'Good',
  safeguarding_safety: 'Good',
  staffing: 'Good',
  management: 'Good',
};

describe('overall rating', () => {
  it('applies the aggregation rules', () => {
    expect(overallRating(allGood)).toBe('Good');
    expect(overallRating({ ...allGood, personalised_care: 'Excellent' })).toBe('Good');
    expect(overallRating({ ...allGood, personalised_care: 'Excellent', management: 'Excellent' })).toBe('Excellent');
    expect(
      overallRating({
        ...allGood,
        personalised_care: 'Excellent',
        management: 'Excellent',
        staffing: 'Requires improvement',
      }),
    ).toBe('Good');
    expect(overallRating({ ...allGood, staffing: 'Requires improvement' })).toBe('Good');
    expect(overallRating({ ...allGood, staffing: 'Requires improvement', management: 'Requires improvement' })).toBe(
      'Requires improvement',
    );
    expect(overallRating({ ...allGood, staffing: 'Poor' })).toBe('Requires improvement');
    expect(overallRating({ ...allGood, safeguarding_safety: 'Poor' })).toBe('Poor');
    expect(overallRating({ ...allGood, staffing: 'Poor', management: 'Poor' })).toBe('Poor');
  });

  it('needs an action plan when anything is below Good', () => {
    expect(needsActionPlan(allGood)).toBe(false);
    expect(needsActionPlan({ ...allGood, staffing: 'Requires improvement' })).toBe(true);
  });
});

describe('challenge workflow', () => {
  const shared: AssessmentState = {
    status: 'provider_challenge',
    ratings: { ...allGood, staffing: 'Requires improvement', management: 'Requires improvement' },
    sharedOn: '2025-11-10',
    providerRespondedOn: null,
    publishedOn: null,
    actionPlanSubmittedOn: null,
  };

  it('gives the provider 14 days to answer before the draft can be published', () => {
    expect(transitionProblem({ ...shared, status: 'draft', sharedOn: null }, 'publish', '2025-11-23')).toMatch(
      /Share the draft/,
    );
    expect(transitionProblem(shared, 'respond', '2025-11-24')).toBeNull();
    expect(transitionProblem(shared, 'publish', '2025-11-24')).toBe(
      'The provider has until 2025-11-24 to challenge; publish after they answer or the window closes',
    );
    expect(transitionProblem(shared, 'publish', '2025-11-25')).toBeNull();
    expect(transitionProblem(shared, 'respond', '2025-11-25')).toBe('The 14-day challenge window closed on 2025-11-24');
    expect(transitionProblem({ ...shared, providerRespondedOn: '2025-11-20' }, 'publish', '2025-11-21')).toBeNull();
    expect(summariseAssessment(shared, '2025-11-23').challengeDaysLeft).toBe(1);
  });

  it('tracks the action plan due 14 days after publication', () => {
    const published: AssessmentState = {
      ...shared,
      status: 'published',
      providerRespondedOn: '2025-11-20',
      publishedOn: '2025-11-21',
    };
    expect(summariseAssessment(published, '2025-12-05')).toMatchObject({
      overall: 'Requires improvement',
      actionPlanDue: '2025-12-05',
      actionPlan: 'due',
    });
    expect(summariseAssessment(published, '2025-12-06').actionPlan).toBe('overdue');
    expect(summariseAssessment({ ...published, actionPlanSubmittedOn: '2025-12-08' }, '2025-12-10').actionPlan).toBe(
      'submitted_late',
    );
    expect(summariseAssessment({ ...published, ratings: allGood }, '2025-12-10').actionPlan).toBe('not_required');
    expect(transitionProblem({ ...published, ratings: allGood }, 'submit_action_plan', '2025-12-01')).toMatch(
      /No action plan is needed/,
    );
    // Revised until the quality team accepts it; accepted once.
    const submitted = { ...published, actionPlanSubmittedOn: '2025-11-30' };
    expect(transitionProblem(submitted, 'submit_action_plan', '2025-12-01')).toBeNull();
    expect(transitionProblem(published, 'accept_action_plan', '2025-12-01')).toMatch(/not submitted/);
    expect(transitionProblem(submitted, 'accept_action_plan', '2025-12-01')).toBeNull();
    const accepted = { ...submitted, actionPlanAcceptedOn: '2025-12-02' };
    expect(transitionProblem(accepted, 'submit_action_plan', '2025-12-03')).toMatch(/can no longer be changed/);
    expect(transitionProblem(accepted, 'accept_action_plan', '2025-12-03')).toMatch(/already been accepted/);
    // Changes can be asked for only between submission and acceptance.
    expect(transitionProblem(published, 'request_action_plan_changes', '2025-12-01')).toMatch(/not submitted/);
    expect(transitionProblem(submitted, 'request_action_plan_changes', '2025-12-01')).toBeNull();
    expect(transitionProblem(accepted, 'request_action_plan_changes', '2025-12-03')).toMatch(
      /accepted and can no longer be changed/,
    );
  });

  it('feeds the market the latest published rating per location', () => {
    const m = latestPublishedRating([
      { locationId: 'a', status: 'published', publishedOn: '2024-06-01', overall: 'Good' },
      { locationId: 'a', status: 'published', publishedOn: '2025-06-01', overall: 'Requires improvement' },
      { locationId: 'a', status: 'provider_challenge', publishedOn: null, overall: 'Poor' },
      { locationId: 'b', status: 'draft', publishedOn: null, overall: 'Excellent' },
    ]);
    expect([...m.entries()]).toEqual([['a', { rating: 'Requires improvement', publishedOn: '2025-06-01' }]]);
  });
});
