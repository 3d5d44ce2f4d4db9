import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CapacityRecommendation } from '../../../../src/domain/discharge/simulation/capacitySearch.js';
import type { ComparisonRow } from '../../../../src/domain/discharge/simulation/compare.js';
import type { HistoryFit } from '../../../../src/domain/discharge/simulation/fit.js';
import type { SimulationResult } from '../../../../src/domain/discharge/simulation/results.js';
import type { Scenario } from '../../../../src/domain/discharge/simulation/scenario.js';
import { ApiError, apiSend, useApi } from '../../api';
import { useAuth } from '../../auth';
import {
  Button,
  ButtonGroup,
  Chart,
  Details,
  DownloadLinks,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  Page,
  Select,
  Table,
  TextInput,
  apiErrorsToSummary,
  categoricalColours,
  chartColours,
  fieldError,
  formatDate,
  formatGbp,
  formatNumber,
  formatRatio,
  type SummaryError,
} from '../../components';
import { applyAssumptions, assumptionsOf, type Assumptions } from './assumptions';
import {
  cumulativeWaits,
  curveRows,
  dailyRows,
  historyCheck,
  serviceRows,
  type CurveRow,
  type DailyRow,
  type HistoryCheckRow,
  type ServiceRow,
} from './views';

interface BaselineResponse {
  fit: HistoryFit;
  baseline: Scenario;
  variants: Scenario[];
}
interface SavedScenario {
  id: string;
  name: string;
  description: string;
  scenario: Scenario;
}

const API = '/api/discharge/simulation';
const days = (x: number) => `${formatNumber(x, 1)} days`;

