import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { useApi } from '../api';
import { Chart, InsetText, KeyFigures, Table, chartColours, formatDate, formatNumber } from '../components';

interface PublishedPoint {
  date: string;
  nctr: number | null;
  dischargedTotal: number | null;
}
interface PublishedFigures {
  org: { code: string; name: string | null } | null;
  orgs: { code: string; name: string | null; level: string }[];
  latestDate: string | null;
  series: PublishedPoint[];
  source: string;
}

/**
 * NHS England's published daily figures for the local acute trust, shown on the flow page beside the hub's own:
 * patients who no longer meet the criteria to reside (NCTR) and patients discharged, latest 90 published days.
 */
export function PublishedFiguresSection() {
  const { data } = useApi<PublishedFigures>('/api/discharge/published?days=90');
  const plot = useCallback(
    (width: number) => ({
      width,
      height: 260,
      y: { grid: true, label: 'Patients' },
      x: { type: 'utc' as const, label: null },
      color: {
        legend: true,
        domain: ['No longer meet criteria to reside', 'Discharged'],
        range: [chartColours.orange, chartColours.blue],
      },
      marks: [
        Plot.lineY(
          (data?.series ?? []).filter((p) => p.nctr !== null),
          {
            x: (p: PublishedPoint) => new Date(`${p.date}T00:00:00Z`),
            y: 'nctr',
            stroke: () => 'No longer meet criteria to reside',
          },
        ),
        Plot.lineY(
          (data?.series ?? []).filter((p) => p.dischargedTotal !== null),
          {
            x: (p: PublishedPoint) => new Date(`${p.date}T00:00:00Z`),
            y: 'dischargedTotal',
            stroke: () => 'Discharged',
          },
        ),
      ],
    }),
    [data],
  );
  if (!data) return null;
  const title = 'Published figures for the acute trust';
  if (!data.org || data.series.length === 0)
    return (
      <>
        <h2 className="govuk-heading-m">{title}</h2>
        <InsetText>
          No published discharge figures yet. An administrator imports NHS England’s “Discharge Delays (Acute)” daily
          series for the local acute trust on the Data page, or with{' '}
          <code>steward import discharge-delays &lt;file&gt; -o trust=&lt;ODS code&gt;</code>.
        </InsetText>
      </>
    );
  const last = data.series[data.series.length - 1];
  const label = data.org.name ? `${data.org.name} (${data.org.code})` : data.org.code;
  return (
    <>
      <h2 className="govuk-heading-m">{`${title}: ${label}`}</h2>
      <p className="govuk-body">
        NHS England publishes each acute trust’s daily count of patients who no longer meet the criteria to reside and
        of patients discharged. Latest published day: {formatDate(data.latestDate)}.
      </p>
      <KeyFigures
        figures={[
          {
            key: 'nctr',
            label: `No longer meet the criteria to reside, ${formatDate(last.date)}`,
            value: last.nctr,
            unit: 'count',
          },
          {
            key: 'discharged',
            label: `Discharged, ${formatDate(last.date)}`,
            value: last.dischargedTotal,
            unit: 'count',
          },
        ]}
      />
      <Chart
        title={`${label}: published daily figures`}
        description={`Over the ${data.series.length} latest published days to ${formatDate(last.date)}, between ${formatNumber(Math.min(...data.series.flatMap((p) => (p.nctr === null ? [] : [p.nctr]))))} and ${formatNumber(Math.max(...data.series.flatMap((p) => (p.nctr === null ? [] : [p.nctr]))))} patients a day no longer met the criteria to reside.`}
        plot={plot}
        source={data.source}
        dataTable={
          <Table
            caption="Published daily figures"
            columns={[
              { key: 'date', header: 'Day', render: (p: PublishedPoint) => formatDate(p.date) },
              {
                key: 'nctr',
                header: 'No longer meet criteria',
                numeric: true,
                render: (p: PublishedPoint) => formatNumber(p.nctr),
              },
              {
                key: 'dischargedTotal',
                header: 'Discharged',
                numeric: true,
                render: (p: PublishedPoint) => formatNumber(p.dischargedTotal),
              },
            ]}
            rows={data.series}
            rowKey={(p) => p.date}
          />
        }
      />
    </>
  );
}
