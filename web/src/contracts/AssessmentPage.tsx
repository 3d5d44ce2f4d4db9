import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  ButtonGroup,
  Details,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  NotificationBanner,
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
import type { Assessment } from './types';

export function AssessmentPage() {
  const { id } = useParams();
  const { user, hasRole } = useAuth();
  const { data: a, loading, error, reload } = useApi<Assessment>(`/api/contracts/assessments/${id}`);
  const [response, setResponse] = useState('');
  const [comments, setComments] = useState('');
  const [plan, setPlan] = useState('');
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

  const act = async (path: string, body: unknown, message: string) => {
    try {
      await apiSend('POST', `/api/contracts/assessments/${a.id}/${path}`, body);
      setErrors([]);
      setDone(message);
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
    void act('action-plan', { actionPlan: plan }, 'Action plan submitted');
  };
  const isOwnerProvider = user?.role === 'provider';
  const officer = hasRole('quality_officer', 'admin');
  const canRespond =
    isOwnerProvider && a.status === 'provider_challenge' && !a.providerRespondedOn && a.challengeDaysLeft !== null;
  const canPlan =
    isOwnerProvider && a.status === 'published' && (a.actionPlanState === 'due' || a.actionPlanState === 'overdue');

  return (
    <Page
      title={`${a.locationName}: quality assessment`}
      caption={a.providerName}
      hasErrors={errors.length > 0}
      breadcrumbs={crumbs}
    >
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
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
      {canPlan && (
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
          <Button>Submit action plan</Button>
        </form>
      )}
      {officer && a.status !== 'published' && (
        <ButtonGroup>
          {a.status === 'draft' && (
            <Button
              type="button"
              onClick={() =>
                void act('share', undefined, 'Draft shared with the provider: the 14-day challenge window has started')
              }
            >
              Share with provider
            </Button>
          )}
          {a.status === 'provider_challenge' && (
            <Button
              type="button"
              onClick={() =>
                void act('publish', undefined, 'Assessment published: the rating now shows in the market register')
              }
            >
              Publish
            </Button>
          )}
        </ButtonGroup>
      )}
    </Page>
  );
}
