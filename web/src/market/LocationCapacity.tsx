// A location's capacity: a care home's beds (latest return, over time, to download) and homecare hours by area.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import {
  Chart,
  chartColours,
  DownloadLinks,
  formatDate,
  formatNumber,
  formatRatio,
  SummaryList,
  Table,
} from '../components';
import { FreshnessTag } from './FreshnessTag';
import type { LocationPicture } from './types';
import { returnSourceLabel } from '../../../src/domain/market/types';
import { BED_CLOSED_REASON_LABELS } from '../../../src/domain/market/capacity';

/** Why beds are closed, in words: the reason's label and any words the home gave. */
function closedReasonText(reason: string | null, note: string | null): string {
  const label = reason
    ? (BED_CLOSED_REASON_LABELS[reason as keyof typeof BED_CLOSED_REASON_LABELS] ?? reason)
    : 'no reason given';
  return note ? `${label} (${note})` : label;
}

/** A care home's latest capacity return, its beds over time, and the returns to download. */
export function CareHomeCapacity({
  name,
  current: ch,
  history: hist,
}: {
  name: string;
  current: NonNullable<LocationPicture['careHome']>;
  history: LocationPicture['history']['careHome'];
}) {
  const occPlot = useCallback(
    () => ({
      y: { label: 'Beds', grid: true },
      x: { label: null, type: 'utc' as const },
      color: {
        legend: true,
        domain: ['Maximum capacity', 'Occupied', 'Vacant, accepting admissions'],
        range: [chartColours.darkGrey, chartColours.blue, chartColours.teal],
      },
      marks: [
        Plot.lineY(hist, {
          x: (d) => new Date(d.asAt),
          y: 'maxCapacity',
          stroke: chartColours.darkGrey,
          curve: 'step-after',
        }),
        Plot.lineY(hist, {
          x: (d) => new Date(d.asAt),
          y: 'occupied',
          stroke: chartColours.blue,
          strokeWidth: 2,
          curve: 'step-after',
        }),
        Plot.lineY(hist, {
          x: (d) => new Date(d.asAt),
          y: 'vacantAccepting',
          stroke: chartColours.teal,
          strokeWidth: 2,
          curve: 'step-after',
        }),
      ],
    }),
    [hist],
  );
  return (
    <>
      <h2 className="govuk-heading-m">
        Capacity and vacancies <FreshnessTag freshness={ch.freshness} ageDays={ch.ageDays} />
      </h2>
      <SummaryList
        rows={[
          { key: 'Maximum capacity', value: String(ch.maxCapacity) },
          {
            key: 'Occupied',
            value: `${ch.occupied} (${formatRatio(ch.maxCapacity ? ch.occupied / ch.maxCapacity : null)})`,
          },
          { key: 'Vacant, accepting admissions', value: String(ch.vacantAccepting) },
          { key: 'Vacant, reserved', value: String(ch.vacantReserved) },
          {
            key: 'Vacant, closed to admissions',
            value: ch.vacantClosed ? `${ch.vacantClosed}: ${closedReasonText(ch.closedReason, ch.closedNote)}` : '0',
          },
          { key: 'Held for assessment', value: String(ch.heldForAssessment) },
          ...(['residential', 'nursing', 'dementia'] as const)
            .filter((g) => ch[`${g}Max`] != null)
            .map((g) => ({
              key: `${g[0].toUpperCase()}${g.slice(1)} beds`,
              value: `${ch[`${g}Occupied`]} occupied, ${ch[`${g}VacantAccepting`]} vacant of ${ch[`${g}Max`]}`,
            })),
          {
            key: 'Last return',
            value: `${formatDate(ch.asAt)}${ch.noChange ? ' (confirmed no change)' : ''}${ch.nilReturn ? ' (nil return: no vacancies to report)' : ''}${ch.source === 'staff' ? ', entered by council staff for the provider' : ''}`,
          },
        ]}
      />
      {hist.length > 1 && (
        <Chart
          title="Beds over time"
          height={280}
          plot={occPlot}
          description={`${hist.length} returns from ${formatDate(hist[0].asAt)} to ${formatDate(hist[hist.length - 1].asAt)}. Occupied beds went from ${hist[0].occupied} to ${hist[hist.length - 1].occupied}.`}
          dataTable={
            <Table
              caption="Capacity returns"
              captionSize="s"
              rows={hist}
              rowKey={(r) => r.asAt}
              columns={[
                { key: 'asAt', header: 'Date', render: (r) => formatDate(r.asAt) },
                { key: 'maxCapacity', header: 'Capacity', numeric: true },
                { key: 'occupied', header: 'Occupied', numeric: true },
                { key: 'vacantAccepting', header: 'Vacant', numeric: true },
                { key: 'vacantClosed', header: 'Closed to admissions', numeric: true },
                { key: 'closedReasonText', header: 'Closed because', render: (r) => r.closedReasonText ?? '' },
                { key: 'heldForAssessment', header: 'Held', numeric: true },
                { key: 'nilReturn', header: 'Nil return', render: (r) => (r.nilReturn ? 'Yes' : 'No') },
                { key: 'noChange', header: 'No change', render: (r) => (r.noChange ? 'Yes' : 'No') },
                {
                  key: 'filedBy',
                  header: 'Filed by',
                  render: (r) => r.filedBy ?? returnSourceLabel(r.source),
                },
              ]}
            />
          }
        />
      )}
      <DownloadLinks
        filename={`capacity-returns-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
        what="capacity returns"
        rows={hist}
        columns={[
          { key: 'asAt', header: 'Reported at' },
          { key: 'maxCapacity', header: 'Maximum capacity' },
          { key: 'occupied', header: 'Occupied' },
          { key: 'vacantReserved', header: 'Vacant reserved' },
          { key: 'vacantAccepting', header: 'Vacant accepting admissions' },
          { key: 'vacantClosed', header: 'Vacant closed to admissions' },
          { key: 'closedReasonText', header: 'Closed because' },
          { key: 'heldForAssessment', header: 'Held for assessment' },
          { key: 'nilReturn', header: 'Nil return' },
          { key: 'noChange', header: 'No change' },
          { key: 'source', header: 'Source', value: (r) => returnSourceLabel(r.source) },
          { key: 'filedBy', header: 'Filed by', value: (r) => r.filedBy ?? returnSourceLabel(r.source) },
        ]}
      />
    </>
  );
}

/** The latest homecare returns by area, and the hours delivered a week over time. */
export function HomecareCapacity({
  latest,
  history,
}: {
  latest: LocationPicture['homecare'];
  history: LocationPicture['history']['homecare'];
}) {
  const hcPlot = useCallback(
    () => ({
      y: { label: 'Hours a week', grid: true },
      x: { label: null, type: 'utc' as const },
      marks: [
        Plot.lineY(history, {
          x: (d) => new Date(d.asAt),
          y: 'hoursPerWeek',
          stroke: chartColours.blue,
          strokeWidth: 2,
          z: 'area',
        }),
      ],
    }),
    [history],
  );
  return (
    <>
      <h2 className="govuk-heading-m">Homecare capacity</h2>
      <Table
        caption="Latest homecare returns by area"
        captionSize="s"
        rows={latest}
        rowKey={(r) => r.area}
        columns={[
          { key: 'area', header: 'Area', render: (r) => r.area || 'Whole area' },
          { key: 'peopleSupported', header: 'People supported', numeric: true },
          {
            key: 'hoursPerWeek',
            header: 'Hours a week',
            numeric: true,
            render: (r) => formatNumber(r.hoursPerWeek),
          },
          {
            key: 'newHoursAvailable',
            header: 'New hours available',
            numeric: true,
            render: (r) => formatNumber(r.newHoursAvailable),
          },
          {
            key: 'freshness',
            header: 'Updated',
            render: (r) => <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />,
          },
        ]}
      />
      {history.length > 1 && (
        <Chart
          title="Homecare hours delivered a week"
          height={240}
          plot={hcPlot}
          description={`From ${formatNumber(history[0].hoursPerWeek)} to ${formatNumber(history[history.length - 1].hoursPerWeek)} hours a week.`}
        />
      )}
    </>
  );
}
