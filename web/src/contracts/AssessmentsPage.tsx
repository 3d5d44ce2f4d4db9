import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { Button, LoadingOrError, Page, RatingTag, Table, Tag, formatDate } from '../components';
import { ACTION_PLAN_LABELS, ASSESSMENT_STATUS_LABELS, label } from './labels';
import type { Assessment } from './types';

export function AssessmentStatusTag({ a }: { a: Assessment }) {
  if (a.status === 'provider_challenge')
    return (
      <Tag colour={a.providerRespondedOn ? 'blue' : 'yellow'}>
        {a.providerRespondedOn
          ? a.providerResponse === 'challenge'
            ? 'Challenged'
            : 'Accepted by provider'
          : 'With provider for challenge'}
      </Tag>
    );
  return <Tag colour={a.status === 'published' ? 'green' : 'grey'}>{label(ASSESSMENT_STATUS_LABELS, a.status)}</Tag>;
}

export function AssessmentsPage() {
  const { user, hasRole } = useAuth();
  const provider = user?.role === 'provider';
  const { data, loading, error } = useApi<{ assessments: Assessment[] }>('/api/contracts/assessments');
  const title = provider ? 'Your quality assessments' : 'Quality assessments';
  return (
    <Page
      title={title}
      caption="Contracts and delivery"
      breadcrumbs={[{ text: 'Contracts and delivery', href: '/contracts' }, { text: title }]}
    >
      <p className="govuk-body">
        Assessments follow the PAMMS model: five domains, each and overall rated Excellent, Good, Requires improvement
        or Poor. A draft goes to the provider, who has 14 days to accept or challenge it before it is published;
        anything rated Requires improvement or Poor needs an action plan within 14 days of publication.
      </p>
      {hasRole('quality_officer', 'admin') && <Button href="/contracts/assessments/new">Record an assessment</Button>}
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="assessments" />
      ) : (
        <Table
          caption="Assessments"
          captionHidden
          rows={data.assessments}
          rowKey={(a) => a.id}
          sortable
          emptyText="No assessments yet."
          columns={[
            {
              key: 'location',
              header: 'Service',
              render: (a) => (
                <>
                  <Link className="govuk-link" to={`/contracts/assessments/${a.id}`}>
                    {a.locationName}
                  </Link>
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">
                    {a.providerName} · {a.postcodeDistrict}
                  </span>
                </>
              ),
              sortValue: (a) => a.locationName,
            },
            {
              key: 'visitDate',
              header: 'Visit',
              render: (a) => formatDate(a.visitDate),
              sortValue: (a) => a.visitDate,
            },
            {
              key: 'overall',
              header: 'Overall',
              render: (a) => <RatingTag rating={a.overall} scheme="pamms" />,
              sortValue: (a) => a.overall,
            },
            {
              key: 'status',
              header: 'Status',
              render: (a) => <AssessmentStatusTag a={a} />,
              sortValue: (a) => a.status,
            },
            {
              key: 'challenge',
              header: 'Challenge window',
              render: (a) =>
                a.challengeDaysLeft !== null
                  ? `${a.challengeDaysLeft} days left`
                  : a.challengeDeadline
                    ? `Closed ${formatDate(a.challengeDeadline)}`
                    : '–',
            },
            {
              key: 'plan',
              header: 'Action plan',
              render: (a) => (
                <>
                  {label(ACTION_PLAN_LABELS, a.actionPlanState)}
                  {a.actionPlanDue && a.actionPlanState !== 'submitted' ? (
                    <>
                      <br />
                      <span className="govuk-hint govuk-!-font-size-16">due {formatDate(a.actionPlanDue)}</span>
                    </>
                  ) : null}
                </>
              ),
              sortValue: (a) => a.actionPlanState,
            },
          ]}
        />
      )}
    </Page>
  );
}
