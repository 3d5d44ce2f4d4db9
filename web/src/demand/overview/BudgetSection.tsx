// The demand overview's budget section: the budget pressure of the projected demand, in whole pounds a year.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import {
  Chart,
  DownloadLinks,
  InsetText,
  Table,
  chartColours,
  formatGbp,
  formatRatio,
  type Column,
  type DownloadColumn,
} from '../../components';
import type { BudgetRowView, ProjectionResponse } from '../types';
import { yearsShown } from './figures';

/** Whole pounds of a sum in pence, for figures of thousands or millions a year. */
const wholePounds = (pence: number) => formatGbp(Math.round(pence / 100));

/**
 * The budget pressure download's columns: the money in whole pounds and the clients as whole people, as the
 * page's table and the clients-by-service download show them (issue 13: the cost columns read fields that no
 * longer existed once money moved to pence, so they came out empty; clients came out as 2.6 people).
 */
export function budgetDownloadColumns(p: Pick<ProjectionResponse, 'services'>): DownloadColumn<BudgetRowView>[] {
  return [
    { key: 'year', header: 'Year' },
    { key: 'total', header: 'Annual cost (£)', numFmt: '£#,##0', value: (r) => Math.round(r.totalPence / 100) },
    { key: 'pressure', header: 'Pressure (£)', numFmt: '£#,##0', value: (r) => Math.round(r.pressurePence / 100) },
    { key: 'pressureShare', header: 'Change', numFmt: '0.0%' },
    ...p.services.map((s) => ({
      key: s.service,
      header: `${s.label} clients`,
      value: (r: BudgetRowView) => r.services.find((x) => x.service === s.service)?.clients ?? null,
      numFmt: '#,##0',
    })),
  ];
}

export function BudgetSection({ p, filter }: { p: ProjectionResponse; filter?: string }) {
  const rows = p.budget.rows.map((r) => ({ ...r, pressurePounds: r.pressurePence / 100 }));
  const last = rows[rows.length - 1];
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Pressure against base year (£ a year)', tickFormat: '~s' },
      x: { tickFormat: 'd', label: 'Year' },
      marks: [Plot.barY(rows, { x: 'year', y: 'pressurePounds', fill: chartColours.blue }), Plot.ruleY([0])],
    }),
    [rows],
  );
  const years = yearsShown(p.years);
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'year', header: 'Year' },
    { key: 'totalPence', header: 'Annual cost', numeric: true, render: (r) => wholePounds(r.totalPence) },
    {
      key: 'pressurePence',
      header: `Pressure against ${p.baseYear}`,
      numeric: true,
      render: (r) => wholePounds(r.pressurePence),
    },
    { key: 'pressureShare', header: 'Change', numeric: true, render: (r) => formatRatio(r.pressureShare) },
  ];
  // No service has a price yet (a council that has imported no placements): nothing to cost, so no chart of zeros.
  if (rows.every((r) => r.services.length === 0))
    return (
      <>
        <h2 className="govuk-heading-l">Budget pressure</h2>
        <InsetText>
          No council-funded placements with a weekly price yet, so today’s cost per client is not known. Import your
          placements (Data page, or <code>steward import placements</code>) to see the budget pressure.
        </InsetText>
      </>
    );
  return (
    <>
      <h2 className="govuk-heading-l">Budget pressure</h2>
      <Chart
        title="Budget pressure from demographic growth"
        description={`Today’s commitment of ${wholePounds(p.budget.baseTotalPence)} a year grows by ${wholePounds(last.pressurePence)} (${formatRatio(last.pressureShare)}) by ${last.year}.`}
        plot={plot}
        source={<p className="govuk-body-s">{p.budget.note}</p>}
      />
      <Table
        caption="Annual cost and pressure"
        columns={columns}
        rows={rows.filter((r) => years.includes(r.year))}
        rowKey={(r) => String(r.year)}
        firstCellIsHeader
      />
      <DownloadLinks
        filter={filter}
        filename="budget-pressure"
        what="budget pressure"
        columns={budgetDownloadColumns(p)}
        rows={rows}
      />
    </>
  );
}
