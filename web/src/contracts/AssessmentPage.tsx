import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  Details,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  Page,
  Radios,
  RatingTag,
  SummaryList,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  type SummaryError,
} from '../components';
import { ACTION_PLAN_LABELS, ASSESSMENT_DOMAINS, DOMAIN_LABELS, label } from './labels';
import { AssessmentStatusTag } from './AssessmentsPage';
import { HistoryTable } from './HistoryTable';
import type { Assessment, HistoryEntry } from './types';
import { SavedBanner } from './SavedBanner';
import { OfficerActions } from './AssessmentOfficerActions';

export function AssessmentPage() {
  const { id } = useParams();
  const { user, hasRole } = useAuth();
  const { data: a, loading, error, reload: reloadAssessment } = useApi<Assessment>(`/api/contracts/assessments/${id}`);
  const history = useApi<{ history: HistoryEntry[] }>(`/api/contracts/assessments/${id}/history`, {
    keepPrevious: true,
  });
  const reload = () => {
    reloadAssessment();
    history.reload();
  };
  const [response, setResponse] = useState('');
  const [comments, setComments] = useState('');
  const [plan, setPlan] = useState('');
  const [changes, setChanges] = useState('');
  // The submitted plan, to revise from (kept as typed once the user starts changing it).
  const submittedPlan = a?.actionPlan ?? null;
  useEffect(() => {
    if (submittedPlan !== null) setPlan(submittedPlan);
  }, [submittedPlan]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Quality assessments', href: '/contracts/assessments' },
    { text: 'Assessment' },
  ];
  if (!a)
    return (
      <Page title="Quality assessment" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the assessment" />
      </Page>
    );

  const act = async (path: string, body: unknown, message: string, after?: () => void) => {
    try {
      await apiSend('POST', `/api/contracts/assessments/${a.id}/${path}`, body);
      setErrors([]);
      setDone(message);
      after?.();
      reload();
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };
  const respond = (e: FormEvent) => {
    e.preventDefault();
    if (!response) {
      setErrors([{ field: 'response', message: 'Choose whether you accept or challenge the draft' }]);
      return;
    }
    if (response === 'challenge' && !comments.trim()) {
      setErrors([{ field: 'comments', message: 'Say what you challenge and why' }]);
      return;
    }
    void act(
      'response',
      { response, comments: comments.trim() || null },
      response === 'accept' ? 'You accepted the draft assessment' : 'Your challenge has been sent to the quality team',
    );
  };
  const submitPlan = (e: FormEvent) => {
    e.preventDefault();
    if (!plan.trim()) {
      setErrors([{ field: 'actionPlan', message: 'Enter the action plan' }]);
      return;
    }
    void act('action-plan', { actionPlan: plan }, a.actionPlan ? 'Action plan revised' : 'Action plan submitted');
  };
  const askForChanges = (e: FormEvent) => {
    e.preventDefault();
    if (!changes.trim()) {
      setErrors([{ field: 'changes', message: 'Say what the action plan needs to change' }]);
      return;
    }
    void act(
      'action-plan/changes',
      { changes: changes.trim() },
      'Changes asked for: the provider can now revise its action plan',
      () => setChanges(''),
    );
  };
  const isOwnerProvider = user?.role === 'provider';
  const officer = hasRole('quality_officer', 'admin');
  const canRespond =
    isOwnerProvider && a.status === 'provider_challenge' && !a.providerRespondedOn && a.challengeDaysLeft !== null;
  const canPlan =
    isOwnerProvider && a.status === 'published' && (a.actionPlanState === 'due' || a.actionPlanState === 'overdue');
  // A submitted plan stays open to the provider's revision until a quality officer accepts it.
  const canRevise = isOwnerProvider && a.actionPlan !== null && !a.actionPlanAcceptedOn;
  const canAccept = officer && a.actionPlan !== null && !a.actionPlanAcceptedOn;

  return (
    <Page
      title={`${a.locationName}: quality assessment`}
      caption={a.providerName}
      hasErrors={errors.length > 0}
      breadcrumbs={crumbs}
    >
      <ErrorSummary errors={errors} />
      <SavedBanner heading={done} what="assessment" />
      <SummaryList
        rows={[
          { key: 'Status', value: <AssessmentStatusTag a={a} /> },
          { key: 'Visit', value: `${formatDate(a.visitDate)}${a.assessorName ? ` by ${a.assessorName}` : ''}` },
          ...(a.challengeDeadline
            ? [
                {
                  key: 'Challenge window',
                  value: `Shared ${formatDate(a.sharedOn!)}; challenges by ${formatDate(a.challengeDeadline)}${a.challengeDaysLeft !== null ? ` (${a.challengeDaysLeft} days left)` : ''}`,
                },
              ]
            : []),
          ...(a.publishedOn ? [{ key: 'Published', value: formatDate(a.publishedOn) }] : []),
          {
            key: 'Action plan',
            value: `${label(ACTION_PLAN_LABELS, a.actionPlanState)}${a.actionPlanDue ? `, due ${formatDate(a.actionPlanDue)}` : ''}`,
          },
        ]}
      />
      <h2 className="govuk-heading-m">Ratings</h2>
      <SummaryList
        rows={[
          ...ASSESSMENT_DOMAINS.map((d) => ({
            key: DOMAIN_LABELS[d],
            value: <RatingTag rating={a.ratings[d]} scheme="pamms" />,
          })),
          {
            key: 'Overall',
            value: (
              <>
                <RatingTag rating={a.overall} scheme="pamms" /> <span className="govuk-body-s">{a.overallReason}</span>
              </>
            ),
          },
        ]}
      />
      <Details summary="How the overall rating is worked out">
        <p className="govuk-body">
          Poor when safeguarding and safety is Poor or two or more domains are Poor; Requires improvement when one
          domain is Poor or two or more require improvement; Excellent when at least two domains are Excellent and none
          is below Good; otherwise Good. These are CQC’s aggregation principles applied to the PAMMS scale.
        </p>
      </Details>
      {a.summary && <InsetText>{a.summary}</InsetText>}
      {a.providerResponse && (
        <>
          <h2 className="govuk-heading-m">Provider’s response</h2>
          <p className="govuk-body">
            {a.providerResponse === 'accept' ? 'Accepted' : 'Challenged'} on {formatDate(a.providerRespondedOn!)}
            {a.providerComments ? `: ${a.providerComments}` : '.'}
          </p>
        </>
      )}
      {a.actionPlan && (
        <>
          <h2 className="govuk-heading-m">Action plan</h2>
          <p className="govuk-body">{a.actionPlan}</p>
          {a.actionPlanAcceptedOn ? (
            <InsetText>
              Accepted by the quality team on {formatDate(a.actionPlanAcceptedOn)}. The plan is now fixed and can no
              longer be revised.
            </InsetText>
          ) : (
            <p className="govuk-body-s">Not yet accepted by the quality team: the provider may still revise it.</p>
          )}
          {a.actionPlanChangesRequested && (
            <InsetText>
              <strong>The quality team asked for changes on {formatDate(a.actionPlanChangesRequestedOn!)}:</strong>{' '}
              {a.actionPlanChangesRequested}
            </InsetText>
          )}
          {canAccept && (
            <>
              <Button type="button" onClick={() => void act('action-plan/accept', undefined, 'Action plan accepted')}>
                Accept the action plan
              </Button>
              <form onSubmit={askForChanges} noValidate>
                <Textarea
                  name="changes"
                  label="Or ask the provider for changes"
                  hint="Say what the plan must change or add; the provider sees this and revises it."
                  value={changes}
                  onChange={setChanges}
                  rows={3}
                  error={fieldError(errors, 'changes')}
                />
                <Button variant="secondary">Ask for changes</Button>
              </form>
            </>
          )}
        </>
      )}

      {canRespond && (
        <form onSubmit={respond} noValidate>
          <h2 className="govuk-heading-m">Your response</h2>
          <Radios
            name="response"
            legend="Do you accept this draft?"
            value={response}
            onChange={setResponse}
            error={fieldError(errors, 'response')}
            items={[
              { value: 'accept', text: 'Accept the draft' },
              {
                value: 'challenge',
                text: 'Challenge the draft',
                hint: 'Say which ratings you challenge and give your evidence.',
              },
            ]}
          />
          <Textarea
            name="comments"
            label="Comments"
            value={comments}
            onChange={setComments}
            rows={5}
            error={fieldError(errors, 'comments')}
          />
          <Button>Send response</Button>
        </form>
      )}
      {(canPlan || canRevise) && (
        <form onSubmit={submitPlan} noValidate>
          <Textarea
            name="actionPlan"
            label="Action plan"
            hint="For each domain below Good: the actions, who leads them and by when."
            value={plan}
            onChange={setPlan}
            rows={6}
            error={fieldError(errors, 'actionPlan')}
          />
          <Button>{a.actionPlan ? 'Submit the revised action plan' : 'Submit action plan'}</Button>
        </form>
      )}
      {officer && (a.status === 'draft' || a.status === 'provider_challenge') && (
        <OfficerActions
          assessment={a}
          onDone={(m) => {
            setDone(m);
            setErrors([]);
            reload();
          }}
          onErrors={setErrors}
        />
      )}
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="history">
        History
      </h2>
      {history.data ? (
        <HistoryTable
          caption="Changes to this assessment and its action plan, newest first"
          rows={history.data.history}
        />
      ) : (
        <LoadingOrError loading={history.loading} error={history.error} what="the assessment’s history" />
      )}
    </Page>
  );
}
