// The demand overview's need section: projected need by care group, in the key years of the projection.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { Chart, DownloadLinks, Table, categoricalColours, type Column, type DownloadColumn } from '../../components';
import { METHOD_LABELS } from '../../../../src/domain/demand/trend';
import type { MeasureView, ProjectionResponse } from '../types';
import { whole, yearsShown, explainHref } from './figures';

export function NeedSection({ p, scenario, filter }: { p: ProjectionResponse; scenario: string; filter?: string }) {
  const years = yearsShown(p.years);
  const need = p.measures.filter((m) => m.kind !== 'service_use');
  const columns: Column<MeasureView>[] = [
    {
      key: 'label',
      header: 'Need',
      render: (m) => (
        <>
          {m.label}
          <br />
          <span className="govuk-body-s">
            {m.careGroupLabel}; ages {m.scope}
          </span>
        </>
      ),
    },
    ...years.map((y) => ({
      key: String(y),
      header: String(y),
      numeric: true,
      render: (m: MeasureView) => (
        <Link
          className="govuk-link"
          to={explainHref(scenario, m.key, y, p.marketLinked ? undefined : p.areaCode)}
          aria-label={`${whole(m.totals[p.years.indexOf(y)])}: how ${m.label} in ${y} is calculated`}
        >
          {whole(m.totals[p.years.indexOf(y)])}
        </Link>
      ),
    })),
  ];
  const series = need.flatMap((m) =>
    p.years.map((year, i) => ({
      measure: m.label,
      year,
      index: m.totals[0] > 0 ? (m.totals[i] / m.totals[0]) * 100 : 0,
    })),
  );
  const plot = useCallback(
    () => ({
      y: { grid: true, label: `Index (${p.years[0]} = 100)` },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [Plot.ruleY([100]), Plot.lineY(series, { x: 'year', y: 'index', stroke: 'measure', strokeWidth: 2 })],
    }),
    [series, p.years],
  );
  const fastest = [...need].sort(
    (a, b) => b.totals[b.totals.length - 1] / b.totals[0] - a.totals[a.totals.length - 1] / a.totals[0],
  )[0];
  return (
    <>
      <h2 className="govuk-heading-l">Projected need by care group</h2>
      <Chart
        title={`Growth in need, ${p.years[0]} = 100`}
        description={
          fastest
            ? `${fastest.label} grows fastest: from ${whole(fastest.totals[0])} in ${p.years[0]} to ${whole(fastest.totals[fastest.totals.length - 1])} in ${p.years[p.years.length - 1]}.`
            : 'No need measures.'
        }
        plot={plot}
      />
      <Table
        caption="People with each need (select a figure to see how it is calculated)"
        columns={columns}
        rows={need}
        rowKey={(m) => m.key}
      />
      <DownloadLinks
        filter={filter}
        filename="projected-need"
        what="projected need"
        columns={measureDownload(p)}
        rows={need}
      />
    </>
  );
}

function measureDownload(p: ProjectionResponse): DownloadColumn<MeasureView>[] {
  return [
    { key: 'label', header: 'Measure' },
    { key: 'careGroupLabel', header: 'Care group' },
    { key: 'scope', header: 'Ages' },
    { key: 'source', header: 'Rate source' },
    { key: 'shareKnownToAsc', header: 'Share known to ASC', numFmt: '0%' },
    { key: 'method', header: 'Method', labels: METHOD_LABELS },
    ...p.years.map((y, i) => ({
      key: String(y),
      header: String(y),
      value: (m: MeasureView) => m.totals[i],
      numFmt: '#,##0',
    })),
  ];
}
