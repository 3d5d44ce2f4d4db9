// Add or edit a contract: every field of the register on one question page, then a check-answers page
// (GOV.UK "check answers" pattern) before it is saved. Nothing typed is lost when the server refuses it: the
// form comes back with the server's messages linked to the fields.
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  ButtonGroup,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  Page,
  Select,
  SummaryList,
  TextInput,
  Textarea,
  fieldId,
  formatDate,
  formatPence,
  useForm,
} from '../components';
import {
  CARE_GROUP_LABELS,
  CONTRACT_OPTIONS,
  CONTRACT_FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  SERVICE_AREA_LABELS,
  label,
} from './labels';
import { CONTRACT_PREFIXES } from './formHelpers';
import type { Contract } from './types';
import { blank, contractBody, DATE_FIELDS, valuesOf, type Values } from './contractFormValues';

/** The register's add and edit page: `/contracts/register/new` and `/contracts/register/:id/edit`. */
export function ContractFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const existing = useApi<{ contract: Contract }>(id ? `/api/contracts/contracts/${id}` : null);
  const providers = useApi<{ id: string; name: string }[]>('/api/market/providers');
  const form = useForm<Values | null>(id ? null : blank, { dateFields: DATE_FIELDS, prefixes: CONTRACT_PREFIXES });
  const { values, setValues, errors, setErrors } = form;
  const [step, setStep] = useState<'form' | 'check'>('form');
  const provider = useApi<{ locations: { id: string; name: string }[] }>(
    values?.providerId ? `/api/market/providers/${values.providerId}` : null,
  );
  useEffect(() => {
    if (id && existing.data && !values) setValues(valuesOf(existing.data.contract));
  }, [id, existing.data, values]);
  // "Change" on the check-answers page links to #field: go back to the form and put the cursor there.
  useEffect(() => {
    if (!location.hash) return;
    setStep('form');
    const target = location.hash.slice(1);
    window.setTimeout(() => document.getElementById(target)?.focus(), 50);
  }, [location.hash, location.key]);

  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Contract register', href: '/contracts/register' },
    ...(id && existing.data
      ? [{ text: existing.data.contract.reference, href: `/contracts/register/${id}` }, { text: 'Edit' }]
      : [{ text: 'Add a contract' }]),
  ];
  const title = id ? 'Edit contract' : 'Add a contract';
  if (!values)
    return (
      <Page title={title} breadcrumbs={crumbs}>
        <LoadingOrError loading={existing.loading} error={existing.error} what="the contract" />
      </Page>
    );
  const set =
    <K extends keyof Values>(k: K) =>
    (v: Values[K]) =>
      setValues((s) => ({ ...s!, [k]: v, ...(k === 'providerId' ? { locationId: '' } : {}) }));
  const err = form.error;
  const { body, problems } = contractBody(values);

  const toCheck = (e: FormEvent) => {
    e.preventDefault();
    setErrors(problems);
    if (problems.length === 0) {
      setStep('check');
      if (location.hash) navigate({ hash: '' }, { replace: true });
      window.scrollTo(0, 0);
    }
  };
  const save = form.onSubmit(() =>
    form.run(
      [],
      async () => {
        const res = id
          ? await apiSend<{ id: string }>('PUT', `/api/contracts/contracts/${id}`, body)
          : await apiSend<{ id: string }>('POST', '/api/contracts/contracts', body);
        navigate(`/contracts/register/${res.id}`, {
          state: {
            saved: id ? `Contract ${body.reference as string} updated` : `Contract ${body.reference as string} added`,
          },
        });
      },
      () => {
        setStep('form');
        window.scrollTo(0, 0);
      },
    ),
  );

  const providerName = providers.data?.find((p) => p.id === values.providerId)?.name;
  const locationName = provider.data?.locations.find((l) => l.id === values.locationId)?.name;
  if (step === 'check') {
    const change = (field: string, what: string) => [
      { href: `#${fieldId(field)}`, text: 'Change', visuallyHiddenText: what },
    ];
    return (
      <Page title="Check the contract before saving" caption={title} breadcrumbs={crumbs} width="two-thirds">
        <SummaryList
          rows={[
            { key: 'Reference', value: body.reference as string, actions: change('reference', 'reference') },
            { key: 'Title', value: body.title as string, actions: change('title', 'title') },
            { key: 'Provider', value: providerName ?? 'In-house service', actions: change('providerId', 'provider') },
            { key: 'Location', value: locationName ?? 'Not set', actions: change('locationId', 'location') },
            {
              key: 'Service area',
              value: label(SERVICE_AREA_LABELS, values.serviceArea),
              actions: change('serviceArea', 'service area'),
            },
            {
              key: 'Care group',
              value: label(CARE_GROUP_LABELS, values.careGroup),
              actions: change('careGroup', 'care group'),
            },
            {
              key: 'Contract form',
              value: label(CONTRACT_FORM_LABELS, values.contractForm),
              actions: change('contractForm', 'contract form'),
            },
            {
              key: 'Funding source',
              value: label(FUNDING_SOURCE_LABELS, values.fundingSource),
              actions: change('fundingSource', 'funding source'),
            },
            {
              key: 'Total value',
              value: formatPence(body.totalValuePence as number),
              actions: change('totalValuePence', 'total value'),
            },
            {
              key: 'Annual value',
              value: formatPence(body.annualValuePence as number),
              actions: change('annualValuePence', 'annual value'),
            },
            {
              key: 'Start date',
              value: formatDate(body.startDate as string),
              actions: change('startDate-day', 'start date'),
            },
            {
              key: 'End date of the initial term',
              value: formatDate(body.initialEndDate as string),
              actions: change('initialEndDate-day', 'end date'),
            },
            {
              key: 'Extension options',
              value: (body.extensionOptionsMonths as number[]).map((m) => `${m} months`).join(' + ') || 'None',
              actions: change('extensionOptionsMonths', 'extension options'),
            },
            {
              key: 'Extensions taken',
              value: String(body.extensionsTaken),
              actions: change('extensionsTaken', 'extensions taken'),
            },
            {
              key: 'Break clauses',
              value: (body.breakClauseDates as string[]).map((d) => formatDate(d)).join(', ') || 'None',
              actions: change('breakClauseDates', 'break clauses'),
            },
            {
              key: 'Notice period',
              value: `${String(body.noticePeriodMonths)} months`,
              actions: change('noticePeriodMonths', 'notice period'),
            },
            {
              key: 'Social value commitments',
              value: (body.socialValue as string | null) ?? 'None recorded',
              actions: change('socialValue', 'social value commitments'),
            },
            {
              key: 'Lead officer',
              value: (body.leadOfficer as string | null) ?? 'Not set',
              actions: change('leadOfficer', 'lead officer'),
            },
          ]}
        />
        <form onSubmit={save} noValidate>
          <ButtonGroup>
            <Button disabled={form.busy}>{id ? 'Save changes' : 'Add contract'}</Button>
            <Button type="button" variant="secondary" onClick={() => setStep('form')}>
              Go back and change
            </Button>
          </ButtonGroup>
        </form>
      </Page>
    );
  }

  return (
    <Page title={title} breadcrumbs={crumbs} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      <form onSubmit={toCheck} noValidate>
        <TextInput
          name="reference"
          label="Reference"
          hint="The council’s contract reference, for example EB-HC-101"
          value={values.reference}
          onChange={set('reference')}
          width={20}
          error={err('reference')}
        />
        <TextInput name="title" label="Title" value={values.title} onChange={set('title')} error={err('title')} />
        <Select
          name="providerId"
          label="Provider"
          hint="Leave as in-house for a service the council runs itself"
          value={values.providerId}
          onChange={set('providerId')}
          placeholder="In-house service"
          options={(providers.data ?? []).map((p) => ({ value: p.id, text: p.name }))}
          error={err('providerId')}
        />
        {values.providerId && (
          <Select
            name="locationId"
            label="Location (optional)"
            hint="For a contract with one care home or branch"
            value={values.locationId}
            onChange={set('locationId')}
            placeholder="No particular location"
            options={(provider.data?.locations ?? []).map((l) => ({ value: l.id, text: l.name }))}
            error={err('locationId')}
          />
        )}
        <Select
          name="serviceArea"
          label="Service area"
          value={values.serviceArea}
          onChange={set('serviceArea')}
          placeholder="Choose a service area"
          options={CONTRACT_OPTIONS.serviceArea}
          error={err('serviceArea')}
        />
        <Select
          name="careGroup"
          label="Care group"
          value={values.careGroup}
          onChange={set('careGroup')}
          placeholder="Choose a care group"
          options={CONTRACT_OPTIONS.careGroup}
          error={err('careGroup')}
        />
        <Select
          name="contractForm"
          label="Contract form"
          value={values.contractForm}
          onChange={set('contractForm')}
          placeholder="Choose a contract form"
          options={CONTRACT_OPTIONS.contractForm}
          error={err('contractForm')}
        />
        <Select
          name="fundingSource"
          label="Funding source"
          value={values.fundingSource}
          onChange={set('fundingSource')}
          placeholder="Choose a funding source"
          options={CONTRACT_OPTIONS.fundingSource}
          error={err('fundingSource')}
        />
        <TextInput
          name="totalValuePence"
          label="Total value over the term"
          prefix="£"
          inputMode="decimal"
          width={10}
          value={values.totalValuePence}
          onChange={set('totalValuePence')}
          error={err('totalValuePence')}
        />
        <TextInput
          name="annualValuePence"
          label="Annual value"
          prefix="£"
          inputMode="decimal"
          width={10}
          value={values.annualValuePence}
          onChange={set('annualValuePence')}
          error={err('annualValuePence')}
        />
        <DateInput
          name="startDate"
          legend="Start date"
          hint="For example, 1 4 2026"
          value={values.startDate}
          onChange={set('startDate')}
          error={err('startDate-day')}
        />
        <DateInput
          name="initialEndDate"
          legend="End date of the initial term"
          hint="Before any extension. For example, 31 3 2029"
          value={values.initialEndDate}
          onChange={set('initialEndDate')}
          error={err('initialEndDate-day')}
        />
        <TextInput
          name="extensionOptionsMonths"
          label="Extension options (optional)"
          hint="Months of each option in order: a 3+1+1 contract is 12 + 12"
          width={10}
          value={values.extensionOptionsMonths}
          onChange={set('extensionOptionsMonths')}
          error={err('extensionOptionsMonths')}
        />
        <TextInput
          name="extensionsTaken"
          label="Extensions already taken"
          inputMode="numeric"
          width={2}
          value={values.extensionsTaken}
          onChange={set('extensionsTaken')}
          error={err('extensionsTaken')}
        />
        <TextInput
          name="breakClauseDates"
          label="Break clauses (optional)"
          hint="Dates the council may end the contract early, like 31/03/2028, separated by commas"
          value={values.breakClauseDates}
          onChange={set('breakClauseDates')}
          error={err('breakClauseDates')}
        />
        <TextInput
          name="noticePeriodMonths"
          label="Notice period"
          inputMode="numeric"
          width={2}
          suffix="months"
          value={values.noticePeriodMonths}
          onChange={set('noticePeriodMonths')}
          error={err('noticePeriodMonths')}
        />
        <Textarea
          name="socialValue"
          label="Social value commitments (optional)"
          value={values.socialValue}
          onChange={set('socialValue')}
          rows={3}
          error={err('socialValue')}
        />
        <TextInput
          name="leadOfficer"
          label="Lead officer (optional)"
          value={values.leadOfficer}
          onChange={set('leadOfficer')}
          error={err('leadOfficer')}
        />
        <Button>Continue</Button>
      </form>
    </Page>
  );
}
