import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api';
import { KeyFigures, LoadingOrError, Page, Radios, Table, Tag, formatDate, formatWholePounds } from '../components';
import { DECISION_LABELS, PROCUREMENT_STAGE_LABELS, SERVICE_AREA_LABELS, label } from './labels';
import type { RecommissioningEntry } from './types';

export function RecommissioningPage() {
  const [params, setParams] = useSearchParams();
  const horizon = ['6', '12', '18'].includes(params.get('horizon') ?? '') ? params.get('horizon')! : '12';
  const { data, loading, error } = useApi<{
    asAt: string;
    entries: RecommissioningEntry[];
    totals: { horizon: number; contracts: number; annualValuePence: number }[];
  }>(`/api/contracts/recommissioning?horizon=${horizon}`);
  return (
    <Page
      title="Recommissioning"
      caption="Contracts and delivery"
      breadcrumbs={[{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Recommissioning' }]}
    >
      <p className="govuk-body">
        Every contract ending in the period needs a decision: extend, re-tender, direct award, decommission or bring
        in-house. The notice deadline is the end date less the contract’s notice period.
      </p>
      <Radios
        name="horizon"
        legend="Contracts ending within"
        inline
        small
        value={horizon}
        onChange={(v) => setParams({ horizon: v })}
        items={[
          { value: '6', text: '6 months' },
          { value: '12', text: '12 months' },
          { value: '18', text: '18 months' },
        ]}
      />
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the recommissioning list" />
      ) : (
        <>
          <KeyFigures
            label="Contracts ending"
            figures={data.totals
              .filter((t) => t.horizon <= Number(horizon))
              .map((t) => ({
                key: `h${t.horizon}`,
                label: `Ending within ${t.horizon} months`,
                value: t.contracts,
                unit: 'count' as const,
                hint: `${formatWholePounds(t.annualValuePence)} a year`,
              }))}
          />
          <Table
            caption={`Contracts ending within ${horizon} months of ${formatDate(data.asAt)}`}
            rows={data.entries}
            rowKey={(e) => e.id}
            sortable
            initialSort={{ key: 'end', direction: 'ascending' }}
            emptyText="No contracts end in this period."
            columns={[
              {
                key: 'reference',
                header: 'Contract',
                render: (e) => (
                  <>
                    <Link className="govuk-link" to={`/contracts/register/${e.id}`}>
                      {e.reference}
                    </Link>{' '}
                    {e.title}
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">
                      {e.providerName ?? 'In-house'} · {label(SERVICE_AREA_LABELS, e.serviceArea)}
                    </span>
                  </>
                ),
                sortValue: (e) => e.reference,
              },
              {
                key: 'end',
                header: 'Ends',
                render: (e) => (
                  <>
                    {formatDate(e.currentEndDate)}
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">in {e.daysToEnd} days</span>
                  </>
                ),
                sortValue: (e) => e.currentEndDate,
              },
              {
                key: 'value',
                header: 'Annual value',
                numeric: true,
                render: (e) => formatWholePounds(e.annualValuePence),
                sortValue: (e) => e.annualValuePence,
              },
              {
                key: 'notice',
                header: 'Notice deadline',
                render: (e) => (
                  <>
                    {formatDate(e.noticeDeadline)}
                    {e.noticeDeadlinePassed && (
                      <>
                        {' '}
                        <Tag colour="red">Passed</Tag>
                      </>
                    )}
                  </>
                ),
                sortValue: (e) => e.noticeDeadline,
              },
              {
                key: 'decision',
                header: 'Decision',
                render: (e) => (e.decision ? label(DECISION_LABELS, e.decision) : <Tag colour="yellow">To decide</Tag>),
              },
              {
                key: 'procurement',
                header: 'Procurement',
                render: (e) =>
                  e.procurementStage ? (
                    <>
                      {label(PROCUREMENT_STAGE_LABELS, e.procurementStage)}
                      {e.forecastGoLive && (
                        <>
                          <br />
                          <span className="govuk-hint govuk-!-font-size-16">
                            go-live {formatDate(e.forecastGoLive)}
                          </span>
                        </>
                      )}
                    </>
                  ) : (
                    'None'
                  ),
              },
              {
                key: 'flags',
                header: 'Attention',
                render: (e) =>
                  e.flags.length ? (
                    <ul className="govuk-list govuk-!-font-size-16">
                      {e.flags.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : (
                    <Tag colour="green">On track</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
