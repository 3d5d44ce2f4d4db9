import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  Page,
  TextInput,
  Textarea,
  fieldError,
  type SummaryError,
} from '../components';
import { rateBodyFrom, rateFormFrom, type RateForm } from './forms';
import type { StoredRate } from './types';

function cellLabel(c: StoredRate['cells'][number]): string {
  const who = c.sex === 'persons' ? 'People' : c.sex === 'female' ? 'Women' : 'Men';
  return `${who} aged ${c.ageTo === null ? `${c.ageFrom} and over` : `${c.ageFrom} to ${c.ageTo}`}`;
}

/** The rates editor: one percentage per sex and age band, the share known to ASC, and the source. */
export function EditRatePage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<{ rates: StoredRate[] }>('/api/demand/rates');
  const rate = data?.rates.find((r) => r.key === key) ?? null;
  const [form, setForm] = useState<RateForm | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => {
    if (rate && !form) setForm(rateFormFrom(rate));
  }, [rate, form]);
  const crumbs = [
    { text: 'Need and demand', href: '/demand' },
    { text: 'Rates', href: '/demand/rates' },
    { text: 'Change a rate' },
  ];
  if (!rate || !form) {
    return (
      <Page title="Change a rate" breadcrumbs={crumbs}>
        {data && !rate ? (
          <p className="govuk-body">There is no rate called “{key}”.</p>
        ) : (
          <LoadingOrError loading={loading} error={error} what="the rate" />
        )}
      </Page>
    );
  }
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { body, errors: problems } = rateBodyFrom(rate, form);
    setErrors(problems);
    if (!body) return;
    setBusy(true);
    try {
      await apiSend('PUT', `/api/demand/rates/${rate.key}`, body);
      navigate('/demand', { state: { changed: rate.label } });
    } catch (err) {
      setErrors(failureToSummary(err));
      setBusy(false);
    }
  };
  const reset = async () => {
    setBusy(true);
    try {
      await apiSend('DELETE', `/api/demand/rates/${rate.key}`);
      navigate('/demand', {
        state: { changed: `${rate.label} (${rate.shipped ? 'back to the shipped default' : 'removed'})` },
      });
    } catch (err) {
      setErrors(failureToSummary(err));
      setBusy(false);
    }
  };
  return (
    <Page
      title={rate.label}
      caption="Change a rate"
      documentTitle={`Change a rate: ${rate.label}`}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
      width="two-thirds"
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={save} noValidate>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            Rates by sex and age, as a percentage
          </legend>
          {rate.cells.map((c, i) => (
            <TextInput
              key={i}
              name={`cells.${i}.value`}
              label={cellLabel(c)}
              suffix="%"
              width={5}
              inputMode="decimal"
              value={form.cells[i]}
              onChange={(v) => setForm({ ...form, cells: form.cells.map((x, j) => (j === i ? v : x)) })}
              error={fieldError(errors, `cells.${i}.value`)}
            />
          ))}
        </fieldset>
        <TextInput
          name="shareKnownToAsc"
          label="Share known to adult social care"
          hint="The share of people with this need who are known to, or supported by, adult social care (for example 80% for learning disability)"
          suffix="%"
          width={4}
          inputMode="decimal"
          value={form.share}
          onChange={(v) => setForm({ ...form, share: v })}
          error={fieldError(errors, 'shareKnownToAsc')}
        />
        <Textarea
          name="source"
          label="Source"
          hint="Publication, table and year, so others can check the figure"
          rows={3}
          value={form.source}
          onChange={(v) => setForm({ ...form, source: v })}
          error={fieldError(errors, 'source')}
        />
        <TextInput
          name="sourceYear"
          label="Source year"
          width={4}
          inputMode="numeric"
          value={form.sourceYear}
          onChange={(v) => setForm({ ...form, sourceYear: v })}
          error={fieldError(errors, 'sourceYear')}
        />
        {confirmReset && (
          <div className="govuk-notification-banner" role="region" aria-labelledby="confirm-reset-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="confirm-reset-title">
                {rate.shipped ? 'Reset this rate?' : 'Remove this rate?'}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {rate.shipped
                  ? 'The rates you set here will be replaced by the shipped default, and every projection will use it.'
                  : 'The rate will be removed, and projections will no longer use it.'}{' '}
                This cannot be undone.
              </p>
              <ButtonGroup>
                <Button type="button" variant="warning" onClick={reset} disabled={busy}>
                  {rate.shipped ? 'Yes, reset the rate' : 'Yes, remove the rate'}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirmReset(false)}>
                  No, keep it
                </Button>
              </ButtonGroup>
            </div>
          </div>
        )}
        <ButtonGroup>
          <Button disabled={busy}>Save rate</Button>
          {!rate.isDefault && !confirmReset && (
            <Button type="button" variant="secondary" onClick={() => setConfirmReset(true)} disabled={busy}>
              {rate.shipped ? 'Reset to the shipped default' : 'Remove this rate'}
            </Button>
          )}
          <Button href="/demand/rates" variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
