// Daily charts with bands (mean line, 5th–95th percentile band over replications, capacity dashes), and the
// download columns of every daily series, shared by the forecast from today and the long-run results.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { Chart, DownloadLinks, chartColours } from '../../components';
import { DAILY_DOWNLOAD_COLUMNS, type DailyRow } from './views';

export type DailySeriesKey = 'occupancy' | 'waiting' | 'visits' | 'admissions' | 'waitOfStarters';

const LABELS: Record<DailySeriesKey, string> = {
  occupancy: 'People in service',
  waiting: 'People waiting',
  visits: 'Visits made',
  admissions: 'People starting',
  waitOfStarters: 'Days waited by people starting',
};

const date = (d: DailyRow) => new Date(`${d.date}T00:00:00Z`);

/**
 * One daily series, a small chart per service side by side (each with its own scale, so a service of 20 beds
 * is as readable as one of 300 visits): mean line, 5–95% band, and the capacity (dashes) where it applies.
 */
export function DailyBandChart({
  rows,
  series,
  title,
  describe,
}: {
  rows: DailyRow[];
  series: DailySeriesKey;
  /** What the charts show; each chart's title is the service's name and this. */
  title: string;
  /** The takeaway for one service's chart, in words (read by screen readers). */
  describe: (service: string, rows: DailyRow[]) => string;
}) {
  const shown = series === 'visits' ? rows.filter((r) => r.visits !== null) : rows;
  const services = [...new Set(shown.map((d) => d.service))];
  if (services.length === 0) return null;
  const column =
    services.length === 1
      ? 'govuk-grid-column-full'
      : services.length === 2
        ? 'govuk-grid-column-one-half'
        : 'govuk-grid-column-one-third';
  return (
    <div className="govuk-grid-row">
      {services.map((service) => (
        <div className={column} key={service}>
          <ServiceBandChart
            rows={shown.filter((r) => r.service === service)}
            series={series}
            title={`${service}: ${title}`}
            description={describe(
              service,
              shown.filter((r) => r.service === service),
            )}
          />
        </div>
      ))}
    </div>
  );
}

function ServiceBandChart({
  rows,
  series,
  title,
  description,
}: {
  rows: DailyRow[];
  series: DailySeriesKey;
  title: string;
  description: string;
}) {
  const low = `${series}Low` as keyof DailyRow;
  const high = `${series}High` as keyof DailyRow;
  const withCapacity = series === 'visits' || (series === 'occupancy' && rows[0]?.visits === null);
  const plot = useCallback(
    (width: number) => ({
      width,
      marginLeft: 45,
      marginBottom: 40,
      x: { label: null, type: 'utc' as const, ticks: 4 },
      y: { label: LABELS[series], grid: true, zero: true },
      marks: [
        Plot.areaY(rows, { x: date, y1: low, y2: high, fill: chartColours.blue, fillOpacity: 0.25 }),
        Plot.lineY(rows, { x: date, y: series, stroke: chartColours.blue, strokeWidth: 2 }),
        ...(withCapacity
          ? [
              Plot.lineY(rows, {
                x: date,
                y: 'capacity',
                stroke: chartColours.orange,
                strokeDasharray: '5 3',
                curve: 'step-after',
              }),
            ]
          : []),
      ],
    }),
    [rows, series],
  );
  return <Chart title={title} description={description} plot={plot} height={240} />;
}

/** CSV and Excel downloads of every daily series. */
export function DailyDownloads({ rows, filename, what }: { rows: DailyRow[]; filename: string; what: string }) {
  return <DownloadLinks filename={filename} what={what} rows={rows} columns={DAILY_DOWNLOAD_COLUMNS} />;
}
