import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  Chart,
  Details,
  DownloadLinks,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  NotificationBanner,
  Page,
  RagTag,
  Table,
  categoricalColours,
  type PlotOptions,
  type SummaryError,
  formatCount,
} from '../components';
import { ActivityUpload } from './ActivityUpload';
import { BcfPage, bcfCrumbs, metricText, usePlanId } from './common';
import { METRIC_DOWNLOAD_COLUMNS, RAG_TEXT, metricDownloadRows } from './downloads';
import type { MetricsView, PlaceMetric, Place } from './types';

/** First day of a financial-year quarter ('2026/27', 1 → 1 April 2026), as a Date for the chart's time axis. */
function quarterDate(year: string, quarter: number): Date {
  const start = Number(year.slice(0, 4));
  return new Date(Date.UTC(start, 3 + (quarter - 1) * 3, 1));
}

function MetricSection({ name, rows, places }: { name: string; rows: PlaceMetric[]; places: Place[] }) {
  const def = rows[0].definition;
  const placeName = (id: string) => places.find((p) => p.id === id)?.name ?? '';
  const points = useMemo(
    () =>
      rows.flatMap((m) =>
        m.quarters.map((q) => ({ place: placeName(m.placeId), date: quarterDate(q.year, q.quarter), ...q })),
      ),
    [rows],
  );
  const actual = points.filter((p) => p.actual !== null);
  const planned = points.filter((p) => p.plan !== null);
  const plot = useCallback(
    (width: number): PlotOptions => ({
      width,
      x: { type: 'utc', label: 'Quarter' },
      y: {
        label: def.unit === 'percent' ? '%' : 'per 100,000 in the quarter',
        grid: true,
        zero: def.unit !== 'percent',
      },
      color: { domain: places.map((p) => p.name), range: categoricalColours, legend: true },
      marks: [
        Plot.line(planned, { x: 'date', y: 'plan', stroke: 'place', strokeDasharray: '4 3', strokeOpacity: 0.8 }),
        Plot.ruleX(
          actual.filter((p) => p.lower !== null),
          { x: 'date', y1: 'lower', y2: 'upper', stroke: 'place', strokeOpacity: 0.5 },
        ),
        Plot.line(actual, { x: 'date', y: 'actual', stroke: 'place', strokeWidth: 2 }),
        Plot.dot(actual, { x: 'date', y: 'actual', fill: 'place', r: 3 }),
      ],
    }),
    [actual, planned, places, def.unit],
  );
  const yearRows = rows.flatMap((m) => m.years.map((y) => ({ place: placeName(m.placeId), ...y })));
  const latest = rows.map((m) => {
    const last = [...m.quarters].reverse().find((q) => q.actual !== null);
    return last
      ? `${placeName(m.placeId)} ${metricText(last.actual, def.unit)} in ${last.year} Q${last.quarter} against a plan of ${metricText(last.plan, def.unit)}`
      : `${placeName(m.placeId)} has no figures yet`;
  });
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={`metric-${def.key}`}>
      <h2 className="govuk-heading-l" id={`metric-${def.key}`}>
        {name}
      </h2>
      <p className="govuk-body-l">{def.title}</p>
      <Chart
        title={`${name}: actual by quarter against plan`}
        description={`Solid lines are the actual figures with their 95% confidence limits where there are any, dashed lines the plan. ${latest.join('; ')}.`}
        plot={plot}
      />
      <Table
        caption={`${name} by year and place`}
        captionSize="s"
        rows={yearRows}
        rowKey={(r) => `${r.place}-${r.year}`}
        columns={[
          { key: 'place', header: 'Place' },
          {
            key: 'year',
            header: 'Year',
            render: (r) =>
              `${r.year}${r.quartersReported > 0 && r.quartersReported < 4 ? ` (${r.quartersReported} quarters)` : ''}`,
          },
          { key: 'plan', header: 'Plan', numeric: true, render: (r) => metricText(r.plan, def.unit) },
          {
            key: 'actual',
            header: 'Actual',
            numeric: true,
            render: (r) => metricText(r.actual, def.unit) + (r.lowCount ? ' (fewer than 10 events)' : ''),
          },
          {
            key: 'ci',
            header: '95% confidence limits',
            numeric: true,
            render: (r) =>
              r.lower === null ? '' : `${metricText(r.lower, def.unit)} to ${metricText(r.upper, def.unit)}`,
          },
          {
            key: 'rag',
            header: 'Against plan',
            render: (r) => (r.rag ? <RagTag status={r.rag}>{RAG_TEXT[r.rag]}</RagTag> : ''),
          },
        ]}
      />
      <Details summary={`How ${name.toLowerCase()} is calculated`}>
        <p className="govuk-body">
          <strong>Source.</strong> {def.source}
        </p>
        <p className="govuk-body">
          <strong>Method.</strong> {def.method}
        </p>
        <p className="govuk-body">
          RAG: green on or better than plan; amber within {def.unit === 'percent' ? '1 percentage point' : '5%'} of
          plan; red worse.
          {def.unit === 'percent' ? '' : ' Part-years are compared with the plan for the quarters reported.'}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {yearRows
            .filter((r) => r.actual !== null)
            .map((r) => (
              <li key={`${r.place}-${r.year}`}>
                {r.place}, {r.year}: {r.inputs} = {metricText(r.actual, def.unit)}. {r.source}
              </li>
            ))}
        </ul>
      </Details>
    </section>
  );
}

