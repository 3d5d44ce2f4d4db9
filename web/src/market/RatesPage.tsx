// Usual rates and cost of care: the rate in force for each band and every rate with its effective date, the
// same for the cost of care figures and their sources; admins and commissioners set new ones (a new date adds
// a rate, the same band and date corrects it).
import { useState } from 'react';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  DownloadLinks,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Table,
  Tag,
  formatDate,
  type SummaryError,
  type TagColour,
} from '../components';
import { MarketNav } from './MarketDashboardPage';
import { BANDS, COST_OF_CARE_SERVICES, type Band } from './labels';
import { inForceOn, RATE_STATUS_LABELS, rateHistory, todayInEngland, type RateStatus } from './rates';
import type { CostOfCareFigure, RatesResponse, UsualRate } from './types';
import { RateForm, bandLabel, serviceLabel, bandPer, servicePer, money } from './RateForm';

const TITLE = 'Usual rates and cost of care';
const CRUMBS = [{ text: 'Market', href: '/market' }, { text: TITLE }];
const STATUS_COLOURS: Record<RateStatus, TagColour> = { in_force: 'green', scheduled: 'blue', replaced: 'grey' };

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
