// Usual rates and cost of care: the rate in force for each band and every rate with its effective date, the
// same for the cost of care figures and their sources; admins and commissioners set new ones (a new date adds
// a rate, the same band and date corrects it).
import { useState, type FormEvent } from 'react';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  DateInput,
  DownloadLinks,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  formatPence,
  type SummaryError,
  type TagColour,
} from '../components';
import { MarketNav } from './MarketDashboardPage';
import { BAND_LABELS, BANDS, bandUnit, COST_OF_CARE_LABELS, COST_OF_CARE_SERVICES, type Band } from './labels';
import {
  checkRateForm,
  emptyRateForm,
  inForceOn,
  RATE_STATUS_LABELS,
  rateFormIds,
  rateHistory,
  serverErrorsForForm,
  todayInEngland,
  type RateFormKind,
  type RateFormValues,
  type RateStatus,
} from './rates';
import type { CostOfCareFigure, RatesResponse, UsualRate } from './types';

const TITLE = 'Usual rates and cost of care';
const CRUMBS = [{ text: 'Market', href: '/market' }, { text: TITLE }];
const STATUS_COLOURS: Record<RateStatus, TagColour> = { in_force: 'green', scheduled: 'blue', replaced: 'grey' };

const bandLabel = (band: string) => BAND_LABELS[band as Band] ?? band;
const serviceLabel = (service: string) => COST_OF_CARE_LABELS[service as keyof typeof COST_OF_CARE_LABELS] ?? service;
const bandPer = (band: string) =>
  (BANDS as readonly string[]).includes(band) && bandUnit(band as Band) === 'hour' ? 'hour' : 'week';
const servicePer = (service: string) => (service === 'homecare' ? 'hour' : 'week');
const money = (pence: number, per: 'week' | 'hour') => `${formatPence(pence)} ${per === 'hour' ? 'an hour' : 'a week'}`;
const moneyColumn = { numFmt: '£#,##0.00' } as const;

