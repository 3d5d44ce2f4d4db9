// The demand overview's population section: the area's older population by age band, estimates then projections.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import {
  Chart,
  DownloadLinks,
  Table,
  categoricalColours,
  chartColours,
  type Column,
  type DownloadColumn,
} from '../../components';
import type { PopulationResponse } from '../types';
import { whole } from './figures';

export function PopulationSection({
  pop,
  baseYear,
  filter,
}: {
  pop: PopulationResponse;
  baseYear: number;
  /** The area, in words: named in the download's file name. */
  filter?: string;
}) {
  const bands = pop.bands;
  const rows = useMemo(() => pop.rows.filter((r) => r.band !== '0+'), [pop]);
  const years = [...new Set(rows.map((r) => r.year))];
  const first = years[0];
  const last = years[years.length - 1];
  const o65 = (y: number) =>
    rows.filter((r) => r.year === y && ['65-74', '75-84', '85+'].includes(r.band)).reduce((s, r) => s + r.people, 0);
  const o85 = (y: number) => rows.find((r) => r.year === y && r.band === '85+')?.people ?? 0;
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Residents', tickFormat: '~s' },
      x: { label: 'Year (mid-year)', tickFormat: 'd' },
      color: { legend: true, domain: bands, range: categoricalColours },
      marks: [
        Plot.areaY(rows, { x: 'year', y: 'people', fill: 'band', order: bands }),
        Plot.ruleX([baseYear], { stroke: chartColours.black, strokeDasharray: '4 3' }),
        Plot.ruleY([0]),
      ],
    }),
    [rows, bands, baseYear],
  );
  const table = years
    .filter((y) => y === first || y === last || y % 5 === 0)
    .map((year) => ({
      year,
      ...Object.fromEntries(bands.map((b) => [b, rows.find((r) => r.year === year && r.band === b)?.people ?? 0])),
    }));
  const columns: Column<Record<string, number>>[] = [
    { key: 'year', header: 'Year' },
    ...bands.map((b) => ({
      key: b,
      header: `Aged ${b}`,
      numeric: true,
      render: (r: Record<string, number>) => whole(r[b]),
    })),
  ];
  const download: DownloadColumn<{ year: number; band: string; people: number }>[] = [
    { key: 'year', header: 'Year' },
    { key: 'band', header: 'Age band' },
    { key: 'people', header: 'Residents', numFmt: '#,##0' },
  ];
  return (
    <>
      <h2 className="govuk-heading-l">Population by age</h2>
      <Chart
        title={`Residents by age band, ${first} to ${last}`}
        description={`People aged 65 and over: ${whole(o65(first))} in ${first}, ${whole(o65(baseYear))} in ${baseYear} and ${whole(o65(last))} in ${last}; aged 85 and over: ${whole(o85(baseYear))} in ${baseYear}, ${whole(o85(last))} in ${last}. The dashed line marks ${baseYear}.`}
        plot={plot}
        source={<p className="govuk-body-s">Source: {[...new Set(pop.sources.map((s) => s.vintage))].join('; ')}.</p>}
        dataTable={
          <Table
            caption="Residents by age band"
            captionHidden
            columns={columns}
            rows={table}
            rowKey={(r) => String(r.year)}
            firstCellIsHeader
          />
        }
      />
      <DownloadLinks
        filter={filter}
        filename="population-by-age"
        what="population by age"
        columns={download}
        rows={rows}
      />
    </>
  );
}
