// The forecast from today: today's position from the hub's live records, and the next 10–90 days simulated from
// it (in the browser when small enough), with 5–95% bands and downloads of every daily series.
import { useMemo } from 'react';
import {
  Button,
  InsetText,
  Table,
  TextInput,
  WarningText,
  formatDate,
  formatDateTime,
  formatNumber,
  formatGbp,
  formatCount,
} from '../../components';
import { DailyBandChart, DailyDownloads } from './charts';
import type { RunProgress } from './runner';
import type { HubPosition, Scenario, SimulationResult } from './types';
import { dailyRows, positionRows, type DailyRow, type PositionRow } from './views';

/** Money in pence shown in whole pounds (£10,403,770). */
const wholePounds = (pence: number) => formatGbp(Math.round(pence / 100));
const days = (x: number | null) => (x === null ? 'Nobody' : `${formatNumber(x, 1)} days`);

/** Today's position per service: people in it and waiting, with the longest so far. */
export function TodaysPosition({ position, scenario }: { position: HubPosition; scenario: Scenario }) {
  const rows = positionRows(position, scenario);
  return (
    <>
      <Table<PositionRow>
        caption={`Today’s position from the hub board and service records, ${formatDateTime(position.asAt)}`}
        rows={rows}
        rowKey={(r) => r.id}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          {
            key: 'inService',
            header: 'People in the service',
            numeric: true,
            render: (r) => formatNumber(r.inService),
          },
          { key: 'longestStay', header: 'Longest so far', numeric: true, render: (r) => days(r.longestStay) },
          {
            key: 'waiting',
            header: 'People waiting in hospital',
            numeric: true,
            render: (r) => formatNumber(r.waiting),
          },
          { key: 'longestWait', header: 'Longest wait so far', numeric: true, render: (r) => days(r.longestWait) },
        ]}
      />
      <p className="govuk-body-s">
        Waiting: medically optimised and waiting for reablement, a rehabilitation bed or a D2A bed (the hub board’s
        lanes for this capacity). In the service: discharged into it and not yet finished. Each person’s remaining stay
        is drawn given how long they have already been in the service.
        {position.unrecordedEnds > 0 &&
          ` Left out: ${formatCount(position.unrecordedEnds, 'person')} discharged over a year ago with no end recorded.`}
      </p>
    </>
  );
}

function ProgressBar({ progress }: { progress: RunProgress }) {
  const label =
    progress.where === 'browser'
      ? `Simulating in your browser: ${progress.done ?? 0} of ${progress.total} replications`
      : `Simulating on the server: ${progress.total} replications`;
  return (
    <div className="govuk-!-margin-bottom-4">
      <label className="govuk-label" htmlFor="forecast-progress">
        {label}
      </label>
      <progress
        id="forecast-progress"
        className="app-progress"
        max={progress.total}
        value={progress.done ?? undefined}
        style={{ width: '100%', height: '1.5em' }}
      />
    </div>
  );
}

export interface ForecastSectionProps {
  position: HubPosition;
  scenario: Scenario;
  horizon: string;
  horizonError?: string;
  onHorizon: (value: string) => void;
  onRun: () => void;
  busy: boolean;
  progress: RunProgress | null;
  status: string;
  result: SimulationResult | null;
}

/** Today's position, the days-ahead input, the progress of the run and the forecast with its bands. */
export function ForecastSection(props: ForecastSectionProps) {
  const { position, scenario, result } = props;
  const daily = useMemo(() => (result ? dailyRows(result) : []), [result]);
  return (
    <section aria-labelledby="forecast-heading">
      <h2 className="govuk-heading-l" id="forecast-heading">
        Forecast from today
      </h2>
      <TodaysPosition position={position} scenario={scenario} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TextInput
            name="horizon"
            label="Days ahead"
            hint="From 10 to 90"
            inputMode="numeric"
            width={3}
            value={props.horizon}
            onChange={props.onHorizon}
            error={props.horizonError}
          />
        </div>
        <div className="govuk-grid-column-two-thirds govuk-!-padding-top-6">
          <Button type="button" onClick={props.onRun} disabled={props.busy}>
            Update the forecast
          </Button>
        </div>
      </div>
      {props.progress && props.busy && <ProgressBar progress={props.progress} />}
      <p className="govuk-body" role="status" aria-live="polite">
        {props.status}
      </p>
      {result && <ForecastResult result={result} daily={daily} />}
    </section>
  );
}

