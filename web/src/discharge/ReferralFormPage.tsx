import { useNavigate } from 'react-router';
import { apiSend } from '../api';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Page,
  Radios,
  Select,
  TextInput,
  Textarea,
  WarningText,
  datePartsToIso,
  emptyDate,
  useForm,
  type DateParts,
  type SummaryError,
} from '../components';
import {
  AGE_BANDS,
  EQUIPMENT,
  FUNDING_ROUTES,
  FUNDING_ROUTE_LABELS,
  NEEDS_BY_PATHWAY,
  PATHWAYS,
  PATHWAY_LABELS,
  SERVICE_NEED_LABELS,
  SPECIALISMS,
  humanise,
} from './labels';
import type { Referral } from './types';
import { describeFindings, screenFreeText } from '../../../src/domain/discharge/screening';
import { validateReferral } from '../../../src/domain/discharge/referral';

export interface Form {
  personRef: string;
  name: string;
  nhsNumber: string;
  ageBand: string;
  postcodeDistrict: string;
  hospital: string;
  ward: string;
  moDate: DateParts;
  moTime: string;
  pathway: string;
  serviceNeed: string;
  homecareHoursPerWeek: string;
  callsPerDay: string;
  doubleHanded: string;
  specialisms: string[];
  equipment: string[];
  needsSummary: string;
  fundingRoute: string;
  preferredDistricts: string;
}

/** The form as it opens: nothing chosen yet (not medically optimised, no pathway, single-handed care). */
export const BLANK_REFERRAL: Form = {
  personRef: '',
  name: '',
  nhsNumber: '',
  ageBand: '',
  postcodeDistrict: '',
  hospital: '',
  ward: '',
  moDate: { ...emptyDate },
  moTime: '',
  pathway: '',
  serviceNeed: '',
  homecareHoursPerWeek: '',
  callsPerDay: '',
  doubleHanded: 'no',
  specialisms: [],
  equipment: [],
  needsSummary: '',
  fundingRoute: '',
  preferredDistricts: '',
};

/**
 * Browser-side checks, every problem at once (the server checks everything again): the date and time, read as UK
 * local time in the browser, and every field (the date's bounds too) through the same schema the server uses
 * (`validateReferral`), so a wrong date does not hide a missing ward until it is fixed, nor the other way round.
 * `body` is set only when nothing is wrong.
 */
export function buildReferralBody(f: Form): { body?: Record<string, unknown>; errors: SummaryError[] } {
  const errors: SummaryError[] = [];
  const date = datePartsToIso(f.moDate, 'Date medically optimised');
  if ('error' in date) errors.push({ field: 'medicallyOptimisedAt-day', message: date.error });
  const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(f.moTime.trim());
  if (!time)
    errors.push({ field: 'medicallyOptimisedTime', message: 'Enter the time medically optimised, like 09:30' });
  let at: Date | null = null;
  // The date's bounds are the API's (within the last year, at most 14 days ahead), checked as soon as the date is
  // real, even while the time is missing (at midday then), so no bound waits until other fields are fixed.
  let dateChecked: Date | null = null;
  if ('iso' in date) {
    const [y, m, d] = date.iso.split('-').map(Number);
    if (time) at = new Date(y, m - 1, d, Number(time[1]), Number(time[2]));
    dateChecked = at ?? new Date(y, m - 1, d, 12, 0);
  }
  const homeBased = f.serviceNeed === 'reablement' || f.serviceNeed === 'homecare';
  const body: Record<string, unknown> = {
    personRef: f.personRef,
    name: f.name || undefined,
    nhsNumber: f.nhsNumber || undefined,
    ageBand: f.ageBand || undefined,
    postcodeDistrict: f.postcodeDistrict,
    hospital: f.hospital,
    ward: f.ward,
    medicallyOptimisedAt: at?.toISOString(),
    pathway: f.pathway === '' ? undefined : Number(f.pathway),
    serviceNeed: f.serviceNeed || undefined,
    homecareHoursPerWeek: homeBased && f.homecareHoursPerWeek ? f.homecareHoursPerWeek : undefined,
    callsPerDay: homeBased && f.callsPerDay ? f.callsPerDay : undefined,
    doubleHanded: f.doubleHanded === 'yes',
    specialisms: f.specialisms,
    equipment: f.equipment,
    needsSummary: f.needsSummary,
    fundingRoute: f.fundingRoute || undefined,
    preferredDistricts: f.preferredDistricts.split(/[\s,]+/).filter(Boolean),
  };
  // The other fields, checked as the server will (the date's own problems are already listed above).
  const checked = validateReferral({
    ...body,
    medicallyOptimisedAt: (dateChecked ?? new Date()).toISOString(),
  });
  // "Service needed" appears once a pathway with needs is chosen: until then the pathway's own error covers it
  // (a message whose field is not on the page could not link to it).
  const needsShown = f.pathway !== '' && NEEDS_BY_PATHWAY[Number(f.pathway) as 0 | 1 | 2 | 3].length > 0;
  if (!checked.ok)
    for (const e of checked.errors)
      if (!errors.some((x) => x.field?.startsWith(e.field)) && (e.field !== 'serviceNeed' || needsShown))
        errors.push({
          field: e.field === 'medicallyOptimisedAt' ? 'medicallyOptimisedAt-day' : e.field,
          message: e.message,
        });
  return errors.length ? { errors } : { errors, body };
}

