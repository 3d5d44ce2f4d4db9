// A location's quality picture for council staff: its open provider concerns, CQC's latest rating (the external one)
// and the council's own quality assessments.
import { Link } from 'react-router';
import { useApi } from '../api';
import { LoadingOrError, RatingTag, SummaryList, Table, formatDate, type Column } from '../components';
import type { Wire } from '../../../src/server/schemas';
import type { concernViewSchema } from '../../../src/server/contracts/concernSchemas';
import type { Assessment } from '../contracts/types';
import { ConcernStatusTag, concernSummaryColumn } from '../contracts/ConcernPage';
import { AssessmentStatusTag } from '../contracts/AssessmentsPage';
import { CONCERN_KIND_LABELS, label } from '../contracts/labels';

type Concern = Wire<typeof concernViewSchema>;

/** The location's ratings as the market register holds them (CQC's, and the council's latest). */
export interface LocationRatings {
  cqcRating: string | null;
  cqcRatingDate: string | null;
  councilQualityRating: string | null;
  councilQualityRatingDate: string | null;
}

/** The concern tables' columns: raised, kind, summary (a link), the safeguarding reference if asked for, stage. */
function concernColumns(withSafeguarding: boolean): Column<Concern>[] {
  return [
    { key: 'raisedOn', header: 'Raised', render: (c) => formatDate(c.raisedOn) },
    { key: 'kind', header: 'Kind', render: (c) => label(CONCERN_KIND_LABELS, c.kind) },
    concernSummaryColumn(),
    ...(withSafeguarding
      ? [
          {
            key: 'safeguarding',
            header: 'Safeguarding referral',
            render: (c: Concern) => (c.safeguardingReference ? c.safeguardingReference : 'None'),
          },
        ]
      : []),
    { key: 'status', header: 'Status', render: (c) => <ConcernStatusTag concern={c} /> },
  ];
}

/**
 * Open concerns (with a link to each and to the closed ones); then the assessment history: CQC's latest rating,
 * labelled as CQC's, and every council quality assessment, newest visit first.
 */
export function LocationQuality({ locationId, ratings }: { locationId: string; ratings: LocationRatings }) {
  const concerns = useApi<{ concerns: Concern[] }>(`/api/contracts/concerns?locationId=${locationId}`);
  const assessments = useApi<{ assessments: Assessment[] }>(`/api/contracts/assessments?locationId=${locationId}`);
  const open = concerns.data?.concerns.filter((c) => c.status !== 'closed') ?? [];
  const closed = concerns.data?.concerns.filter((c) => c.status === 'closed') ?? [];
  return (
    <>
      <h2 className="govuk-heading-m" id="concerns">
        Open concerns
      </h2>
      {!concerns.data ? (
        <LoadingOrError loading={concerns.loading} error={concerns.error} what="concerns" />
      ) : (
        <>
          <Table
            caption="Open provider concerns and safeguarding referrals"
            captionSize="s"
            rows={open}
            rowKey={(c) => c.id}
            emptyText="No open concerns."
            columns={concernColumns(true)}
          />
          {closed.length > 0 && (
            <Table
              caption="Closed concerns"
              captionSize="s"
              rows={closed}
              rowKey={(c) => c.id}
              columns={concernColumns(false)}
            />
          )}
        </>
      )}
      <h2 className="govuk-heading-m" id="assessments">
        Quality assessments
      </h2>
      <SummaryList
        rows={[
          {
            key: 'Latest external rating',
            value: ratings.cqcRating ? (
              <>
                CQC’s rating: <RatingTag rating={ratings.cqcRating} />
                {ratings.cqcRatingDate ? `, published ${formatDate(ratings.cqcRatingDate)}` : ''}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">
                  From the Care Quality Commission’s register, not a council assessment.
                </span>
              </>
            ) : (
              'CQC has not rated this service yet.'
            ),
          },
        ]}
      />
      {!assessments.data ? (
        <LoadingOrError loading={assessments.loading} error={assessments.error} what="assessments" />
      ) : (
        <>
          <Table
            caption="Council quality assessments, newest visit first"
            captionSize="s"
            rows={assessments.data.assessments}
            rowKey={(a) => a.id}
            emptyText="No council quality assessments recorded."
            columns={[
              {
                key: 'visitDate',
                header: 'Visit',
                render: (a) => (
                  <Link className="govuk-link" to={`/contracts/assessments/${a.id}`}>
                    {formatDate(a.visitDate)}
                  </Link>
                ),
              },
              { key: 'overall', header: 'Overall', render: (a) => <RatingTag rating={a.overall} scheme="pamms" /> },
              { key: 'status', header: 'Status', render: (a) => <AssessmentStatusTag a={a} /> },
              {
                key: 'publishedOn',
                header: 'Published',
                render: (a) => (a.publishedOn ? formatDate(a.publishedOn) : 'Not yet'),
              },
            ]}
          />
          {assessments.data.assessments.length === 0 && ratings.councilQualityRating && (
            <p className="govuk-body">
              The council quality rating above ({ratings.councilQualityRating}
              {ratings.councilQualityRatingDate ? `, ${formatDate(ratings.councilQualityRatingDate)}` : ''}) came with
              the market data: no assessment record is held for it here.
            </p>
          )}
        </>
      )}
    </>
  );
}
