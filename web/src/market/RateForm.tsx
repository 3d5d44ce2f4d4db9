// The rates page's two forms (a usual rate, a cost of care figure), sharing one layout.
import { useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api';
import {
  Button,
  DateInput,
  Select,
  Textarea,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  formatPence,
  type SummaryError,
} from '../components';
import { BAND_LABELS, BANDS, bandUnit, COST_OF_CARE_LABELS, COST_OF_CARE_SERVICES, type Band } from './labels';
import {
  checkRateForm,
  emptyRateForm,
  rateFormIds,
  serverErrorsForForm,
  type RateFormKind,
  type RateFormValues,
} from './rates';

export const bandLabel = (band: string) => BAND_LABELS[band as Band] ?? band;
export const serviceLabel = (service: string) =>
  COST_OF_CARE_LABELS[service as keyof typeof COST_OF_CARE_LABELS] ?? service;
export const bandPer = (band: string) =>
  (BANDS as readonly string[]).includes(band) && bandUnit(band as Band) === 'hour' ? 'hour' : 'week';
export const servicePer = (service: string) => (service === 'homecare' ? 'hour' : 'week');
export const money = (pence: number, per: 'week' | 'hour') =>
  `${formatPence(pence)} ${per === 'hour' ? 'an hour' : 'a week'}`;

const FORMS = {
  rate: {
    heading: 'Set a usual rate',
    path: '/api/market/rates',
    keyLabel: 'Band',
    keyPlaceholder: 'Choose a band',
    options: BANDS.map((b) => ({ value: b, text: BAND_LABELS[b] })),
    per: bandPer,
    amountHint: 'In pounds and pence, for example 712.50. Care home bands are a week; homecare is an hour.',
    dateHint: 'The first day the rate applies. To correct a rate, use its effective from date. For example, 6 4 2026',
    textLabel: 'Note (optional)',
    textHint: 'For example, the decision or the reason for the change.',
    button: 'Set usual rate',
  },
  cost: {
    heading: 'Set a cost of care figure',
    path: '/api/market/cost-of-care',
    keyLabel: 'Service',
    keyPlaceholder: 'Choose a service',
    options: COST_OF_CARE_SERVICES.map((s) => ({ value: s, text: COST_OF_CARE_LABELS[s] })),
    per: servicePer,
    amountHint:
      'In pounds and pence, for example 983.00. Residential and nursing care are a week; homecare is an hour.',
    dateHint:
      'The first day the figure applies. To correct a figure, use its effective from date. For example, 6 4 2026',
    textLabel: 'Source (optional)',
    textHint: 'Where the figure comes from, for example “Fair Cost of Care exercise 2022/23 (median)”.',
    button: 'Set cost of care',
  },
} as const;

/** One of the two forms. Errors live on the page (one error summary at the top); ids carry the form's prefix. */
export function RateForm({
  kind,
  onSaved,
  onErrors,
  errors,
}: {
  kind: RateFormKind;
  onSaved: (text: string) => void;
  onErrors: (e: SummaryError[]) => void;
  errors: SummaryError[];
}) {
  const cfg = FORMS[kind];
  const ids = rateFormIds(kind);
  const [form, setForm] = useState<RateFormValues>(emptyRateForm);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof RateFormValues>(key: K) =>
    (value: RateFormValues[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const per = form.key ? cfg.per(form.key) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { errors: problems, body } = checkRateForm(kind, form);
    if (!body) return onErrors(problems);
    setBusy(true);
    try {
      const row = await apiSend<{ amountPence: number; effectiveFrom: string }>('PUT', cfg.path, body);
      const what =
        kind === 'rate'
          ? `Usual rate for ${bandLabel(form.key).toLowerCase()}`
          : `Cost of care for ${serviceLabel(form.key).toLowerCase()}`;
      setForm(emptyRateForm());
      onSaved(`${what} set to ${money(row.amountPence, cfg.per(form.key))} from ${formatDate(row.effectiveFrom)}`);
    } catch (err) {
      onErrors(
        err instanceof ApiError ? serverErrorsForForm(kind, apiErrorsToSummary(err)) : [{ message: String(err) }],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <form onSubmit={submit} noValidate aria-labelledby={`${kind}-form-heading`} className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m" id={`${kind}-form-heading`}>
            {cfg.heading}
          </h2>
          <Select
            name={kind === 'rate' ? 'band' : 'service'}
            id={ids.key}
            label={cfg.keyLabel}
            placeholder={cfg.keyPlaceholder}
            options={cfg.options}
            value={form.key}
            onChange={set('key')}
            error={fieldError(errors, ids.key)}
          />
          <DateInput
            name="effectiveFrom"
            id={ids.effectiveFrom}
            legend="Effective from"
            hint={cfg.dateHint}
            value={form.effectiveFrom}
            onChange={set('effectiveFrom')}
            error={fieldError(errors, ids.effectiveFromDay)}
          />
          <TextInput
            name="amount"
            id={ids.amount}
            label="Amount"
            prefix="£"
            suffix={per ? (per === 'hour' ? 'an hour' : 'a week') : undefined}
            hint={cfg.amountHint}
            inputMode="decimal"
            spellCheck={false}
            width={10}
            value={form.amount}
            onChange={set('amount')}
            error={fieldError(errors, ids.amount)}
          />
          {kind === 'rate' ? (
            <Textarea
              name="note"
              id={ids.text}
              label={cfg.textLabel}
              hint={cfg.textHint}
              rows={2}
              value={form.text}
              onChange={set('text')}
              error={fieldError(errors, ids.text)}
            />
          ) : (
            <TextInput
              name="source"
              id={ids.text}
              label={cfg.textLabel}
              hint={cfg.textHint}
              value={form.text}
              onChange={set('text')}
              error={fieldError(errors, ids.text)}
            />
          )}
          <Button disabled={busy}>{cfg.button}</Button>
        </form>
      </div>
    </div>
  );
}