export function ReferralFormPage() {
  const navigate = useNavigate();
  // The server's errors on this form's ids (the date is three inputs).
  const form = useForm<Form>(BLANK_REFERRAL, { dateFields: ['medicallyOptimisedAt'] });
  const { values: f, setValues: setF, set, errors, busy } = form;
  const needs = f.pathway === '' ? [] : NEEDS_BY_PATHWAY[Number(f.pathway) as 0 | 1 | 2 | 3];
  const homeBased = f.serviceNeed === 'reablement' || f.serviceNeed === 'homecare';
  // Warn before the summary reaches providers: an NHS number, a full postcode or the person's name in it.
  const summaryFindings = screenFreeText(f.needsSummary, { name: f.name });

  const submit = form.onSubmit(() => {
    const { body, errors: local } = buildReferralBody(f);
    return form.run(local, async () => {
      const { referral } = await apiSend<{ referral: Referral }>('POST', '/api/discharge/referrals', body!);
      navigate(`/discharge/referrals/${referral.id}`, { state: { created: true } });
    });
  });
  const err = form.error;

  return (
    <Page
      title="Add a referral"
      caption="Discharge"
      hasErrors={errors.length > 0}
      width="two-thirds"
      breadcrumbs={[{ text: 'Discharge hub', href: '/discharge' }, { text: 'Add a referral' }]}
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">The person</h2>
        <TextInput
          name="personRef"
          label="Person reference"
          hint="The hub’s pseudonymous reference, for example EB-2026-01234. Providers never see it."
          width={20}
          spellCheck={false}
          value={f.personRef}
          onChange={set('personRef')}
          error={err('personRef')}
        />
        <TextInput
          name="name"
          label="Name (optional)"
          hint="Only hub staff can see the name"
          autoComplete="off"
          value={f.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextInput
          name="nhsNumber"
          label="NHS number (optional)"
          hint="Only hub staff can see it"
          width={10}
          inputMode="numeric"
          value={f.nhsNumber}
          onChange={set('nhsNumber')}
          error={err('nhsNumber')}
        />
        <Select
          name="ageBand"
          label="Age band"
          placeholder="Choose an age band"
          options={AGE_BANDS.map((a) => ({ value: a, text: a }))}
          value={f.ageBand}
          onChange={set('ageBand')}
          error={err('ageBand')}
        />
        <TextInput
          name="postcodeDistrict"
          label="Postcode district of their home"
          hint="The first half of the postcode, for example EB3. Providers see only this."
          width={5}
          value={f.postcodeDistrict}
          onChange={set('postcodeDistrict')}
          error={err('postcodeDistrict')}
        />

        <h2 className="govuk-heading-m">In hospital</h2>
        <TextInput
          name="hospital"
          label="Hospital"
          value={f.hospital}
          onChange={set('hospital')}
          error={err('hospital')}
        />
        <TextInput name="ward" label="Ward" width={20} value={f.ward} onChange={set('ward')} error={err('ward')} />
        <DateInput
          name="medicallyOptimisedAt"
          legend="Date medically optimised"
          hint="For example, 23 11 2026"
          value={f.moDate}
          onChange={set('moDate')}
          error={err('medicallyOptimisedAt-day')}
        />
        <TextInput
          name="medicallyOptimisedTime"
          label="Time medically optimised"
          hint="24-hour clock, for example 09:30"
          width={5}
          value={f.moTime}
          onChange={set('moTime')}
          error={err('medicallyOptimisedTime')}
        />

        <h2 className="govuk-heading-m">What is needed</h2>
        <Radios
          name="pathway"
          legend="Discharge pathway"
          value={f.pathway}
          onChange={(v) => setF((x) => ({ ...x, pathway: v, serviceNeed: '' }))}
          items={PATHWAYS.map((p) => ({ value: String(p), text: PATHWAY_LABELS[p] }))}
          error={err('pathway')}
        />
        {needs.length > 0 && (
          <Radios
            name="serviceNeed"
            legend="Service needed"
            value={f.serviceNeed}
            onChange={set('serviceNeed')}
            items={needs.map((n) => ({ value: n, text: SERVICE_NEED_LABELS[n] }))}
            error={err('serviceNeed')}
          />
        )}
        {homeBased && (
          <>
            <TextInput
              name="homecareHoursPerWeek"
              label="Hours of care a week"
              width={4}
              inputMode="decimal"
              value={f.homecareHoursPerWeek}
              onChange={set('homecareHoursPerWeek')}
              error={err('homecareHoursPerWeek')}
            />
            <TextInput
              name="callsPerDay"
              label="Calls a day"
              width={2}
              inputMode="numeric"
              value={f.callsPerDay}
              onChange={set('callsPerDay')}
              error={err('callsPerDay')}
            />
            <Radios
              name="doubleHanded"
              legend="Does each call need two carers?"
              inline
              small
              value={f.doubleHanded}
              onChange={set('doubleHanded')}
              items={[
                { value: 'yes', text: 'Yes' },
                { value: 'no', text: 'No' },
              ]}
            />
          </>
        )}
        <Checkboxes
          name="specialisms"
          legend="Specialist needs"
          hint="Select all that apply"
          small
          value={f.specialisms}
          onChange={set('specialisms')}
          items={SPECIALISMS.map((s) => ({ value: s, text: humanise(s) }))}
          error={err('specialisms')}
        />
        <Checkboxes
          name="equipment"
          legend="Equipment needed"
          hint="Select all that apply"
          small
          value={f.equipment}
          onChange={set('equipment')}
          items={EQUIPMENT.map((s) => ({ value: s, text: humanise(s) }))}
        />
        <Textarea
          name="needsSummary"
          label="Summary of needs for providers"
          hint="No names, dates of birth or other details that identify the person"
          rows={3}
          value={f.needsSummary}
          onChange={set('needsSummary')}
          error={err('needsSummary')}
        />
        {summaryFindings.length > 0 && <WarningText>{describeFindings(summaryFindings)}</WarningText>}
        <Radios
          name="fundingRoute"
          legend="Funding route"
          value={f.fundingRoute}
          onChange={set('fundingRoute')}
          items={FUNDING_ROUTES.map((r) => ({ value: r, text: FUNDING_ROUTE_LABELS[r] }))}
          error={err('fundingRoute')}
        />
        <TextInput
          name="preferredDistricts"
          label="Preferred areas (optional)"
          hint="Postcode districts separated by commas, for example EB1, EB4"
          value={f.preferredDistricts}
          onChange={set('preferredDistricts')}
          error={err('preferredDistricts')}
        />
        <ButtonGroup>
          <Button disabled={busy}>Save referral</Button>
          <Button href="/discharge" variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
