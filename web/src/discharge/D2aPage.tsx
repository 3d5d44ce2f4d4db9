import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import { useApi, withQuery } from '../api';
import { Chart, KeyFigures, Table, Tag, chartColours, formatDate, formatDateTime } from '../components';
import type { Wire } from '../../../src/server/schemas';
import type { d2aSchema } from '../../../src/server/discharge/schemas/metrics';
import { DischargeReportPage } from './DischargeReportPage';
import { D2A_LIMIT_DAYS, D2A_OUTCOMES, D2A_OUTCOME_LABELS } from './labels';

type D2aReport = Wire<typeof d2aSchema>;
type CurrentStay = D2aReport['current'][number];

/** The beds the page shows: D2A beds (pathway 3) or community rehabilitation beds (pathway 2). */
const KINDS = [
  { value: 'd2a', text: 'D2A (pathway 3)' },
  { value: 'rehab', text: 'Rehabilitation (pathway 2)' },
] as const;

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function D2aPage() {
  const [kind, setKind] = useState<(typeof KINDS)[number]['value']>('d2a');
  const report = useApi<D2aReport>(withQuery('/api/discharge/d2a', { kind }));
  const { data } = report;
  const occupancyPlot = useCallback(
    (width: number) => ({
      width,
      y: { grid: true, label: 'Beds' },
      color: {
        legend: true,
        range: [chartColours.midGrey, chartColours.blue],
        domain: ['Beds contracted', 'Beds occupied'],
      },
      marks: [
        Plot.areaY(data?.occupancy ?? [], {
          x: (d) => new Date(`${d.date}T00:00:00Z`),
          y: 'beds',
          fill: chartColours.midGrey,
          curve: 'step',
        }),
        Plot.lineY(
          (data?.occupancy ?? []).flatMap((d) => [
            { date: new Date(`${d.date}T00:00:00Z`), s: 'Beds occupied', v: d.occupied },
          ]),
          { x: 'date', y: 'v', stroke: 's', curve: 'step' },
        ),
        Plot.ruleY([0]),
      ],
    }),
    [data],
  );
  const outcomePlot = useCallback(
    (width: number) => ({
      width,
      marginLeft: 200,
      x: { grid: true, label: 'People' },
      y: { label: null },
      marks: [
        Plot.barX(
          D2A_OUTCOMES.map((o) => ({ outcome: D2A_OUTCOME_LABELS[o], n: data?.outcomes[o] ?? 0 })),
          { y: 'outcome', x: 'n', fill: chartColours.teal },
        ),
        Plot.ruleX([0]),
      ],
    }),
    [data],
  );
  const title = kind === 'd2a' ? 'Discharge to assess (D2A) beds' : 'Community rehabilitation beds';
  return (
    <DischargeReportPage
      title={title}
      crumb="D2A and rehab beds"
      what="the beds"
      state={report}
      choice={{ name: 'kind', legend: 'Beds', value: kind, onChange: setKind, items: KINDS }}
    >
      {(data) => (
        <>
          <KeyFigures
            figures={[
              { key: 'beds', label: 'Beds contracted today', value: data.bedsContracted },
              {
                key: 'occupied',
                label: 'Occupied now',
                value: data.occupiedNow,
                hint: data.occupancyNow !== null ? `${pct(data.occupancyNow)}% of beds` : undefined,
              },
              {
                key: 'los',
                label: 'Median length of stay (days)',
                value: data.medianLengthOfStayDays,
                hint: `${data.completed} stays ended since ${formatDate(data.from)}`,
              },
              {
                key: 'over',
                label: `Stays over ${D2A_LIMIT_DAYS / 7} weeks`,
                value: pct(data.overLimitShare),
                unit: 'percent',
                hint: `${data.overLimitCompleted} of ${data.completed}`,
              },
              {
                key: 'home',
                label: 'Went home afterwards',
                value: pct(data.outcomeShares.usual_residence),
                unit: 'percent',
              },
            ]}
          />
          <Chart
            title="Beds contracted and occupied at midnight"
            description={`Average occupancy ${pct(data.meanOccupancy) ?? '–'}% of contracted beds between ${formatDate(data.from)} and ${formatDate(data.to)}.`}
            plot={occupancyPlot}
          />
          <Chart
            title="Where people went afterwards"
            description={`Of ${data.completed} stays that ended, ${data.outcomes.usual_residence ?? 0} went home, ${data.outcomes.care_home ?? 0} to a long-term care home.`}
            plot={outcomePlot}
            height={220}
          />
          <Table<CurrentStay>
            caption={`In the beds now (${data.current.length})`}
            rows={data.current}
            rowKey={(s) => s.stayId}
            firstCellIsHeader
            sortable
            emptyText="Nobody in these beds"
            columns={[
              { key: 'personRef', header: 'Person' },
              {
                key: 'bedId',
                header: 'Bed',
                render: (s) => {
                  const b = data.beds.find((x) => x.id === s.bedId);
                  return b ? `${b.label}, ${b.locationName}` : '';
                },
              },
              { key: 'admittedAt', header: 'Admitted', render: (s) => formatDateTime(s.admittedAt) },
              { key: 'daysIn', header: 'Days in', numeric: true },
              {
                key: 'daysToLimit',
                header: `Days left of ${D2A_LIMIT_DAYS}`,
                numeric: true,
                render: (s) =>
                  s.overLimit ? <Tag colour="red">{`${Math.abs(s.daysToLimit)} over`}</Tag> : String(s.daysToLimit),
              },
            ]}
          />
        </>
      )}
    </DischargeReportPage>
  );
}
