// The capacity planner: today's position from the hub, a forecast of the next 10–90 days from it (run in the
// browser when small enough, with a progress bar), and the long-run questions: steady-state waits, the capacity
// that meets the target, scenarios side by side, saved scenarios.
import { useEffect, useMemo, useRef, useState } from 'react';
import { todaysPositionInput } from '../../../../src/domain/discharge/simulation/baseline';
import { parseScenario } from '../../../../src/domain/discharge/simulation/scenario';
import { ApiError, apiSend, useApi } from '../../api';
import { useAuth } from '../../auth';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  type SummaryError,
} from '../../components';
import { AssumptionsForm } from './AssumptionsForm';
import { applyAssumptions, assumptionsOf, type Assumptions } from './assumptions';
import { ForecastSection } from './ForecastSection';
import { Comparison, Recommendations } from './RecommendSection';
import { FitDetails, Results } from './ResultsSection';
import { runScenario, ScenarioProblems, type RunProgress } from './runner';
import type {
  Baseline,
  CapacityRecommendation,
  Comparison as ComparisonData,
  HubPosition,
  SavedScenario,
  Scenario,
  SimulationResult,
} from './types';

const API = '/api/discharge/simulation';

/** Errors of any kind as error-summary entries (field paths from the engine or the server match the inputs). */
function summaryOf(err: unknown): SummaryError[] {
  if (err instanceof ApiError) return apiErrorsToSummary(err);
  if (err instanceof ScenarioProblems) return err.issues.map((i) => ({ field: i.field, message: i.message }));
  return [{ message: err instanceof Error ? err.message : String(err) }];
}

/** The capacity planner page at /capacity-planner. */
export function CapacityPlannerPage() {
  const { hasRole } = useAuth();
  const canSave = hasRole('admin', 'commissioner');
  const base = useApi<Baseline>(`${API}/baseline`);
  const today = useApi<HubPosition>(`${API}/today`);
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
  const [comparison, setComparison] = useState<ComparisonData | null>(null);
  const [saveName, setSaveName] = useState('');
  const [savedMessage, setSavedMessage] = useState<string | null>(null);

  const [horizon, setHorizon] = useState('30');
  const [forecast, setForecast] = useState<SimulationResult | null>(null);
  const [forecastProgress, setForecastProgress] = useState<RunProgress | null>(null);
  const [forecastStatus, setForecastStatus] = useState('');
  const [forecasting, setForecasting] = useState(false);
  const firstForecast = useRef(false);

  const scenarioFromForm = (): Scenario | null => {
    if (!current || !assumptions) return null;
    const applied = applyAssumptions(current.scenario, assumptions);
    if (!applied.scenario) {
      setErrors(applied.problems);
      return null;
    }
    setErrors([]);
    return { ...applied.scenario, name: current.scenario.name };
  };

  const runForecast = async () => {
    const position = today.data;
    const scenario = scenarioFromForm();
    if (!scenario || !position) return;
    const days = Number(horizon.trim());
    if (!Number.isInteger(days) || days < 10 || days > 90) {
      setErrors([{ field: 'horizon', message: 'Enter the days ahead as a whole number from 10 to 90' }]);
      return;
    }
    const parsed = parseScenario(todaysPositionInput(scenario, position, days));
    if (!parsed.ok) {
      setErrors(parsed.issues);
      return;
    }
    setForecasting(true);
    setForecastStatus(`Forecasting the next ${days} days…`);
    const started = performance.now();
    try {
      let where: RunProgress['where'] = 'browser';
      const r = await runScenario(parsed.scenario, (p) => {
        where = p.where;
        setForecastProgress(p);
      });
      setForecast(r);
      setForecastStatus(
        `Forecast of the next ${days} days ready in ${((performance.now() - started) / 1000).toFixed(1)} seconds (${r.scenario.replications} runs, ${where === 'browser' ? 'in your browser' : 'on the server'}).`,
      );
    } catch (err) {
      setErrors(summaryOf(err));
      setForecastStatus('');
    } finally {
      setForecasting(false);
    }
  };

  // The forecast from today's position appears as soon as the page has the baseline and the position.
  useEffect(() => {
    if (firstForecast.current || !assumptions || !today.data || !current) return;
    firstForecast.current = true;
    void runForecast();
  }, [assumptions, today.data, current]);

  if (!base.data || !today.data || !assumptions || !current) {
    return (
      <Page title="Capacity planner" caption="Discharge">
        <LoadingOrError
          loading={base.loading || today.loading}
          error={base.error ?? today.error}
          what="the hub’s history and today’s position"
        />
      </Page>
    );
  }
  const fit = base.data.fit;
  const position = today.data;

  const call = async <T,>(label: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    setStatus(`${label}…`);
    const started = performance.now();
    try {
      const value = await work();
      setStatus(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} seconds.`);
      return value;
    } catch (err) {
      setErrors(summaryOf(err));
      setStatus('');
      return null;
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    const scenario = scenarioFromForm();
    if (!scenario) return;
    const r = await call('Simulating', () => runScenario(scenario, () => {}));
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
    // Each scenario with its own runs, so the figures are those "Run simulation" gives for it.
    const others = choices.filter((c) => c.value !== current.value).map((c) => c.scenario);
    const r = await call('Comparing scenarios', () =>
      apiSend<{ comparison: ComparisonData }>('POST', `${API}/compare`, {
        scenarios: [scenario, ...others].slice(0, 6),
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
      setSavedMessage(`Scenario saved: ${r.name}. It is now in the list of scenarios.`);
    }
  };

  return (
    <Page
      title="Capacity planner"
      caption="Discharge"
      breadcrumbs={[{ text: 'Discharge hub', href: '/discharge' }, { text: 'Capacity planner' }]}
      hasErrors={errors.length > 0}
      width="full"
    >
      <ErrorSummary errors={errors} />
      {savedMessage && <NotificationBanner type="success" heading={savedMessage} />}
      <p className="govuk-body-l">
        How will the next weeks go from where the hub is today, and how many reablement visits, step-down beds and D2A
        beds does the borough need? The planner simulates people waiting for each discharge pathway, day by day, many
        times over, with referral rates and lengths of stay fitted to the hub’s records from {formatDate(fit.from)} to{' '}
        {/* fit.to is the first day not fitted (today): the records end the day before. */}
        {formatDate(new Date(Date.parse(`${fit.to}T00:00:00Z`) - 86_400_000))}.
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
      <AssumptionsForm
        scenario={current.scenario}
        assumptions={assumptions}
        errors={errors}
        onChange={setAssumptions}
      />

      <ForecastSection
        position={position}
        scenario={current.scenario}
        horizon={horizon}
        horizonError={fieldError(errors, 'horizon')}
        onHorizon={setHorizon}
        onRun={runForecast}
        busy={forecasting}
        progress={forecastProgress}
        status={forecastStatus}
        result={forecast}
      />

      <h2 className="govuk-heading-l">The long run</h2>
      <p className="govuk-body">
        A year (or the scenario’s period) from an empty start, after a warm-up long enough for the longest stays to
        settle: the waits the capacity gives once today’s backlog has passed, the least capacity that meets the target,
        and the scenarios side by side.
      </p>
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
              error={fieldError(errors, 'name')}
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
      {recommendations && <Recommendations recommendations={recommendations} scenarioName={current.scenario.name} />}
      {comparison && <Comparison comparison={comparison} />}
    </Page>
  );
}
