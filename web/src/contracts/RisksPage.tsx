import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { RiskReviewForm } from './RiskReviewForm';
import {
  Chart,
  LoadingOrError,
  SuccessBanner,
  Page,
  RagTag,
  Table,
  Tag,
  categoricalColours,
  formatDate,
  useNavigationState,
  type PlotOptions,
} from '../components';
import { TREND_LABELS, label } from './labels';
import type { Risk } from './types';

interface RisksResponse {
  asAt: string;
  bands: Risk['band'][];
  risks: Risk[];
  heatMap: { likelihood: number; impact: number; count: number; score: number }[];
}

export function RisksPage() {
  const { data, loading, error, reload } = useApi<RisksResponse>('/api/contracts/risks');
  const { hasRole } = useAuth();
  const [navState, clearSaved] = useNavigationState<{ saved?: string }>();
  const saved = navState?.saved;
  const history = useMemo(
    () =>
      (data?.risks ?? []).flatMap((r) =>
        r.history.map((h) => ({ risk: r.reference, date: new Date(`${h.recordedOn}T00:00:00Z`), score: h.score })),
      ),
    [data],
  );
  const historyPlot = useCallback(
    (): PlotOptions => ({
      x: { type: 'utc', label: null, grid: true },
      y: { domain: [0, 25], label: 'Score (likelihood × impact)', grid: true },
      color: { legend: true, range: categoricalColours },
      marks: [
        ...(data?.bands ?? [])
          .slice(0, -1)
          .map((b) => Plot.ruleY([b.max + 0.5], { stroke: '#b1b4b6', strokeDasharray: '3,3' })),
        Plot.line(history, { x: 'date', y: 'score', stroke: 'risk', strokeWidth: 2 }),
        Plot.dot(history, { x: 'date', y: 'score', fill: 'risk', r: 3 }),
      ],
    }),
    [history, data],
  );
  const heatPlot = useCallback(
    (): PlotOptions => ({
      x: { label: 'Impact', domain: [1, 2, 3, 4, 5] },
      y: { label: 'Likelihood', domain: [5, 4, 3, 2, 1] },
      color: {
        type: 'threshold',
        domain: (data?.bands ?? []).slice(0, -1).map((b) => b.max + 0.5),
        range: ['#cce2d8', '#fcd6c3', '#f4cdc6'],
      },
      marks: [
        Plot.cell(data?.heatMap ?? [], { x: 'impact', y: 'likelihood', fill: 'score', inset: 1 }),
        Plot.text(data?.heatMap ?? [], {
          x: 'impact',
          y: 'likelihood',
          text: (d: { count: number }) => (d.count ? String(d.count) : ''),
          fontSize: 16,
          fontWeight: 'bold',
        }),
      ],
    }),
    [data],
  );
  const crumbs = [{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Risk register' }];
  if (!data)
    return (
      <Page title="Risk register" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="risks" />
      </Page>
    );
  const open = data.risks.filter((r) => r.status === 'open');
  const high = open.filter((r) => r.band.rag === 'red');
  const rising = open.filter((r) => r.trend === 'rising');
  return (
    <Page title="Risk register" caption="Contracts and delivery" breadcrumbs={crumbs}>
      <SuccessBanner heading={saved} href="#risks" linkText="See it in the register" after="." />
      {hasRole('commissioner', 'admin') && (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/contracts/risks/new">
              Add a risk
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/contracts/risks/bands">
              Change the risk bands
            </Link>
          </li>
        </ul>
      )}
      <p className="govuk-body">
        Score = likelihood (1–5) × impact (1–5). Bands:{' '}
        {data.bands.map((b) => `${b.label} ${b.min}–${b.max}`).join(', ')}.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Chart
            title="Open risks by likelihood and impact"
            description={`${open.length} open risks, ${high.length} rated ${data.bands[data.bands.length - 1]?.label ?? 'high'}. Each cell shows how many risks have that likelihood and impact.`}
            plot={heatPlot}
            height={300}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Chart
            title="Risk scores at each review"
            description={
              rising.length
                ? `${rising.map((r) => r.reference).join(', ')} rose at the last review.`
                : 'No risk score rose at the last review.'
            }
            plot={historyPlot}
            height={300}
            dataTable={
              <Table
                caption="Score history"
                captionHidden
                rows={history}
                rowKey={(h, i) => `${h.risk}-${i}`}
                columns={[
                  { key: 'risk', header: 'Risk' },
                  { key: 'date', header: 'Reviewed', render: (h) => formatDate(h.date.toISOString().slice(0, 10)) },
                  { key: 'score', header: 'Score', numeric: true },
                ]}
              />
            }
          />
        </div>
      </div>
      <h2 className="govuk-heading-m" id="risks">
        Risks
      </h2>
      <Table
        caption="Risks"
        captionHidden
        rows={data.risks}
        rowKey={(r) => r.id}
        sortable
        initialSort={{ key: 'score', direction: 'descending' }}
        columns={[
          { key: 'reference', header: 'Ref', sortValue: (r) => r.reference },
          {
            key: 'title',
            header: 'Identified risk',
            render: (r) => (
              <>
                {r.title}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">Owner: {r.owner}</span>
              </>
            ),
          },
          {
            key: 'mitigation',
            header: 'Risk mitigation',
            render: (r) => <span className="govuk-!-font-size-16">{r.mitigation}</span>,
          },
          { key: 'likelihood', header: 'Likelihood', numeric: true },
          { key: 'impact', header: 'Impact', numeric: true },
          { key: 'score', header: 'Risk score', numeric: true, sortValue: (r) => r.score },
          { key: 'rag', header: 'RAG', render: (r) => <RagTag status={r.band.rag}>{r.band.label}</RagTag> },
          { key: 'trend', header: 'Trend', render: (r) => label(TREND_LABELS, r.trend) },
          {
            key: 'status',
            header: 'Status',
            render: (r) => (r.status === 'closed' ? <Tag colour="grey">Closed</Tag> : 'Open'),
            sortValue: (r) => r.status,
          },
          {
            key: 'review',
            header: 'Review',
            render: (r) => (
              <>
                {r.reviewDate ? formatDate(r.reviewDate) : '–'}
                {r.reviewOverdue && (
                  <>
                    {' '}
                    <Tag colour="red">Overdue</Tag>
                  </>
                )}
              </>
            ),
            sortValue: (r) => r.reviewDate,
          },
        ]}
      />
      {hasRole('commissioner', 'admin') && (
        <RiskReviewForm
          risks={data.risks}
          onDone={() => {
            clearSaved();
            reload();
          }}
        />
      )}
    </Page>
  );
}
