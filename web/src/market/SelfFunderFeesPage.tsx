// A care home's weekly fees for people who pay for their own care, by band, kept by the home (or commissioners for
// it), shown beside the council's usual rate. Checked here and again on the server with the same rules.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  TextInput,
  Table,
  apiErrorsToSummary,
  datePartsToIso,
  fieldError,
  formatDate,
  formatDateTime,
  formatPence,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import { parsePoundsInput } from '../../../src/domain/core/money';
import { BOUNDS, dateRangeError } from '../../../src/domain/core/bounds';
import { addDays, londonToday } from '../../../src/domain/core/dates';
import { SELF_FUNDER_BANDS } from '../../../src/domain/market/selfFunderFees';
import { BAND_LABELS } from './labels';
import type { LocationPicture } from './types';

const feeField = (band: string) => `fee-${band}`;

export function SelfFunderFeesPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const { data, error, loading, reload } = useApi<LocationPicture>(`/api/market/locations/${id}`);
  const [fees, setFees] = useState<Record<string, string> | null>(null);
  const [from, setFrom] = useState<DateParts>(isoToDateParts(londonToday()));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  /** The date the saved fees apply from, once saved (the banner says when they start). */
  const [done, setDone] = useState<string | null>(null);
  const provider = user?.role === 'provider';
  const crumbs = provider
    ? [{ text: 'Your services', href: '/market' }, { text: 'Self-funder fees' }]
    : [
        { text: 'Market', href: '/market' },
        { text: data?.location.name ?? 'Location', href: `/market/locations/${id}` },
        { text: 'Self-funder fees' },
      ];
  if (!data)
    return (
      <Page title="Self-funder fees" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the care home" />
      </Page>
    );
  const current = Object.fromEntries(data.selfFunderFees.map((f) => [f.band, f]));
  const values =
    fees ??
    Object.fromEntries(
      SELF_FUNDER_BANDS.map((b) => [b, current[b] ? (current[b].weeklyFeePence / 100).toFixed(2) : '']),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const body: { band: string; weeklyFeePence: number }[] = [];
    for (const band of SELF_FUNDER_BANDS) {
      if (!values[band]?.trim()) continue;
      const parsed = parsePoundsInput(values[band], BOUNDS.weeklyPricePence, 'weekly fee');
      if ('error' in parsed) problems.push({ field: feeField(band), message: `${BAND_LABELS[band]}: ${parsed.error}` });
      else body.push({ band, weeklyFeePence: parsed.pence });
    }
    if (!problems.length && body.length === 0)
      problems.push({ field: feeField(SELF_FUNDER_BANDS[0]), message: 'Enter a weekly fee for at least one band' });
    const date = datePartsToIso(from, 'The date the fees apply from');
    if ('error' in date) problems.push({ field: 'effectiveFrom', message: date.error });
    else {
      // The server's bound: fees set ahead start within a year.
      const late = dateRangeError('effectiveFrom', 'the date the fees apply from', date.iso, {
        latest: addDays(londonToday(), BOUNDS.feeDaysAhead),
      });
      if (late) problems.push(late);
    }
    setErrors(problems);
    setDone(null);
    if (problems.length || 'error' in date) return;
    try {
      await apiSend('PUT', `/api/market/locations/${data.location.id}/self-funder-fees`, {
        effectiveFrom: date.iso,
        fees: body,
      });
      setDone(date.iso);
      setFees(null);
      reload();
    } catch (err) {
      // The server names fees by their place in the list: point each at its band's box.
      setErrors(
        err instanceof ApiError
          ? apiErrorsToSummary(err).map((x) => {
              const m = /^fees\.(\d+)\./.exec(x.field ?? '');
              return m ? { ...x, field: feeField(body[Number(m[1])]?.band ?? '') } : x;
            })
          : [{ message: String(err) }],
      );
    }
  };

  return (
    <Page
      title={`Self-funder fees at ${data.location.name}`}
      caption={data.provider?.name}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
      width="two-thirds"
    >
      <ErrorSummary errors={errors} />
      {done && (
        <NotificationBanner
          type="success"
          heading={
            done > londonToday()
              ? `Self-funder fees saved: they apply from ${formatDate(done)}`
              : 'Self-funder fees saved'
          }
        >
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`/market/locations/${data.location.id}`}>
              See {data.location.name}
            </Link>
          </p>
        </NotificationBanner>
      )}
      <p className="govuk-body">
        The weekly fee you charge people who pay for their own care, for each kind of bed you offer. Commissioners see
        it beside the council’s usual rate. Leave a band blank if you do not offer it.
      </p>
      {data.selfFunderFeesUpcoming.length > 0 && (
        <Table
          caption="Fees set to apply later"
          captionSize="s"
          rows={data.selfFunderFeesUpcoming}
          rowKey={(r) => `${r.band} ${r.effectiveFrom}`}
          columns={[
            { key: 'band', header: 'Band', render: (r) => BAND_LABELS[r.band as keyof typeof BAND_LABELS] ?? r.band },
            {
              key: 'weeklyFeePence',
              header: 'Weekly fee',
              numeric: true,
              render: (r) => formatPence(r.weeklyFeePence),
            },
            { key: 'effectiveFrom', header: 'In force', render: (r) => `From ${formatDate(r.effectiveFrom)}` },
          ]}
        />
      )}
      <form onSubmit={submit} noValidate>
        {SELF_FUNDER_BANDS.map((band) => (
          <TextInput
            key={band}
            name={feeField(band)}
            label={`${BAND_LABELS[band]} (a week)`}
            hint={
              current[band]?.usualRatePence != null
                ? `The council’s usual rate is ${formatPence(current[band].usualRatePence)} a week`
                : undefined
            }
            prefix="£"
            inputMode="decimal"
            width={10}
            value={values[band] ?? ''}
            onChange={(v) => setFees({ ...values, [band]: v })}
            error={fieldError(errors, feeField(band))}
          />
        ))}
        <DateInput
          name="effectiveFrom"
          legend="The fees apply from"
          hint={`Fees can be set up to a year ahead: on or before ${formatDate(addDays(londonToday(), BOUNDS.feeDaysAhead))}.`}
          value={from}
          onChange={setFrom}
          error={fieldError(errors, 'effectiveFrom')}
        />
        <Button>Save fees</Button>
      </form>
      <h2 className="govuk-heading-m">History</h2>
      <Table
        caption="Every fee recorded for this home, latest start first"
        captionSize="s"
        rows={data.selfFunderFeeHistory}
        rowKey={(r) => `${r.band} ${r.effectiveFrom} ${r.recordedAt}`}
        emptyText="No fees have been recorded for this home yet."
        columns={[
          { key: 'effectiveFrom', header: 'In force from', render: (r) => formatDate(r.effectiveFrom) },
          { key: 'band', header: 'Band', render: (r) => BAND_LABELS[r.band as keyof typeof BAND_LABELS] ?? r.band },
          { key: 'weeklyFeePence', header: 'Weekly fee', numeric: true, render: (r) => formatPence(r.weeklyFeePence) },
          { key: 'recordedAt', header: 'Recorded', render: (r) => formatDateTime(r.recordedAt) },
          { key: 'recordedBy', header: 'Recorded by', render: (r) => r.recordedBy ?? 'Not known' },
        ]}
      />
    </Page>
  );
}
