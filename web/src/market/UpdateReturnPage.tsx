// Update a location's figures: care home capacity and vacancies (with bed-type split where the home has
// one), homecare capacity, and workforce. Checked in the browser with the same rules the server applies.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  TextInput,
  fieldError,
  formatDate,
  type SummaryError,
  formatCount,
} from '../components';
import {
  BED_CLOSED_REASONS,
  BED_CLOSED_REASON_LABELS,
  validateHomecareCapacity,
  validateWorkforce,
} from '../../../src/domain/market/capacity';
import { isCareHome } from '../../../src/domain/market/types';
import { GROUP_LABELS } from './labels';
import type { LocationPicture } from './types';
import {
  GROUPS,
  labelOf,
  missingFigure,
  sentence,
  toCount,
  careHomeFormErrors,
  NumberField,
  type Form,
} from './careHomeReturn';

export function UpdateReturnPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<LocationPicture>(`/api/market/locations/${id}`);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const provider = user?.role === 'provider';
  const back = provider ? '/market' : `/market/locations/${id}`;
  const crumbs = provider
    ? [{ text: 'Your services', href: '/market' }, { text: 'Update figures' }]
    : [
        { text: 'Market', href: '/market' },
        { text: data?.location.name ?? 'Location', href: `/market/locations/${id}` },
        { text: 'Update figures' },
      ];
  if (!data)
    return (
      <Page title="Update figures" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the location" />
      </Page>
    );

  const l = data.location;
  const careHome = isCareHome(l.serviceTypes);
  const homecare = l.serviceTypes.some((s) => s === 'homecare' || s === 'supported_living' || s === 'extra_care');
  const ch = data.careHome;
  const groups = GROUPS.filter((g) => ch?.[`${g}Max`] != null);
  const hc = data.homecare[0];
  const wf = data.workforce;
  const initial: Form = {
    ...(ch
      ? Object.fromEntries(
          [
            'maxCapacity',
            'occupied',
            'vacantReserved',
            'vacantAccepting',
            ...groups.flatMap((g) => [`${g}Max`, `${g}Occupied`, `${g}VacantAccepting`]),
            'vacantClosed',
            'heldForAssessment',
          ].map((k) => [k, String((ch as unknown as Record<string, number>)[k] ?? '')]),
        )
      : { maxCapacity: l.registeredBeds == null ? '' : String(l.registeredBeds) }),
    closedReason: ch?.closedReason ?? '',
    closedNote: ch?.closedNote ?? '',
    ...(hc
      ? {
          peopleSupported: String(hc.peopleSupported),
          hoursPerWeek: String(hc.hoursPerWeek),
          newHoursAvailable: String(hc.newHoursAvailable),
        }
      : {}),
    ...(wf
      ? Object.fromEntries(
          ['nurses', 'careStaff', 'nonCareStaff', 'agencyStaff', 'vacancies', 'absences'].map((k) => [
            k,
            String((wf as unknown as Record<string, number | null>)[k] ?? ''),
          ]),
        )
      : {}),
  };
  const f = form ?? initial;
  const set = (k: string, v: string) => setForm({ ...f, [k]: v });

  // One page, one save (issue 13: saving the beds discarded unsaved workforce edits, and the other way round):
  // every section is checked together, every problem reported at once, then each section with figures is sent.
  const workforceKeys = ['nurses', 'careStaff', 'nonCareStaff', 'agencyStaff', 'vacancies', 'absences'];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const sends: { path: string; body: unknown; what: string }[] = [];
    if (careHome) {
      const { errors: chProblems, body } = careHomeFormErrors(f, groups, l.registeredBeds);
      problems.push(...chProblems);
      sends.push({ path: `/api/market/locations/${l.id}/capacity`, body, what: 'beds and vacancies' });
    }
    if (homecare) {
      const keys = ['peopleSupported', 'hoursPerWeek', 'newHoursAvailable'];
      const blank = keys.filter((k) => (f[k] ?? '').trim() === '');
      const bad = keys.filter((k) => !blank.includes(k) && !Number.isFinite(Number(f[k])));
      for (const k of blank) problems.push({ field: k, message: missingFigure(k) });
      for (const k of bad) problems.push({ field: k, message: `${sentence(labelOf(k))} must be a number, 0 or more` });
      const body = {
        area: hc?.area ?? l.postcodeDistrict,
        peopleSupported: Number(f.peopleSupported),
        hoursPerWeek: Number(f.hoursPerWeek),
        newHoursAvailable: Number(f.newHoursAvailable),
      };
      if (!blank.length && !bad.length)
        for (const x of validateHomecareCapacity(body)) problems.push({ field: x.field, message: sentence(x.message) });
      sends.push({ path: `/api/market/locations/${l.id}/homecare`, body, what: 'homecare capacity' });
    }
    // Workforce figures are sent when given (a location with no workforce return yet may leave them blank).
    if (wf || workforceKeys.some((k) => (f[k] ?? '').trim() !== '')) {
      const body = Object.fromEntries(workforceKeys.map((k) => [k, toCount(f[k] ?? '')]));
      const bad = workforceKeys.filter((k) => body[k] == null || Number.isNaN(body[k]));
      for (const k of bad)
        problems.push({
          field: k,
          message: body[k] == null ? missingFigure(k) : `${sentence(labelOf(k))} must be a whole number, 0 or more`,
        });
      if (!bad.length)
        for (const x of validateWorkforce(body as never, l.registeredBeds))
          problems.push({ field: x.field, message: sentence(x.message) });
      sends.push({ path: `/api/market/locations/${l.id}/workforce`, body, what: 'workforce' });
    }
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    const done: string[] = [];
    try {
      for (const x of sends) {
        await apiSend('POST', x.path, x.body);
        done.push(x.what);
      }
      navigate(back, { state: { saved: `Figures saved for ${l.name}: ${done.join(' and ')}.` } });
    } catch (err) {
      setErrors([
        ...(done.length
          ? [{ message: `Saved: ${done.join(', ')}. Not saved yet: the rest, because of this problem.` }]
          : []),
        ...failureToSummary(err),
      ]);
      setBusy(false);
    }
  };

  return (
    <Page
      title={`Update figures for ${l.name}`}
      caption={data.provider?.name}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
      width="two-thirds"
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        {careHome && (
          <div>
            <h2 className="govuk-heading-m">Beds and vacancies</h2>
            {ch && (
              <p className="govuk-body">
                Last updated {formatDate(ch.asAt)}. The figures below are your last return: change what has changed.
              </p>
            )}
            <NumberField
              name="maxCapacity"
              label="Maximum capacity (beds you can use)"
              hint={l.registeredBeds == null ? undefined : `CQC registration: ${formatCount(l.registeredBeds, 'bed')}`}
              form={f}
              set={set}
              errors={errors}
            />
            <NumberField name="occupied" label="Occupied beds" form={f} set={set} errors={errors} />
            <NumberField
              name="vacantAccepting"
              label="Vacant beds accepting admissions"
              form={f}
              set={set}
              errors={errors}
            />
            <NumberField
              name="vacantReserved"
              label="Vacant beds reserved (not available)"
              hint="Reserved for a named person who is due to move in."
              form={f}
              set={set}
              errors={errors}
            />
            <NumberField
              name="heldForAssessment"
              label="Beds held for assessment"
              hint="Held for a person being assessed, for example discharged from hospital to assess."
              form={f}
              set={set}
              errors={errors}
            />
            <NumberField
              name="vacantClosed"
              label="Vacant beds closed to admissions"
              hint="Empty beds you cannot fill now, for example during an outbreak."
              form={f}
              set={set}
              errors={errors}
            />
            {(toCount(f.vacantClosed ?? '') ?? 0) > 0 && (
              <>
                <Radios
                  name="closedReason"
                  legend="Why are beds closed to admissions?"
                  small
                  value={f.closedReason ?? ''}
                  onChange={(v) => set('closedReason', v)}
                  error={fieldError(errors, 'closedReason')}
                  items={BED_CLOSED_REASONS.map((r) => ({ value: r, text: BED_CLOSED_REASON_LABELS[r] }))}
                />
                <TextInput
                  name="closedNote"
                  label={f.closedReason === 'other' ? 'Say why' : 'Anything to add (optional)'}
                  value={f.closedNote ?? ''}
                  onChange={(v) => set('closedNote', v)}
                  error={fieldError(errors, 'closedNote')}
                />
              </>
            )}
            {groups.map((g) => (
              <fieldset className="govuk-fieldset" key={g}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{GROUP_LABELS[g]} beds</legend>
                <NumberField name={`${g}Max`} label={`${GROUP_LABELS[g]} beds`} form={f} set={set} errors={errors} />
                <NumberField
                  name={`${g}Occupied`}
                  label={`${GROUP_LABELS[g]} beds occupied`}
                  form={f}
                  set={set}
                  errors={errors}
                />
                <NumberField
                  name={`${g}VacantAccepting`}
                  label={`${GROUP_LABELS[g]} beds vacant and accepting`}
                  form={f}
                  set={set}
                  errors={errors}
                />
              </fieldset>
            ))}
          </div>
        )}
        {homecare && (
          <div>
            <h2 className="govuk-heading-m">Homecare capacity{hc?.area ? ` in ${hc.area}` : ''}</h2>
            <NumberField name="peopleSupported" label="People supported" form={f} set={set} errors={errors} />
            <NumberField name="hoursPerWeek" label="Hours delivered a week" form={f} set={set} errors={errors} />
            <NumberField
              name="newHoursAvailable"
              label="Hours of new work you can take a week"
              form={f}
              set={set}
              errors={errors}
            />
          </div>
        )}
        <h2 className="govuk-heading-m">Workforce</h2>
        <p className="govuk-body">Headcount of staff working this week.</p>
        <NumberField name="nurses" label="Nurses (directly employed)" form={f} set={set} errors={errors} />
        <NumberField name="careStaff" label="Care staff (directly employed)" form={f} set={set} errors={errors} />
        <NumberField name="nonCareStaff" label="Non-care staff" form={f} set={set} errors={errors} />
        <NumberField name="agencyStaff" label="Agency and bank staff" form={f} set={set} errors={errors} />
        <NumberField name="vacancies" label="Staff vacancies" form={f} set={set} errors={errors} />
        <NumberField name="absences" label="Staff absent" form={f} set={set} errors={errors} />
        <ButtonGroup>
          <Button disabled={busy}>Save figures</Button>
          <Button href={back} variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
