import { defaultPlanYear } from '../../../src/domain/bcf/period';
import { londonToday } from '../../../src/domain/core/dates';
import { wholePoundsTotal } from '../../../src/domain/core/format';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api';
import {
  Chart,
  DownloadLinks,
  KeyFigures,
  LoadingOrError,
  Page,
  Table,
  Tag,
  chartColours,
  type PlotOptions,
} from '../components';
import { RiskLog } from './RiskLog';
import { fundingColumns, schemeColumns } from './downloads';
import { BcfPage, poundsText, usePlanId } from './common';
import type { PlanView, Scheme } from './types';

const CRUMBS = [{ text: 'Better Care Fund' }];

/** The funding chart's left margin, where each line's name is written (wrapped): 40% of the width, at most 320 px. */
const fundingMargin = (width: number) => Math.min(320, Math.floor(width * 0.4));

/** The chart font size in pixels (the Chart component's). */
const CHART_FONT_PX = 13;

export function PlanPage() {
  const { planId, plans, error: listError, loading: listLoading } = usePlanId();
  const [params, setParams] = useSearchParams();
  const { data, error, loading } = useApi<PlanView>(planId ? `/api/bcf/plans/${planId}` : null);
  const year = params.get('year') ?? (data ? defaultPlanYear(data.years, londonToday()) : '');
  const spend = data?.spend.find((s) => s.year === year && s.placeId === null)?.lines ?? [];
  const label = (line: string) => data?.fundingLineLabels[line] ?? line;
  const chartRows = useMemo(
    () =>
      spend.flatMap((l) => [
        { line: label(l.fundingLine), kind: 'Planned', pounds: l.plannedPence / 100 },
        { line: label(l.fundingLine), kind: 'Actual to date', pounds: l.actualPence / 100 },
      ]),
    [spend],
  );
  const plot = useCallback(
    (width: number): PlotOptions => ({
      width,
      marginLeft: fundingMargin(width),
      x: { label: '£ million', grid: true, transform: (v: number) => v / 1e6 },
      // The funding line names the pair of bars (left, wrapped to fit); the colour says planned or actual.
      y: { axis: null },
      fy: { label: null },
      color: { domain: ['Planned', 'Actual to date'], range: [chartColours.midGrey, chartColours.blue], legend: true },
      marks: [
        Plot.axisFy({
          anchor: 'left',
          label: null,
          // Plot wraps at a width in ems: the margin less a little room, in ems of the 13 px chart font.
          lineWidth: Math.max(6, (fundingMargin(width) - 10) / CHART_FONT_PX),
          tickSize: 0,
        }),
        Plot.barX(chartRows, { y: 'kind', x: 'pounds', fy: 'line', fill: 'kind' }),
        Plot.ruleX([0]),
      ],
      height: 60 + spend.length * 56,
    }),
    [chartRows, spend.length],
  );
  if (plans && plans.length === 0)
    return (
      <Page title="Better Care Fund" breadcrumbs={CRUMBS}>
        <p className="govuk-body">There is no BCF plan yet.</p>
      </Page>
    );
  if (!data)
    return (
      <Page title="Better Care Fund" breadcrumbs={CRUMBS}>
        <LoadingOrError loading={loading || listLoading} error={error ?? listError} what="the BCF plan" />
      </Page>
    );
  const place = (id: string | null) => data.places.find((p) => p.id === id)?.name ?? 'All places';
  // Totals of the whole pounds the funding-line table shows, so the headline equals the sum of its rows.
  const totals = {
    income: wholePoundsTotal(spend.map((l) => l.incomePence)),
    planned: wholePoundsTotal(spend.map((l) => l.plannedPence)),
    actual: wholePoundsTotal(spend.map((l) => l.actualPence)),
  };
  const byPlace = data.spend.filter((s) => s.year === year && s.placeId !== null);
  const placeRows = byPlace.flatMap((s) => s.lines.map((l) => ({ ...l, place: place(s.placeId) })));
  const checks = data.checks.filter((c) => c.year === year);
  const planned = (s: Scheme) => s.funding.filter((f) => f.year === year).reduce((a, f) => a + f.plannedPence, 0);
  const actual = (s: Scheme) => s.actuals.filter((a) => a.year === year).reduce((a, f) => a + f.actualPence, 0);
  const unmet = checks.filter((c) => !c.met).length;
  return (
    <BcfPage title={data.name} crumbs={CRUMBS} planId={data.id}>
      <p className="govuk-body">
        {data.places.length > 1 ? 'Joint plan for ' : 'Plan for '}
        {data.places.map((p) => p.name).join(', ')}. Baseline year {data.baselineYear}.
      </p>
      {plans && plans.length > 1 && (
        <nav aria-label="Other BCF plans">
          <p className="govuk-body">
            Other plans:{' '}
            {plans
              .filter((p) => p.id !== data.id)
              .map((p, i) => (
                <span key={p.id}>
                  {i > 0 && '; '}
                  <Link className="govuk-link" to={`/bcf?plan=${p.id}`}>
                    {p.name}
                  </Link>
                </span>
              ))}
          </p>
        </nav>
      )}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="year">
          Financial year
        </label>
        <select
          className="govuk-select"
          id="year"
          value={year}
          onChange={(e) => setParams((p) => (p.set('year', e.target.value), p))}
        >
          {data.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <KeyFigures
        figures={[
          { key: 'income', label: `Income ${year}`, value: Math.round(totals.income / 100) * 100, unit: 'pence' },
          { key: 'planned', label: 'Planned spend', value: Math.round(totals.planned / 100) * 100, unit: 'pence' },
          { key: 'actual', label: 'Actual spend to date', value: Math.round(totals.actual / 100) * 100, unit: 'pence' },
          { key: 'checks', label: 'National condition checks not met', value: unmet, unit: 'count' },
        ]}
      />
      <Chart
        title={`Spend against plan by funding line, ${year}`}
        description={`Planned spend and actual spend to date for each funding line across ${data.places.length === 1 ? data.places[0].name : `the ${data.places.length} places`}. ${spend
          .map((l) => `${label(l.fundingLine)}: ${poundsText(l.actualPence)} of ${poundsText(l.plannedPence)}`)
          .join('; ')}.`}
        plot={plot}
        height={60 + spend.length * 56}
      />
      <h2 className="govuk-heading-m">Funding lines by place</h2>
      <Table
        caption={`Income, planned and actual spend by place and funding line, ${year}`}
        captionHidden
        rows={placeRows}
        rowKey={(r) => `${r.place}-${r.fundingLine}`}
        columns={[
          { key: 'place', header: 'Place' },
          { key: 'fundingLine', header: 'Funding line', render: (r) => label(r.fundingLine) },
          { key: 'income', header: 'Income', numeric: true, render: (r) => poundsText(r.incomePence) },
          { key: 'planned', header: 'Planned', numeric: true, render: (r) => poundsText(r.plannedPence) },
          { key: 'actual', header: 'Actual to date', numeric: true, render: (r) => poundsText(r.actualPence) },
        ]}
      />
      <DownloadLinks
        filename={`bcf-funding-${year.replace('/', '-')}`}
        filter={data.name}
        what="funding lines"
        rows={placeRows}
        columns={fundingColumns(label)}
      />
      <h2 className="govuk-heading-m">National conditions</h2>
      <Table
        caption={`Minimum contribution and ring-fence checks, ${year}`}
        captionHidden
        rows={checks}
        rowKey={(c) => `${c.placeId}-${c.key}`}
        columns={[
          { key: 'place', header: 'Place', render: (c) => place(c.placeId) },
          { key: 'label', header: 'Check' },
          {
            key: 'met',
            header: 'Status',
            render: (c) => <Tag colour={c.met ? 'green' : 'red'}>{c.met ? 'Met' : 'Not met'}</Tag>,
          },
          { key: 'detail', header: 'Detail' },
        ]}
      />
      <h2 className="govuk-heading-m">Schemes</h2>
      <Table
        caption={`Schemes with planned and actual spend, ${year}`}
        captionHidden
        sortable
        rows={data.schemes}
        rowKey={(s) => s.id}
        columns={[
          {
            key: 'ref',
            header: 'Scheme',
            render: (s) => (
              <Link className="govuk-link" to={`/bcf/schemes/${s.id}?plan=${data.id}`}>
                {s.ref} {s.name}
              </Link>
            ),
            sortValue: (s) => s.ref,
          },
          { key: 'place', header: 'Place', render: (s) => place(s.placeId), sortValue: (s) => place(s.placeId) },
          { key: 'schemeType', header: 'Scheme type', render: (s) => `${s.schemeType}: ${s.subType}` },
          { key: 'commissioner', header: 'Commissioner' },
          {
            key: 'planned',
            header: 'Planned',
            numeric: true,
            render: (s) => poundsText(planned(s)),
            sortValue: planned,
          },
          {
            key: 'actual',
            header: 'Actual to date',
            numeric: true,
            render: (s) => poundsText(actual(s)),
            sortValue: actual,
          },
        ]}
      />
      <DownloadLinks
        filename={`bcf-schemes-${year.replace('/', '-')}`}
        filter={data.name}
        what="schemes"
        rows={data.schemes}
        columns={schemeColumns(year, place)}
      />
      <h2 className="govuk-heading-m">Risk log</h2>
      <RiskLog planId={data.id} schemes={data.schemes} />
    </BcfPage>
  );
}
