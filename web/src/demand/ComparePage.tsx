import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import {
  Chart,
  DownloadLinks,
  LoadingOrError,
  Page,
  Table,
  categoricalColours,
  formatGbp,
  formatShortfall,
  type Column,
} from '../components';
import type { CompareResponse } from './types';

type ScenarioRow = CompareResponse['scenarios'][number];
const GAP_SERVICES = ['care_home_residential', 'care_home_nursing', 'homecare'];

/** Two or more scenarios side by side: crossing years, gaps and budget pressure. */
/** Whole pounds of a sum in pence (figures of thousands or millions a year); "Not available" when missing. */
const pounds = (pence: number | undefined) => formatGbp(pence === undefined ? null : Math.round(pence / 100));

export function ComparePage() {
  const [search] = useSearchParams();
  const ids = search.get('scenarios') ?? '';
  const { data, error, loading } = useApi<CompareResponse>(
    ids ? withQuery('/api/demand/compare', { scenarios: ids }) : null,
  );
  const crumbs = [
    { text: 'Need and demand', href: '/demand' },
    { text: 'Scenarios', href: '/demand/scenarios' },
    { text: 'Compare' },
  ];
  const gapSeries = (data?.scenarios ?? []).flatMap((s) => {
    const ch = s.services.find((x) => x.service === 'care_home_residential');
    return ch?.gap ? s.years.map((year, i) => ({ scenario: s.name, year, gap: ch.gap![i] })) : [];
  });
  const budgetSeries = (data?.scenarios ?? []).flatMap((s) =>
    s.budget.map((b) => ({ scenario: s.name, year: b.year, pressure: b.pressurePence / 100 })),
  );
  const gapPlot = useCallback(
    () => ({
      y: { grid: true, label: 'Residential beds short (+) or spare (−)' },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [Plot.ruleY([0]), Plot.lineY(gapSeries, { x: 'year', y: 'gap', stroke: 'scenario', strokeWidth: 2 })],
    }),
    [gapSeries],
  );
  const budgetPlot = useCallback(
    () => ({
      y: { grid: true, label: 'Budget pressure (£ a year)', tickFormat: '~s' },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(budgetSeries, { x: 'year', y: 'pressure', stroke: 'scenario', strokeWidth: 2 }),
      ],
    }),
    [budgetSeries],
  );
  if (!data) {
    return (
      <Page title="Compare scenarios" breadcrumbs={crumbs}>
        {ids ? (
          <LoadingOrError loading={loading} error={error} what="the comparison" />
        ) : (
          <p className="govuk-body">Choose scenarios to compare on the scenarios page.</p>
        )}
      </Page>
    );
  }
  // Scenarios may end in different years: each one's prose and "not by" use its own last year.
  const lastYearOf = (s: ScenarioRow) => s.years[s.years.length - 1];
  const at = (s: ScenarioRow, year: number) => s.years.indexOf(year);
  const y2035 = data.scenarios.every((s) => s.years.includes(2035))
    ? 2035
    : Math.min(...data.scenarios.map(lastYearOf));
  const columns: Column<ScenarioRow>[] = [
    { key: 'name', header: 'Scenario' },
    ...GAP_SERVICES.flatMap((svc): Column<ScenarioRow>[] => {
      const label = data.scenarios[0].services.find((x) => x.service === svc);
      if (!label || !label.gap) return [];
      return [
        {
          key: `${svc}-cross`,
          header: `${label.label}: capacity runs out`,
          render: (s) => String(s.services.find((x) => x.service === svc)?.crossingYear ?? 'Not by ' + lastYearOf(s)),
        },
        {
          key: `${svc}-gap`,
          header: `${label.label}: ${y2035}`,
          numeric: true,
          render: (s) =>
            formatShortfall(s.services.find((x) => x.service === svc)?.gap?.[at(s, y2035)] ?? null, label.unit),
        },
      ];
    }),
    {
      key: 'pressure',
      header: `Budget pressure in ${y2035}`,
      numeric: true,
      render: (s) => pounds(s.budget.find((b) => b.year === y2035)?.pressurePence),
    },
    {
      key: 'pressureLast',
      header: 'Budget pressure in the last year',
      numeric: true,
      render: (s) => {
        const last = s.budget[s.budget.length - 1];
        return last ? `${pounds(last.pressurePence)} (${last.year})` : formatGbp(null);
      },
    },
  ];
  // One column a service, keyed by the service: typed as a record so each column reads its own key.
  const downloadRows: Record<string, string | number | null>[] = data.scenarios.flatMap((s) =>
    s.years.map((year, i) => ({
      scenario: s.name,
      year,
      ...Object.fromEntries(
        s.services.flatMap((x) => [
          [`${x.service}_clients`, x.clients[i]],
          [`${x.service}_gap`, x.gap?.[i] ?? null],
        ]),
      ),
      pressure: s.budget[i] ? Math.round(s.budget[i].pressurePence / 100) : null,
    })),
  );
  const services = data.scenarios[0].services;
  return (
    <Page title="Compare scenarios" breadcrumbs={crumbs}>
      <Table
        caption="Scenarios side by side"
        columns={columns}
        rows={data.scenarios}
        rowKey={(s) => s.id}
        firstCellIsHeader
      />
      <Chart
        title="Residential care home beds: gap by scenario"
        description={
          data.scenarios
            .map((s) => {
              const ch = s.services.find((x) => x.service === 'care_home_residential');
              return `${s.name}: ${ch?.crossingYear ? `capacity runs out in ${ch.crossingYear}` : `capacity lasts to ${lastYearOf(s)}`}`;
            })
            .join('. ') + '.'
        }
        plot={gapPlot}
      />
      <Chart
        title="Budget pressure by scenario"
        description={
          data.scenarios
            .map((s) => {
              const last = s.budget[s.budget.length - 1];
              return last
                ? `${s.name}: ${pounds(last.pressurePence)} a year by ${last.year}`
                : `${s.name}: budget pressure not available`;
            })
            .join('. ') + '.'
        }
        plot={budgetPlot}
      />
      <DownloadLinks
        filename="scenario-comparison"
        what="the comparison"
        columns={[
          { key: 'scenario', header: 'Scenario' },
          { key: 'year', header: 'Year' },
          ...services.flatMap((x) => [
            { key: `${x.service}_clients`, header: `${x.label} clients`, numFmt: '#,##0' },
            { key: `${x.service}_gap`, header: `${x.label} shortfall (${x.unit})`, numFmt: '#,##0' },
          ]),
          { key: 'pressure', header: 'Budget pressure (£)', numFmt: '£#,##0' },
        ]}
        rows={downloadRows}
      />
    </Page>
  );
}