export function RatesPage() {
  const { data, error, loading, reload } = useApi<RatesResponse>('/api/market/rates', { keepPrevious: true });
  const { hasRole } = useAuth();
  const canSet = hasRole('admin', 'commissioner');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<{ n: number; text: string } | null>(null);

  if (!data)
    return (
      <Page title={TITLE} caption="Market" breadcrumbs={CRUMBS}>
        <LoadingOrError loading={loading} error={error} what="usual rates" />
      </Page>
    );

  const today = todayInEngland();
  const rates = rateHistory(data.usualRates, (r) => r.band, BANDS, today);
  const ratesNow = inForceOn(data.usualRates, (r) => r.band, today);
  const rateRows = BANDS.map((band) => ({ band, rate: ratesNow.get(band) ?? null }));
  const costs = rateHistory(data.costOfCare, (c) => c.service, COST_OF_CARE_SERVICES, today);
  const costsNow = inForceOn(data.costOfCare, (c) => c.service, today);
  const costRows = COST_OF_CARE_SERVICES.map((service) => ({ service, cost: costsNow.get(service) ?? null }));
  const onSaved = (text: string) => {
    setErrors([]);
    setSaved((s) => ({ n: (s?.n ?? 0) + 1, text }));
    reload();
  };
  const onErrors = (e: SummaryError[]) => {
    setSaved(null);
    setErrors(e);
  };

  return (
    <Page title={TITLE} caption="Market" breadcrumbs={CRUMBS} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {saved && <NotificationBanner key={saved.n} type="success" heading={saved.text} />}
      <MarketNav current="/market/rates" />
      <p className="govuk-body">
        The usual rate is what the council expects to pay for care that meets a person’s eligible needs, by band. A rate
        applies from its effective date until the next one for the same band. The cost of care is the council’s estimate
        of what care costs providers to deliver, from its cost of care exercise. Figures in force today,{' '}
        {formatDate(today)}, are tagged “In force”.
      </p>

      <h2 className="govuk-heading-l">Usual rates</h2>
      <Table
        caption="Usual rates in force today"
        captionSize="m"
        firstCellIsHeader
        rows={rateRows}
        rowKey={(r) => r.band}
        columns={[
          { key: 'band', header: 'Band', render: (r) => bandLabel(r.band) },
          {
            key: 'rate',
            header: 'Usual rate',
            numeric: true,
            render: (r) => (r.rate ? money(r.rate.amountPence, bandPer(r.band)) : 'Not set'),
          },
          {
            key: 'effectiveFrom',
            header: 'Effective from',
            render: (r) => (r.rate ? formatDate(r.rate.effectiveFrom) : ''),
          },
          { key: 'note', header: 'Note', render: (r) => r.rate?.note ?? '' },
        ]}
      />
      <DownloadLinks
        filename={`usual-rates-in-force-${today}`}
        what="usual rates in force"
        rows={rateRows}
        columns={[
          { key: 'band', header: 'Band', value: (r) => bandLabel(r.band) },
          {
            key: 'amountPence',
            header: 'Usual rate £',
            value: (r) => (r.rate ? r.rate.amountPence / 100 : null),
            ...moneyColumn,
          },
          { key: 'unit', header: 'Per', value: (r) => bandPer(r.band) },
          { key: 'effectiveFrom', header: 'Effective from', value: (r) => r.rate?.effectiveFrom ?? null },
          { key: 'note', header: 'Note', value: (r) => r.rate?.note ?? null },
        ]}
      />
      <Table<UsualRate & { status: RateStatus }>
        caption="All usual rates by band"
        captionSize="m"
        sortable
        rows={rates}
        rowKey={(r) => r.id}
        emptyText="No usual rates have been set."
        columns={[
          {
            key: 'band',
            header: 'Band',
            render: (r) => bandLabel(r.band),
            sortValue: (r) => BANDS.indexOf(r.band as Band),
          },
          { key: 'effectiveFrom', header: 'Effective from', render: (r) => formatDate(r.effectiveFrom) },
          {
            key: 'amountPence',
            header: 'Usual rate',
            numeric: true,
            render: (r) => money(r.amountPence, bandPer(r.band)),
          },
          {
            key: 'status',
            header: 'Status',
            render: (r) => <Tag colour={STATUS_COLOURS[r.status]}>{RATE_STATUS_LABELS[r.status]}</Tag>,
            sortValue: (r) => RATE_STATUS_LABELS[r.status],
          },
          { key: 'note', header: 'Note', render: (r) => r.note ?? '', sortable: false },
        ]}
      />
      <DownloadLinks
        filename={`usual-rates-${today}`}
        what="all usual rates"
        rows={rates}
        columns={[
          { key: 'band', header: 'Band', value: (r) => bandLabel(r.band) },
          { key: 'effectiveFrom', header: 'Effective from' },
          { key: 'amountPence', header: 'Usual rate £', value: (r) => r.amountPence / 100, ...moneyColumn },
          { key: 'unit', header: 'Per', value: (r) => bandPer(r.band) },
          { key: 'status', header: `Status on ${today}`, value: (r) => RATE_STATUS_LABELS[r.status] },
          { key: 'note', header: 'Note' },
        ]}
      />
      {canSet && <RateForm kind="rate" onSaved={onSaved} onErrors={onErrors} errors={errors} />}

      <h2 className="govuk-heading-l govuk-!-margin-top-9">Cost of care</h2>
      <Table
        caption="Cost of care in force today"
        captionSize="m"
        firstCellIsHeader
        rows={costRows}
        rowKey={(r) => r.service}
        columns={[
          { key: 'service', header: 'Service', render: (r) => serviceLabel(r.service) },
          {
            key: 'cost',
            header: 'Cost of care',
            numeric: true,
            render: (r) => (r.cost ? money(r.cost.amountPence, servicePer(r.service)) : 'Not set'),
          },
          {
            key: 'effectiveFrom',
            header: 'Effective from',
            render: (r) => (r.cost ? formatDate(r.cost.effectiveFrom) : ''),
          },
          { key: 'source', header: 'Source', render: (r) => r.cost?.source ?? '' },
        ]}
      />
      <DownloadLinks
        filename={`cost-of-care-in-force-${today}`}
        what="cost of care in force"
        rows={costRows}
        columns={[
          { key: 'service', header: 'Service', value: (r) => serviceLabel(r.service) },
          {
            key: 'amountPence',
            header: 'Cost of care £',
            value: (r) => (r.cost ? r.cost.amountPence / 100 : null),
            ...moneyColumn,
          },
          { key: 'unit', header: 'Per', value: (r) => servicePer(r.service) },
          { key: 'effectiveFrom', header: 'Effective from', value: (r) => r.cost?.effectiveFrom ?? null },
          { key: 'source', header: 'Source', value: (r) => r.cost?.source ?? null },
        ]}
      />
      <Table<CostOfCareFigure & { status: RateStatus }>
        caption="All cost of care figures by service"
        captionSize="m"
        sortable
        rows={costs}
        rowKey={(r) => r.id}
        emptyText="No cost of care figures have been set."
        columns={[
          {
            key: 'service',
            header: 'Service',
            render: (r) => serviceLabel(r.service),
            sortValue: (r) => COST_OF_CARE_SERVICES.indexOf(r.service as never),
          },
          { key: 'effectiveFrom', header: 'Effective from', render: (r) => formatDate(r.effectiveFrom) },
          {
            key: 'amountPence',
            header: 'Cost of care',
            numeric: true,
            render: (r) => money(r.amountPence, servicePer(r.service)),
          },
          {
            key: 'status',
            header: 'Status',
            render: (r) => <Tag colour={STATUS_COLOURS[r.status]}>{RATE_STATUS_LABELS[r.status]}</Tag>,
            sortValue: (r) => RATE_STATUS_LABELS[r.status],
          },
          { key: 'source', header: 'Source', render: (r) => r.source ?? '', sortable: false },
        ]}
      />
      <DownloadLinks
        filename={`cost-of-care-${today}`}
        what="all cost of care figures"
        rows={costs}
        columns={[
          { key: 'service', header: 'Service', value: (r) => serviceLabel(r.service) },
          { key: 'effectiveFrom', header: 'Effective from' },
          { key: 'amountPence', header: 'Cost of care £', value: (r) => r.amountPence / 100, ...moneyColumn },
          { key: 'unit', header: 'Per', value: (r) => servicePer(r.service) },
          { key: 'status', header: `Status on ${today}`, value: (r) => RATE_STATUS_LABELS[r.status] },
          { key: 'source', header: 'Source' },
        ]}
      />
      {canSet && <RateForm kind="cost" onSaved={onSaved} onErrors={onErrors} errors={errors} />}
    </Page>
  );
}

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
function RateForm({
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
