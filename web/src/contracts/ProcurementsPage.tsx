import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { StageUpdateForm } from './StageUpdateForm';
import {
  Chart,
  LoadingOrError,
  Page,
  Table,
  Tag,
  categoricalColours,
  chartColours,
  formatDate,
  type PlotOptions,
} from '../components';
import { PROCUREMENT_STAGES, PROCUREMENT_STAGE_LABELS, label } from './labels';
import type { Procurement } from './types';

interface Bar {
  procurement: string;
  stage: string;
  start: Date;
  end: Date;
  kind: 'Planned' | 'Actual or forecast';
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Height of one procurement's row in the timeline, in pixels: its name, then the planned and actual bars. */
const GANTT_ROW = 62;
const nextDay = (iso: string) => new Date(day(iso).getTime() + 86_400_000);

/** Gantt rows: a thin planned bar above a solid actual-or-forecast bar for each stage in use. */
export function ganttBars(procurements: Procurement[]): Bar[] {
  const bars: Bar[] = [];
  for (const p of procurements) {
    for (const s of p.forecast.stages) {
      if (s.status === 'not_applicable') continue;
      const stage = label(PROCUREMENT_STAGE_LABELS, s.stage);
      bars.push({
        procurement: p.title,
        stage,
        start: day(s.plannedStart),
        end: nextDay(s.plannedEnd),
        kind: 'Planned',
      });
      bars.push({
        procurement: p.title,
        stage,
        start: day(s.forecastStart),
        end: nextDay(s.forecastEnd),
        kind: 'Actual or forecast',
      });
    }
  }
  return bars;
}

export function ProcurementsPage() {
  const { data, loading, error, reload } = useApi<{ asAt: string; procurements: Procurement[] }>(
    '/api/contracts/procurements',
  );
  const { hasRole } = useAuth();
  const bars = useMemo(() => ganttBars(data?.procurements ?? []), [data]);
  const ends = useMemo(
    () =>
      (data?.procurements ?? [])
        .filter((p) => p.contractEndDate)
        .map((p) => ({ procurement: p.title, end: nextDay(p.contractEndDate!) })),
    [data],
  );
  const stageNames = PROCUREMENT_STAGES.map((s) => PROCUREMENT_STAGE_LABELS[s]);
  const plot = useCallback(
    (width: number): PlotOptions => ({
      // Each procurement's name is written in full above its bars, across the chart's width, rather than in a
      // left margin where long names were cut off (and, on a phone, squeezed the bars to nothing).
      marginLeft: 12,
      marginRight: 12,
      x: { type: 'utc', label: null, grid: true, ticks: Math.max(2, Math.floor(width / 110)) },
      y: { axis: null, domain: (data?.procurements ?? []).map((p) => p.title) },
      color: { domain: stageNames, range: [...categoricalColours, chartColours.red], legend: true },
      marks: [
        Plot.text(data?.procurements ?? [], {
          y: 'title',
          text: 'title',
          frameAnchor: 'left',
          textAnchor: 'start',
          dy: -GANTT_ROW / 2 + 9,
          fontWeight: 'bold',
          // In ems of the 13 px font: the chart's width less its margins; a longer name ends in an ellipsis (in full in
          // the table below and the data table).
          lineWidth: Math.max(10, (width - 30) / 13),
          textOverflow: 'ellipsis',
        }),
        Plot.barX(
          bars.filter((b) => b.kind === 'Planned'),
          { x1: 'start', x2: 'end', y: 'procurement', fill: 'stage', fillOpacity: 0.35, insetTop: 22, insetBottom: 20 },
        ),
        Plot.barX(
          bars.filter((b) => b.kind !== 'Planned'),
          {
            x1: 'start',
            x2: 'end',
            y: 'procurement',
            fill: 'stage',
            insetTop: 38,
            insetBottom: 4,
            title: (b: Bar) =>
              `${b.stage}: ${b.start.toISOString().slice(0, 10)} to ${b.end.toISOString().slice(0, 10)}`,
          },
        ),
        Plot.tickX(ends, { x: 'end', y: 'procurement', stroke: chartColours.black, strokeWidth: 3 }),
        Plot.ruleX([day(data?.asAt ?? '2000-01-01')], { stroke: chartColours.red, strokeDasharray: '4,3' }),
      ],
    }),
    [bars, ends, data, stageNames],
  );

  if (!data)
    return (
      <Page
        title="Procurement timeline"
        breadcrumbs={[{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Procurement timeline' }]}
      >
        <LoadingOrError loading={loading} error={error} what="procurements" />
      </Page>
    );
  const late = data.procurements.filter((p) => p.forecast.cannotFinishBeforeContractEnd);
  return (
    <Page
      title="Procurement timeline"
      caption="Contracts and delivery"
      breadcrumbs={[{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Procurement timeline' }]}
    >
      {hasRole('commissioner', 'admin') && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/contracts/procurements/new">
            Start a procurement for a new service
          </Link>{' '}
          (to recommission a contract, start it from the contract’s page).
        </p>
      )}
      <Chart
        title="Procurement stages: planned and actual or forecast"
        description={`${data.procurements.length} procurements. ${late.length ? `${late.map((p) => p.title).join(', ')} cannot go live before the current contract ends.` : 'All are forecast to go live before the current contracts end.'} Pale bars are the plan; solid bars are actual dates, or the forecast where a stage has not finished; the black tick is the day the current contract ends; the dashed line is today.`}
        height={80 + data.procurements.length * GANTT_ROW}
        plot={plot}
        source={
          <p className="govuk-body-s">
            Forecast: a stage under way ends no earlier than its planned length after it started, and not before today;
            later stages move back by the largest slip so far.
          </p>
        }
        dataTable={
          <Table
            caption="Stages"
            captionHidden
            rows={bars.filter((b) => b.kind !== 'Planned')}
            rowKey={(b, i) => `${b.procurement}-${b.stage}-${i}`}
            columns={[
              { key: 'procurement', header: 'Procurement' },
              { key: 'stage', header: 'Stage' },
              { key: 'start', header: 'Start', render: (b) => formatDate(b.start.toISOString().slice(0, 10)) },
              {
                key: 'end',
                header: 'End',
                render: (b) => formatDate(new Date(b.end.getTime() - 86_400_000).toISOString().slice(0, 10)),
              },
            ]}
          />
        }
      />
      <Table
        caption="Procurements"
        rows={data.procurements}
        rowKey={(p) => p.id}
        columns={[
          {
            key: 'title',
            header: 'Procurement',
            render: (p) => (
              <>
                <Link className="govuk-link" to={`/contracts/procurements/${p.id}`}>
                  {p.title}
                </Link>
                {p.contractReference && (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">replaces {p.contractReference}</span>
                  </>
                )}
                {p.intentionTitle && (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">delivers: {p.intentionTitle}</span>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'stage',
            header: 'Current stage',
            render: (p) =>
              p.forecast.complete ? 'Complete' : label(PROCUREMENT_STAGE_LABELS, p.forecast.currentStage),
          },
          {
            key: 'end',
            header: 'Contract ends',
            render: (p) => (p.contractEndDate ? formatDate(p.contractEndDate) : 'New service'),
          },
          {
            key: 'planned',
            header: 'Planned go-live',
            render: (p) => (p.forecast.plannedGoLive ? formatDate(p.forecast.plannedGoLive) : '–'),
          },
          {
            key: 'forecast',
            header: 'Forecast go-live',
            render: (p) => (p.forecast.forecastGoLive ? formatDate(p.forecast.forecastGoLive) : '–'),
          },
          {
            key: 'flag',
            header: 'Status',
            render: (p) =>
              p.forecast.cannotFinishBeforeContractEnd ? (
                <Tag colour="red">{`Late: ${p.forecast.gapDays} days without cover`}</Tag>
              ) : (
                <Tag colour="green">On time</Tag>
              ),
          },
        ]}
      />
      {hasRole('commissioner', 'admin') && <StageUpdateForm procurements={data.procurements} onDone={reload} />}
    </Page>
  );
}
