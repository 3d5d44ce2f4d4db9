// The demand overview's gap section: where the services needed outgrow the capacity there is, service by service.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { Chart, DownloadLinks, Table, chartColours, formatShortfall, type Column } from '../../components';
import type { ProjectionResponse, ServiceView } from '../types';
import { whole } from './figures';

export function GapSection({ p, filter }: { p: ProjectionResponse; filter?: string }) {
  const withGap = p.services.filter((s) => s.gap);
  return (
    <>
      <h2 className="govuk-heading-l">Supply gap</h2>
      {withGap.length === 0 && (
        <p className="govuk-body">
          No current supply is recorded in the market register for this area, so no gap can be worked out.
        </p>
      )}
      {withGap.map((s) => (
        <GapChart key={s.service} s={s} baseYear={p.baseYear} filter={filter} />
      ))}
    </>
  );
}

function GapChart({ s, baseYear, filter }: { s: ServiceView; baseYear: number; filter?: string }) {
  const gap = s.gap!;
  const rows = gap.rows;
  const last = rows[rows.length - 1];
  const y2035 = rows.find((r) => r.year === 2035);
  const series = rows.flatMap((r) => [
    { year: r.year, value: r.required, line: `${s.unit} needed` },
    { year: r.year, value: r.capacity, line: `${s.unit} available today` },
  ]);
  const plot = useCallback(
    () => ({
      y: { grid: true, label: s.unit.replace(/^./, (c) => c.toUpperCase()) },
      x: { tickFormat: 'd', label: 'Year' },
      color: {
        legend: true,
        domain: [`${s.unit} needed`, `${s.unit} available today`],
        range: [chartColours.blue, chartColours.black],
      },
      marks: [
        Plot.lineY(series, { x: 'year', y: 'value', stroke: 'line', strokeWidth: 2 }),
        ...(gap.crossingYear
          ? [Plot.ruleX([gap.crossingYear], { stroke: chartColours.red, strokeDasharray: '4 3' })]
          : []),
      ],
    }),
    [series, gap.crossingYear, s.unit],
  );
  const headline = gap.shortToday
    ? `${s.label}: already short in ${baseYear}`
    : gap.crossingYear
      ? `${s.label}: capacity runs out in ${gap.crossingYear}`
      : `${s.label}: capacity lasts to ${last.year}`;
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'year', header: 'Year' },
    { key: 'clients', header: 'Council clients', numeric: true, render: (r) => whole(r.clients) },
    { key: 'inUse', header: `${s.unit} in use (whole market)`, numeric: true, render: (r) => whole(r.inUse) },
    { key: 'required', header: `${s.unit} needed`, numeric: true, render: (r) => whole(r.required) },
    { key: 'capacity', header: 'Available today', numeric: true, render: (r) => whole(r.capacity) },
    { key: 'gap', header: 'Short or spare', numeric: true, render: (r) => formatShortfall(r.gap, s.unit) },
  ];
  return (
    <>
      <Chart
        title={headline}
        description={`${whole(rows[0].required)} ${s.unit} needed in ${rows[0].year} against ${whole(rows[0].capacity)} available; ${whole(last.required)} needed by ${last.year}${y2035 ? `, so ${whole(Math.abs(y2035.gap))} ${s.unit} ${y2035.gap > 0 ? 'more are needed' : 'to spare'} in 2035` : ''}.${gap.crossingYear ? ` The red line marks ${gap.crossingYear}.` : ''}`}
        plot={plot}
        source={<p className="govuk-body-s">{gap.note}</p>}
        dataTable={
          <Table
            caption={`${s.label}: supply gap by year`}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => String(r.year)}
            firstCellIsHeader
          />
        }
      />
      <DownloadLinks
        filter={filter}
        filename={`supply-gap-${s.service.replace(/_/g, '-')}`}
        what={`the ${s.label.toLowerCase()} gap`}
        columns={[
          { key: 'year', header: 'Year' },
          { key: 'clients', header: 'Council clients', numFmt: '#,##0' },
          { key: 'inUse', header: `${s.unit} in use`, numFmt: '#,##0' },
          { key: 'required', header: `${s.unit} needed`, numFmt: '#,##0' },
          { key: 'capacity', header: 'Available today', numFmt: '#,##0' },
          { key: 'gap', header: `${s.unit} short (+) or spare (−)`, numFmt: '#,##0' },
        ]}
        rows={rows}
      />
    </>
  );
}