/**
 * Where Steward's own figures come from: for the council it is set up for, a button that recomputes residential
 * admissions (placements) and discharges home (the hub) for every complete quarter; for other places, why not.
 */
function StewardCounts({ data, planId, reload }: { data: MetricsView; planId: string; reload: () => void }) {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const place = data.stewardPlace;
  if (!place)
    return (
      <InsetText>
        Steward computes permanent admissions and discharges home from its own placements and discharge hub for{' '}
        {data.council ? data.council.name : 'the council it is set up for'}, which is not a place of this plan: this
        plan’s figures come from returns and imports.
      </InsetText>
    );
  const recompute = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = await apiSend<{ counts: unknown[] }>('POST', `/api/bcf/plans/${planId}/metrics/refresh`);
      setErrors([]);
      setDone(
        `Recomputed ${formatCount(res.counts.length, 'quarterly figure')} for ${place.name} from Steward’s placements and discharge hub`,
      );
      reload();
    } catch (err) {
      setDone(null);
      setErrors(failureToSummary(err));
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
      <InsetText>
        {place.name}’s permanent admissions (from Steward’s placements) and discharges to usual place of residence (from
        the discharge hub) are computed by Steward for every complete quarter.
        {data.canEdit ? ' Recompute them after placements or discharges have been corrected.' : ''}
      </InsetText>
      {data.canEdit && (
        <form onSubmit={recompute} noValidate>
          <Button type="submit" variant="secondary">
            Recompute {place.name}’s figures from Steward
          </Button>
        </form>
      )}
    </>
  );
}

export function MetricsPage() {
  const { planId, planName, error: listError, loading: listLoading } = usePlanId();
  const { data, error, loading, reload } = useApi<MetricsView>(planId ? `/api/bcf/plans/${planId}/metrics` : null);
  const crumbs = bcfCrumbs(planId, 'Metrics');
  if (!data)
    return (
      <Page title="BCF metrics" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading || listLoading} error={error ?? listError} what="the metrics" />
      </Page>
    );
  const groups = new Map<string, PlaceMetric[]>();
  for (const m of data.metrics) groups.set(m.definition.name, [...(groups.get(m.definition.name) ?? []), m]);
  return (
    <BcfPage title="BCF metrics" crumbs={crumbs} planId={planId}>
      <p className="govuk-body">
        The four national metrics for each place, from the baseline year {data.years[0]} through the plan, with the
        plan, the actual by quarter, 95% confidence limits where the method gives them and a RAG rating. Each says where
        its figures come from and how it is calculated.
      </p>
      {planId && <StewardCounts data={data} planId={planId} reload={reload} />}
      {data.canEdit && <ActivityUpload onImported={reload} />}
      {[...groups.entries()].map(([name, rows]) => (
        <MetricSection key={name} name={name} rows={rows} places={data.places} />
      ))}
      <DownloadLinks
        filename="bcf-metrics"
        filter={planName}
        what="the metrics by quarter"
        rows={metricDownloadRows(data)}
        columns={METRIC_DOWNLOAD_COLUMNS}
      />
    </BcfPage>
  );
}