export function CapacityPlannerPage() {
  const { hasRole } = useAuth();
  const canSave = hasRole('admin', 'commissioner');
  const base = useApi<BaselineResponse>(`${API}/baseline`);
  const saved = useApi<{ scenarios: SavedScenario[] }>(`${API}/scenarios`);

  const choices = useMemo(() => {
    if (!base.data) return [];
    return [
      { value: 'baseline', text: 'Baseline: fitted from the hub’s last year', scenario: base.data.baseline },
      ...base.data.variants.map((v, i) => ({ value: `variant-${i}`, text: v.name, scenario: v })),
      ...(saved.data?.scenarios ?? []).map((s) => ({
        value: `saved-${s.id}`,
        text: `Saved: ${s.name}`,
        scenario: s.scenario,
      })),
    ];
  }, [base.data, saved.data]);

  const [choice, setChoice] = useState('baseline');
  const current = choices.find((c) => c.value === choice) ?? choices[0];
  const [assumptions, setAssumptions] = useState<Assumptions | null>(null);
  useEffect(() => {
    if (current) setAssumptions(assumptionsOf(current.scenario));
  }, [current?.value, current?.scenario]);

  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [recommendations, setRecommendations] = useState<CapacityRecommendation[] | null>(null);
  const [comparison, setComparison] = useState<{ scenarios: string[]; rows: ComparisonRow[] } | null>(null);
  const [saveName, setSaveName] = useState('');

  if (!base.data || !assumptions || !current) {
    return (
      <Page title="Capacity planner" caption="Discharge">
        <LoadingOrError loading={base.loading} error={base.error} what="the hub’s history" />
      </Page>
    );
  }
  const fit = base.data.fit;

  const scenarioFromForm = (): Scenario | null => {
    const applied = applyAssumptions(current.scenario, assumptions);
    if (!applied.scenario) {
      setErrors(applied.problems);
      return null;
    }
    setErrors([]);
    return { ...applied.scenario, name: current.scenario.name };
  };

  const call = async <T,>(label: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    setStatus(`${label}…`);
    const started = performance.now();
    try {
      const value = await work();
      setStatus(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} seconds.`);
      return value;
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? apiErrorsToSummary(err)
          : [{ message: err instanceof Error ? err.message : String(err) }],
      );
      setStatus('');
      return null;
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    const scenario = scenarioFromForm();
    if (!scenario) return;
    const r = await call('Simulating', () => apiSend<SimulationResult>('POST', `${API}/run`, scenario));
    if (r) setResult(r);
  };
  const recommend = async () => {
    const scenario = scenarioFromForm();
    if (!scenario) return;
    const r = await call('Searching for the capacity that meets the target', () =>
      apiSend<{ recommendations: CapacityRecommendation[] }>('POST', `${API}/recommend`, {
        scenario,
        replications: 40,
      }),
    );
    if (r) setRecommendations(r.recommendations);
  };
  const compare = async () => {
    const scenario = scenarioFromForm();
    if (!scenario) return;
    const others = choices
      .filter((c) => c.value !== current.value)
      .map((c) => ({ ...c.scenario, replications: Math.min(c.scenario.replications, 100) }));
    const r = await call('Comparing scenarios', () =>
      apiSend<{ comparison: { scenarios: string[]; rows: ComparisonRow[] } }>('POST', `${API}/compare`, {
        scenarios: [{ ...scenario, replications: Math.min(scenario.replications, 100) }, ...others].slice(0, 6),
      }),
    );
    if (r) setComparison(r.comparison);
  };
  const save = async () => {
    const scenario = scenarioFromForm();
    if (!scenario) return;
    if (!saveName.trim()) {
      setErrors([{ field: 'name', message: 'Enter a name for the scenario' }]);
      return;
    }
    const r = await call('Saving the scenario', () =>
      apiSend<SavedScenario>('POST', `${API}/scenarios`, { name: saveName.trim(), scenario }),
    );
    if (r) {
      saved.reload();
      setChoice(`saved-${r.id}`);
      setSaveName('');
    }
  };

  const setService = (i: number, key: keyof Assumptions['services'][number], value: string) =>
    setAssumptions({
      ...assumptions,
      services: assumptions.services.map((s, j) => (j === i ? { ...s, [key]: value } : s)),
    });
  const err = (field: string) => fieldError(errors, field);

  return (
    <Page
      title="Capacity planner"
      caption="Discharge"
      breadcrumbs={[{ text: 'Discharge hub', href: '/discharge' }, { text: 'Capacity planner' }]}
      hasErrors={errors.length > 0}
      width="full"
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body-l">
        How many reablement slots, step-down beds and D2A beds does the borough need? The planner simulates people
        waiting for each discharge pathway, day by day, many times over, using referral rates and lengths of stay fitted
        to the hub’s records from {formatDate(fit.from)} to {formatDate(fit.to)}.
      </p>
      <FitDetails fit={fit} />

      <h2 className="govuk-heading-l">Assumptions</h2>
      <Select
        name="scenario"
        label="Scenario"
        value={current.value}
        onChange={(v) => {
          setChoice(v);
          setResult(null);
          setRecommendations(null);
        }}
        options={choices.map((c) => ({ value: c.value, text: c.text }))}
      />
      {current.scenario.services.map((s, i) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={s.id}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{s.name}</legend>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-fifth">
              <TextInput
                name={`services.${i}.capacity`}
                label={s.unit === 'slot' ? 'Slots' : 'Beds'}
                inputMode="numeric"
                width={5}
                value={assumptions.services[i].capacity}
                onChange={(v) => setService(i, 'capacity', v)}
                error={err(`services.${i}.capacity`)}
                hint={s.capacityChanges.length ? 'Dated changes move with it' : undefined}
              />
            </div>
            <div className="govuk-grid-column-one-fifth">
              <TextInput
                name={`services.${i}.arrivals.perDay`}
                label="Referrals a day"
                inputMode="decimal"
                width={5}
                value={assumptions.services[i].perDay}
                onChange={(v) => setService(i, 'perDay', v)}
                error={err(`services.${i}.arrivals.perDay`)}
              />
            </div>
            <div className="govuk-grid-column-one-fifth">
              <TextInput
                name={`services.${i}.lengthOfStay.mean`}
                label="Mean stay (days)"
                inputMode="decimal"
                width={5}
                value={assumptions.services[i].losMean}
                onChange={(v) => setService(i, 'losMean', v)}
                error={err(`services.${i}.lengthOfStay.mean`)}
              />
            </div>
            <div className="govuk-grid-column-one-fifth">
              <TextInput
                name={`services.${i}.lengthOfStay.sd`}
                label="Spread of stay (days, SD)"
                inputMode="decimal"
                width={5}
                value={assumptions.services[i].losSd}
                onChange={(v) => setService(i, 'losSd', v)}
                error={err(`services.${i}.lengthOfStay.sd`)}
              />
            </div>
            <div className="govuk-grid-column-one-fifth">
              <TextInput
                name={`services.${i}.costPerPlaceDay`}
                label="Cost per place-day"
                prefix="£"
                inputMode="decimal"
                width={5}
                value={assumptions.services[i].costPerPlaceDay}
                onChange={(v) => setService(i, 'costPerPlaceDay', v)}
                error={err(`services.${i}.costPerPlaceDay`)}
              />
            </div>
          </div>
        </fieldset>
      ))}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="costPerAcuteBedDay"
            label="Cost of an acute bed-day"
            prefix="£"
            inputMode="decimal"
            width={5}
            value={assumptions.costPerAcuteBedDay}
            onChange={(v) => setAssumptions({ ...assumptions, costPerAcuteBedDay: v })}
            error={err('costPerAcuteBedDay')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="target.share"
            label="Target: share starting"
            suffix="%"
            inputMode="decimal"
            width={4}
            value={assumptions.sharePercent}
            onChange={(v) => setAssumptions({ ...assumptions, sharePercent: v })}
            error={err('target.share')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="target.withinDays"
            label="Target: within (days)"
            inputMode="decimal"
            width={4}
            value={assumptions.withinDays}
            onChange={(v) => setAssumptions({ ...assumptions, withinDays: v })}
            error={err('target.withinDays')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="replications"
            label="Replications"
            hint="More is more precise, and slower"
            inputMode="numeric"
            width={5}
            value={assumptions.replications}
            onChange={(v) => setAssumptions({ ...assumptions, replications: v })}
            error={err('replications')}
          />
        </div>
      </div>
      <ButtonGroup>
        <Button type="button" onClick={run} disabled={busy !== null}>
          Run simulation
        </Button>
        <Button type="button" variant="secondary" onClick={recommend} disabled={busy !== null}>
          Recommend capacity
        </Button>
        <Button type="button" variant="secondary" onClick={compare} disabled={busy !== null}>
          Compare scenarios side by side
        </Button>
      </ButtonGroup>
      <p className="govuk-body" role="status" aria-live="polite">
        {status}
      </p>
      {canSave && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput
              name="name"
              label="Save these assumptions as a named scenario"
              value={saveName}
              onChange={setSaveName}
              error={err('name')}
            />
          </div>
          <div className="govuk-grid-column-one-half govuk-!-padding-top-6">
            <Button type="button" variant="secondary" onClick={save} disabled={busy !== null}>
              Save scenario
            </Button>
          </div>
        </div>
      )}

      {result && <Results result={result} fit={choice === 'baseline' ? fit : null} />}
      {recommendations && <Recommendations recommendations={recommendations} />}
      {comparison && <Comparison comparison={comparison} />}
    </Page>
  );
}

function FitDetails({ fit }: { fit: HistoryFit }) {
  return (
    <Details summary="How the model was fitted from the hub’s records">
      <p className="govuk-body">{fit.method}</p>
      <Table
        caption="Fitted from history (each can be changed below)"
        rows={fit.pathways}
        rowKey={(p) => String(p.pathway)}
        firstCellIsHeader
        columns={[
          { key: 'pathway', header: 'Pathway', render: (p) => `Pathway ${p.pathway}` },
          {
            key: 'referrals',
            header: 'Referrals in the year',
            numeric: true,
            render: (p) => formatNumber(p.referrals),
          },
          { key: 'perDay', header: 'A day', numeric: true, render: (p) => formatNumber(p.arrivals.perDay, 2) },
          {
            key: 'los',
            header: 'Length of stay',
            render: (p) => {
              const c = p.lengthOfStay.chosen as { kind: string; mean?: number; sd?: number };
              return `${c.kind}, mean ${formatNumber(c.mean ?? 0, 1)}, SD ${formatNumber(c.sd ?? 0, 1)} days`;
            },
          },
          {
            key: 'losSource',
            header: 'Fit',
            render: (p) =>
              `${p.lengthOfStay.source}${p.lengthOfStay.candidates[0] ? ` (KS distance ${p.lengthOfStay.candidates[0].ksDistance})` : ''}`,
          },
          { key: 'capacity', header: 'Places', render: (p) => `${p.capacity.places}: ${p.capacity.source}` },
          {
            key: 'onward',
            header: 'Afterwards',
            render: (p) => p.onward.map((o) => `${o.to} ${formatRatio(o.probability, 0)}`).join(', '),
          },
        ]}
      />
    </Details>
  );
}

function Results({ result, fit }: { result: SimulationResult; fit: HistoryFit | null }) {
  const rows = serviceRows(result);
  const daily = useMemo(() => dailyRows(result), [result]);
  const waits = useMemo(() => cumulativeWaits(result), [result]);
  const target = result.scenario.target;
  const services = result.services.map((s) => s.name);
  const pathways = [...new Set(daily.map((d) => d.pathway))];
  const waitPlot = useCallback(
    (width: number) => ({
      width,
      x: { label: 'Days waiting after being medically optimised', domain: [0, 21] },
      y: { label: 'Share started', grid: true, percent: true, domain: [0, 100] },
      color: { legend: true, domain: services, range: categoricalColours },
      marks: [
        Plot.ruleY([target.share], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.ruleX([target.withinDays], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.lineY(waits, { x: 'days', y: 'share', stroke: 'service', curve: 'step-after' }),
      ],
    }),
    [waits, target.share, target.withinDays],
  );
  const seriesPlot = (key: 'occupancy' | 'waiting') => (width: number) => ({
    width,
    marginRight: 90,
    x: { label: null, type: 'utc' as const },
    y: { label: key === 'occupancy' ? 'Places in use' : 'People waiting', grid: true },
    fy: { label: null, domain: pathways },
    facet: { data: daily, y: 'pathway' },
    marks: [
      Plot.areaY(daily, {
        x: (d: DailyRow) => new Date(`${d.date}T00:00:00Z`),
        y1: key === 'occupancy' ? 'occupancyLow' : 'waitingLow',
        y2: key === 'occupancy' ? 'occupancyHigh' : 'waitingHigh',
        fy: 'pathway',
        fill: chartColours.blue,
        fillOpacity: 0.2,
      }),
      Plot.lineY(daily, {
        x: (d: DailyRow) => new Date(`${d.date}T00:00:00Z`),
        y: key,
        fy: 'pathway',
        stroke: chartColours.blue,
      }),
      ...(key === 'occupancy'
        ? [
            Plot.lineY(daily, {
              x: (d: DailyRow) => new Date(`${d.date}T00:00:00Z`),
              y: 'capacity',
              fy: 'pathway',
              stroke: chartColours.orange,
              strokeDasharray: '5 3',
              curve: 'step-after',
            }),
          ]
        : []),
      Plot.ruleY([0]),
    ],
  });
  const occupancyPlot = useCallback(seriesPlot('occupancy'), [daily]);
  const queuePlot = useCallback(seriesPlot('waiting'), [daily]);
  const worst = [...rows].sort((a, b) => a.withinTarget - b.withinTarget)[0];
  const stamp = `${result.scenario.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)}-${result.scenario.startDate}`;

  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-l" id="results-heading">
        Results: {result.scenario.name}
      </h2>
      <p className="govuk-body">
        {result.scenario.replications} simulated years from {formatDate(result.scenario.startDate)} (after a{' '}
        {result.scenario.warmupDays}-day warm-up), {formatNumber(result.events)} events. Ranges are 95% confidence
        intervals over the replications.
      </p>
      <Table<ServiceRow>
        caption="Waiting and occupancy by service"
        rows={rows}
        rowKey={(r) => r.id}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          {
            key: 'waitMean',
            header: 'Mean wait',
            numeric: true,
            render: (r) => `${days(r.waitMean)} (${formatNumber(r.waitLow, 1)}–${formatNumber(r.waitHigh, 1)})`,
          },
          { key: 'waitP95', header: '95th percentile', numeric: true, render: (r) => days(r.waitP95) },
          {
            key: 'withinTarget',
            header: `Place within ${target.withinDays} days of being ready`,
            numeric: true,
            render: (r) => formatRatio(r.withinTarget),
          },
          { key: 'over7', header: 'Wait over 7 days', numeric: true, render: (r) => formatRatio(r.over7) },
          {
            key: 'occupancy',
            header: 'Places in use',
            numeric: true,
            render: (r) => `${formatNumber(r.occupancy, 0)} of ${formatNumber(r.capacity, 0)}`,
          },
          {
            key: 'delayedBedDays',
            header: 'Delayed acute bed-days',
            numeric: true,
            render: (r) => formatNumber(r.delayedBedDays, 0),
          },
          { key: 'delayCost', header: 'Cost of delays', numeric: true, render: (r) => formatGbp(r.delayCost) },
        ]}
      />
      <p className="govuk-body">
        Total cost of places and delays over the year: {formatGbp(result.totals.totalCost.mean)} (
        {formatGbp(result.totals.totalCost.low)} to {formatGbp(result.totals.totalCost.high)}).
      </p>
      {fit && <HistoryCheck rows={historyCheck(fit, result)} />}
      <Chart
        title="How long people wait: share started within each number of days"
        description={`${worst.service} does least well: ${formatRatio(worst.withinTarget)} get a place within ${target.withinDays} days of being ready to take one, against a target of ${formatRatio(target.share, 0)}. Waits here are from being medically optimised, so include handover (assessment, transport).`}
        plot={waitPlot}
      />
      <Chart
        title="Places in use each day, by pathway (line: mean; band: 10th to 90th percentile of replications; dashes: capacity)"
        description={
          rows
            .map(
              (r) =>
                `${r.service}: on average ${formatNumber(r.occupancy, 1)} of ${formatNumber(r.capacity, 1)} places in use`,
            )
            .join('. ') + '.'
        }
        plot={occupancyPlot}
        height={480}
      />
      <Chart
        title="People waiting each day, by pathway (line: mean; band: 10th to 90th percentile of replications)"
        description={
          rows.map((r) => `${r.service}: on average ${formatNumber(r.meanWaiting, 1)} waiting`).join('. ') + '.'
        }
        plot={queuePlot}
        height={480}
      />
      <DownloadLinks
        filename={`capacity-plan-${stamp}`}
        what="the results"
        rows={rows}
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
          { key: 'waitLow', header: 'Mean wait, 95% CI low', numFmt: '0.00' },
          { key: 'waitHigh', header: 'Mean wait, 95% CI high', numFmt: '0.00' },
          { key: 'waitMedian', header: 'Median wait (days)', numFmt: '0.00' },
          { key: 'waitP90', header: '90th percentile wait (days)', numFmt: '0.00' },
          { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
          {
            key: 'withinTarget',
            header: `Share getting a place within ${target.withinDays} days of being ready`,
            numFmt: '0.0%',
          },
          { key: 'over7', header: 'Share waiting over 7 days', numFmt: '0.0%' },
          { key: 'occupancy', header: 'Mean occupancy', numFmt: '0.0' },
          { key: 'capacity', header: 'Mean capacity', numFmt: '0.0' },
          { key: 'meanWaiting', header: 'Mean number waiting', numFmt: '0.0' },
          { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
          { key: 'delayCost', header: 'Cost of delays (£)', numFmt: '£#,##0' },
          { key: 'serviceCost', header: 'Cost of places (£)', numFmt: '£#,##0' },
        ]}
      />
      <DownloadLinks
        filename={`capacity-plan-daily-${stamp}`}
        what="the daily occupancy and queues"
        rows={daily}
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'date', header: 'Date' },
          { key: 'capacity', header: 'Capacity' },
          { key: 'occupancy', header: 'Occupancy (mean)', numFmt: '0.0' },
          { key: 'occupancyLow', header: 'Occupancy (10th percentile)', numFmt: '0.0' },
          { key: 'occupancyHigh', header: 'Occupancy (90th percentile)', numFmt: '0.0' },
          { key: 'waiting', header: 'Waiting (mean)', numFmt: '0.0' },
          { key: 'waitingLow', header: 'Waiting (10th percentile)', numFmt: '0.0' },
          { key: 'waitingHigh', header: 'Waiting (90th percentile)', numFmt: '0.0' },
        ]}
      />
      <Details summary="How these figures are calculated">
        <p className="govuk-body">{result.method}</p>
      </Details>
    </section>
  );
}

function HistoryCheck({ rows }: { rows: HistoryCheckRow[] }) {
  return (
    <>
      <InsetText>
        The baseline should reproduce today’s waits. If it does not, change the assumptions before asking “what if”.
      </InsetText>
      <Table<HistoryCheckRow>
        caption="Today’s waits from the hub’s records, beside the baseline"
        rows={rows}
        rowKey={(r) => r.service}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'people', header: 'People discharged', numeric: true, render: (r) => formatNumber(r.people) },
          {
            key: 'observedMean',
            header: 'Mean wait: recorded',
            numeric: true,
            render: (r) => (r.observedMean === null ? 'Not available' : days(r.observedMean)),
          },
          { key: 'simulatedMean', header: 'Mean wait: simulated', numeric: true, render: (r) => days(r.simulatedMean) },
          {
            key: 'observedMedian',
            header: 'Median: recorded',
            numeric: true,
            render: (r) => (r.observedMedian === null ? 'Not available' : days(r.observedMedian)),
          },
          {
            key: 'simulatedMedian',
            header: 'Median: simulated',
            numeric: true,
            render: (r) => days(r.simulatedMedian),
          },
          {
            key: 'observedWithin2',
            header: 'Within 2 days: recorded',
            numeric: true,
            render: (r) => formatRatio(r.observedWithin2),
          },
          {
            key: 'simulatedWithin2',
            header: 'Within 2 days: simulated',
            numeric: true,
            render: (r) => formatRatio(r.simulatedWithin2),
          },
        ]}
      />
    </>
  );
}

function Recommendations({ recommendations }: { recommendations: CapacityRecommendation[] }) {
  const curve = useMemo(() => curveRows(recommendations), [recommendations]);
  const target = recommendations[0]?.target;
  return (
    <section aria-labelledby="recommend-heading">
      <h2 className="govuk-heading-l" id="recommend-heading">
        Recommended capacity
      </h2>
      <Table<CapacityRecommendation>
        caption={
          target
            ? `Least places for ${formatRatio(target.share, 0)} of people to get a place within ${target.withinDays} days of being ready`
            : 'Recommended capacity'
        }
        rows={recommendations}
        rowKey={(r) => r.serviceId}
        firstCellIsHeader
        columns={[
          { key: 'serviceName', header: 'Service' },
          { key: 'current', header: 'Places now', numeric: true },
          {
            key: 'recommended',
            header: 'Recommended places',
            numeric: true,
            render: (r) => (r.recommended === null ? 'None up to the search limit' : String(r.recommended)),
          },
          {
            key: 'wait',
            header: 'Mean wait at recommended',
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.recommended);
              return p ? days(p.waitMean.mean) : 'Not available';
            },
          },
          {
            key: 'p95',
            header: '95th percentile wait at recommended',
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.recommended);
              return p ? days(p.waitP95.mean) : 'Not available';
            },
          },
          { key: 'leastCost', header: 'Lowest total cost at', numeric: true },
        ]}
      />
      {recommendations.map((r) => (
        <TradeOffChart key={r.serviceId} recommendation={r} rows={curve.filter((c) => c.service === r.serviceName)} />
      ))}
      <DownloadLinks
        filename="capacity-recommendation"
        what="the capacity trade-off"
        rows={curve}
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'capacity', header: 'Places' },
          { key: 'recommended', header: 'Recommended', value: (r) => (r.recommended ? 'yes' : '') },
          { key: 'withinTarget', header: 'Share within target', numFmt: '0.0%' },
          { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
          { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
          { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
          { key: 'serviceCost', header: 'Cost of places (£)', numFmt: '£#,##0' },
          { key: 'delayCost', header: 'Cost of delays (£)', numFmt: '£#,##0' },
          { key: 'totalCost', header: 'Total cost (£)', numFmt: '£#,##0' },
        ]}
      />
      <Details summary="How the recommendation is found">
        <p className="govuk-body">{recommendations[0]?.method}</p>
      </Details>
    </section>
  );
}

function TradeOffChart({ recommendation: r, rows }: { recommendation: CapacityRecommendation; rows: CurveRow[] }) {
  const plot = useCallback(
    (width: number) => ({
      width,
      x: { label: 'Places', grid: true },
      y: {
        label: `Share with a place within ${r.target.withinDays} days`,
        percent: true,
        grid: true,
        domain: [0, 100],
      },
      marks: [
        Plot.ruleY([r.target.share], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.lineY(rows, { x: 'capacity', y: 'withinTarget', stroke: chartColours.blue }),
        Plot.dot(rows, {
          x: 'capacity',
          y: 'withinTarget',
          fill: (d: CurveRow) => (d.recommended ? chartColours.orange : chartColours.blue),
          r: (d: CurveRow) => (d.recommended ? 6 : 3),
        }),
      ],
    }),
    [r, rows],
  );
  const now = rows.find((p) => p.capacity === r.current);
  return (
    <Chart
      title={`${r.serviceName}: places against the share getting a place within ${r.target.withinDays} days (dashes: target; larger dot: recommended)`}
      description={`${r.recommended ?? 'No number of'} places ${r.recommended === null ? 'up to the search limit meets' : 'meet'} the target of ${formatRatio(r.target.share, 0)}; with today’s ${r.current}, ${now ? formatRatio(now.withinTarget) : 'an unknown share'} get a place within ${r.target.withinDays} days.`}
      plot={plot}
      height={260}
    />
  );
}

const COMPARED = new Set([
  'waitMean',
  'waitP95',
  'shareWithinTarget',
  'meanOccupancy',
  'delayedBedDays',
  'totalCost',
  'totalDelayedBedDays',
]);

function Comparison({ comparison }: { comparison: { scenarios: string[]; rows: ComparisonRow[] } }) {
  const rows = comparison.rows.filter((r) => COMPARED.has(r.metric));
  const show = (r: ComparisonRow, i: number) => {
    const v = r.values[i];
    if (!v) return 'Not available';
    if (r.unit === 'share') return formatRatio(v.mean);
    if (r.unit === '£') return formatGbp(v.mean);
    if (r.unit === 'days') return days(v.mean);
    return formatNumber(v.mean, 1);
  };
  return (
    <section aria-labelledby="compare-heading">
      <h2 className="govuk-heading-l" id="compare-heading">
        Scenarios side by side
      </h2>
      <Table<ComparisonRow>
        caption="Scenarios side by side (up to 100 replications each)"
        rows={rows}
        rowKey={(r) => `${r.serviceId}-${r.metric}`}
        firstCellIsHeader
        columns={[
          { key: 'label', header: 'Measure', render: (r) => `${r.serviceName}: ${r.label.toLowerCase()}` },
          ...comparison.scenarios.map((name, i) => ({
            key: `s${i}`,
            header: name,
            numeric: true,
            render: (r: ComparisonRow) => show(r, i),
          })),
        ]}
      />
      <DownloadLinks
        filename="capacity-scenarios-compared"
        what="the comparison"
        rows={rows}
        columns={[
          { key: 'service', header: 'Service', value: (r) => r.serviceName },
          { key: 'measure', header: 'Measure', value: (r) => r.label },
          { key: 'unit', header: 'Unit' },
          ...comparison.scenarios.map((name, i) => ({
            key: `s${i}`,
            header: name,
            value: (r: ComparisonRow) => r.values[i]?.mean ?? null,
          })),
        ]}
      />
    </section>
  );
}