/** "Step-down beds: 61 people in the service today, 57 on 29 December (9 runs in 10 between 46 and 61)." */
function bandSentence(
  service: string,
  rows: DailyRow[],
  key: 'occupancy' | 'waiting' | 'visits',
  what: string,
  end: string,
) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const value = (r: DailyRow, suffix: '' | 'Low' | 'High') => Number(r[`${key}${suffix}` as keyof DailyRow] ?? 0);
  return `${service}: ${formatNumber(value(first, ''), 0)} ${what} on the first day, ${formatNumber(value(last, ''), 0)} on ${end} (9 runs in 10 between ${formatNumber(value(last, 'Low'), 0)} and ${formatNumber(value(last, 'High'), 0)}).`;
}

interface EndRow {
  id: string;
  service: string;
  unit: string;
  occupancy: string;
  waiting: string;
  starts: number;
  wait: number;
  cost: number;
}

function ForecastResult({ result, daily }: { result: SimulationResult; daily: ReturnType<typeof dailyRows> }) {
  const last = result.dates.length - 1;
  const endRows: EndRow[] = result.services.map((s) => {
    const d = s.daily;
    const band = (b: { mean: number[]; p5: number[]; p95: number[] }) =>
      `${formatNumber(b.mean[last], 0)} (${formatNumber(b.p5[last], 0)} to ${formatNumber(b.p95[last], 0)})`;
    return {
      id: s.id,
      service: s.name,
      unit: s.unit,
      occupancy: band(d.occupancy),
      waiting: band(d.queue),
      starts: d.admissions.mean.reduce((a, b) => a + b, 0),
      wait: s.metrics.waitMean.mean,
      cost: d.costPence.mean.reduce((a, b) => a + b, 0),
    };
  });
  const end = formatDate(result.dates[last]);
  const from = formatDate(result.dates[0]);
  const stamp = `${result.dates[0]}-${result.dates.length}-days`;
  return (
    <>
      {result.warnings.map((w) => (
        <WarningText key={`${w.code}-${w.serviceId}`}>{w.message}</WarningText>
      ))}
      <Table<EndRow>
        caption={`Forecast for the end of ${end}: ${result.dates.length} days, ${from} to ${end} inclusive (mean, with the range 9 runs in 10 fall within)`}
        rows={endRows}
        rowKey={(r) => r.id}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'occupancy', header: 'People in the service', numeric: true },
          { key: 'waiting', header: 'People waiting', numeric: true },
          {
            key: 'starts',
            header: 'People starting over the period',
            numeric: true,
            render: (r) => formatNumber(r.starts, 0),
          },
          {
            key: 'wait',
            header: 'Mean wait of those starting',
            numeric: true,
            render: (r) => `${formatNumber(r.wait, 1)} days`,
          },
          {
            key: 'cost',
            header: 'Cost over the period',
            numeric: true,
            render: (r) => wholePounds(r.cost),
          },
        ]}
      />
      <h3 className="govuk-heading-m">People in each service</h3>
      <DailyBandChart
        rows={daily}
        series="occupancy"
        title="people in the service each day"
        describe={(service, rows) => bandSentence(service, rows, 'occupancy', 'people in the service', end)}
      />
      <h3 className="govuk-heading-m">People waiting in hospital</h3>
      <DailyBandChart
        rows={daily}
        series="waiting"
        title="people waiting each day"
        describe={(service, rows) => bandSentence(service, rows, 'waiting', 'people waiting', end)}
      />
      <DailyBandChart
        rows={daily}
        series="visits"
        title="visits made each day"
        describe={(service, rows) => bandSentence(service, rows, 'visits', 'visits made', end)}
      />
      <p className="govuk-body-s">
        Line: the mean of the runs. Band: where 9 runs in 10 fall (5th to 95th percentile). Dashes: the beds, slots or
        visits a day the service has.
      </p>
      <InsetText>
        The forecast starts from the people in each service and waiting today, then adds referrals at the fitted rates.
        The band is where 9 of 10 simulated futures fall: plan for the top of it on busy days.
      </InsetText>
      <DailyDownloads rows={daily} filename={`capacity-forecast-${stamp}`} what="every daily series of the forecast" />
    </>
  );
}
