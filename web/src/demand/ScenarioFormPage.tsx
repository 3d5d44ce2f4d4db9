import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  Select,
  TextInput,
  Textarea,
  useForm,
} from '../components';
import { SCENARIO_FIELD_MAP, scenarioFormFrom, scenarioParamsFrom, type ScenarioForm } from './forms';
import type { Scenario, ScenariosResponse, StoredRate } from './types';

const SERVICE_OPTIONS = [
  { value: 'care_home_residential', text: 'Residential care home' },
  { value: 'care_home_nursing', text: 'Nursing care home' },
  { value: 'homecare', text: 'Homecare' },
  { value: 'reablement', text: 'Reablement' },
  { value: 'extra_care', text: 'Extra care housing' },
  { value: 'supported_living', text: 'Supported living' },
];

/** Add or change a scenario. */
export function ScenarioFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const scenarios = useApi<ScenariosResponse>('/api/demand/scenarios');
  const rates = useApi<{ rates: StoredRate[] }>('/api/demand/rates');
  const existing: Scenario | null = id ? (scenarios.data?.scenarios.find((s) => s.id === id) ?? null) : null;
  // The API names the scenario's parameters; the form's inputs have their own ids.
  const state = useForm<ScenarioForm | null>(null, { rename: (f) => SCENARIO_FIELD_MAP[f] });
  const { values: form, setValues: setForm, errors, busy } = state;
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => {
    if (form || !scenarios.data) return;
    if (id && !existing) return;
    setForm(
      existing
        ? scenarioFormFrom(existing.name, existing.description, existing.params)
        : scenarioFormFrom('', '', scenarios.data.defaults),
    );
  }, [form, scenarios.data, existing, id]);
  const title = existing ? `Change scenario: ${existing.name}` : 'Add a scenario';
  const crumbs = [
    { text: 'Need and demand', href: '/demand' },
    { text: 'Scenarios', href: '/demand/scenarios' },
    { text: existing ? 'Change scenario' : 'Add a scenario' },
  ];
  if (!form || !scenarios.data) {
    return (
      <Page title={title} breadcrumbs={crumbs}>
        {scenarios.data && id && !existing ? (
          <p className="govuk-body">This scenario was not found.</p>
        ) : (
          <LoadingOrError loading={scenarios.loading} error={scenarios.error} what="scenarios" />
        )}
      </Page>
    );
  }
  const set =
    <K extends keyof ScenarioForm>(key: K) =>
    (value: string) =>
      setForm({ ...form, [key]: value as ScenarioForm[K] });
  const submit = state.onSubmit(() => {
    const { params, errors: problems } = scenarioParamsFrom(form, existing?.params ?? scenarios.data!.defaults);
    if (!params) return state.setErrors(problems);
    return state.run([], async () => {
      const body = { name: form.name.trim(), description: form.description.trim(), params };
      const res = existing
        ? await apiSend<{ scenario: Scenario }>('PUT', `/api/demand/scenarios/${existing.id}`, body)
        : await apiSend<{ scenario: Scenario }>('POST', '/api/demand/scenarios', body);
      navigate(`/demand?scenario=${res.scenario.id}`, { state: { saved: res.scenario.name } });
    });
  });
  const remove = () =>
    existing &&
    state.run([], async () => {
      await apiSend('DELETE', `/api/demand/scenarios/${existing.id}`);
      navigate('/demand/scenarios', { state: { deleted: existing.name } });
    });
  return (
    <Page title={title} breadcrumbs={crumbs} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      {existing && confirmDelete && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="confirm-delete-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="confirm-delete-title">
              Delete this scenario?
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Are you sure you want to delete “{existing.name}”? It cannot be undone, and comparisons that used it will
              no longer show it.
            </p>
            <ButtonGroup>
              <Button type="button" variant="warning" onClick={remove} disabled={busy}>
                Yes, delete the scenario
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmDelete(false)}>
                No, keep it
              </Button>
            </ButtonGroup>
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <TextInput name="name" label="Name" value={form.name} onChange={set('name')} error={state.error('name')} />
        <Textarea
          name="description"
          label="Description (optional)"
          rows={2}
          value={form.description}
          onChange={set('description')}
        />
        <Radios
          name="method"
          legend="How rates change over time"
          value={form.method}
          onChange={set('method')}
          items={[
            {
              value: 'constant',
              text: 'Constant rate (conservative)',
              hint: 'Each rate stays at today’s level; demand grows with the population only',
            },
            {
              value: 'trend',
              text: 'Linear trend on history (generous)',
              hint: 'Rates with a recorded history follow their straight-line trend',
            },
            { value: 'custom', text: 'Custom trajectory', hint: 'Change one rate by a percentage by a given year' },
          ]}
        />
        {form.method === 'custom' && (
          <>
            <Select
              name="trajectoryRate"
              label="Rate to change"
              value={form.trajectoryRate}
              onChange={set('trajectoryRate')}
              placeholder="Choose a rate"
              options={(rates.data?.rates ?? []).map((r) => ({ value: r.key, text: r.label }))}
              error={state.error('trajectoryRate')}
            />
            <TextInput
              name="trajectoryChange"
              label="Change in the rate"
              hint="For example 20 for a rise of a fifth, or -10"
              suffix="%"
              width={5}
              inputMode="decimal"
              value={form.trajectoryChange}
              onChange={set('trajectoryChange')}
              error={state.error('trajectoryChange')}
            />
            <TextInput
              name="trajectoryYear"
              label="Reached by"
              width={4}
              inputMode="numeric"
              value={form.trajectoryYear}
              onChange={set('trajectoryYear')}
              error={state.error('trajectoryYear')}
            />
          </>
        )}
        <TextInput
          name="toYear"
          label="Project to"
          width={4}
          inputMode="numeric"
          value={form.toYear}
          onChange={set('toYear')}
          error={state.error('toYear')}
        />
        <TextInput
          name="targetOccupancy"
          label="Target occupancy of beds and units"
          hint="Capacity counts as used up when occupancy reaches this level"
          suffix="%"
          width={4}
          inputMode="decimal"
          value={form.targetOccupancy}
          onChange={set('targetOccupancy')}
          error={state.error('targetOccupancy')}
        />
        <TextInput
          name="uplift"
          label="Price uplift a year"
          hint="0 for the Thurrock method (no inflation)"
          suffix="%"
          width={4}
          inputMode="decimal"
          value={form.uplift}
          onChange={set('uplift')}
          error={state.error('uplift')}
        />
        <TextInput
          name="homecareHours"
          label="Homecare hours a week per client (optional)"
          hint="Leave blank to use today’s mean from packages"
          width={4}
          inputMode="decimal"
          value={form.homecareHours}
          onChange={set('homecareHours')}
          error={state.error('homecareHours')}
        />
        <Radios
          name="lever"
          legend="Policy lever: move some new admissions to another service?"
          inline
          value={form.lever}
          onChange={set('lever')}
          items={[
            { value: 'no', text: 'No' },
            { value: 'yes', text: 'Yes' },
          ]}
        />
        {form.lever === 'yes' && (
          <>
            <Select
              name="leverFrom"
              label="Move new admissions from"
              value={form.leverFrom}
              onChange={set('leverFrom')}
              options={SERVICE_OPTIONS}
            />
            <Select
              name="leverTo"
              label="To"
              value={form.leverTo}
              onChange={set('leverTo')}
              options={SERVICE_OPTIONS}
              error={state.error('leverTo')}
            />
            <TextInput
              name="leverShare"
              label="Share of new admissions moved"
              suffix="%"
              width={4}
              inputMode="decimal"
              value={form.leverShare}
              onChange={set('leverShare')}
              error={state.error('leverShare')}
            />
            <TextInput
              name="leverStartYear"
              label="From year"
              width={4}
              inputMode="numeric"
              value={form.leverStartYear}
              onChange={set('leverStartYear')}
              error={state.error('leverStartYear')}
            />
            <TextInput
              name="leverMeanStay"
              label="Mean length of stay (years)"
              hint="Residents turn over once per mean stay, so the full effect builds up over this time"
              width={4}
              inputMode="decimal"
              value={form.leverMeanStay}
              onChange={set('leverMeanStay')}
              error={state.error('leverMeanStay')}
            />
          </>
        )}
        <ButtonGroup>
          <Button disabled={busy}>Save scenario</Button>
          {existing && !confirmDelete && (
            <Button type="button" variant="warning" onClick={() => setConfirmDelete(true)} disabled={busy}>
              Delete scenario
            </Button>
          )}
          <Button href="/demand/scenarios" variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
