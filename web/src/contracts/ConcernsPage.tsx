import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  Select,
  Table,
  Textarea,
  datePartsToIso,
  fieldError,
  formatDate,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import type { Wire } from '../../../src/server/schemas';
import type { concernViewSchema } from '../../../src/server/contracts/concernSchemas';
import { CONCERN_KIND_LABELS, CONCERN_KINDS, label } from './labels';
import { apiErrorsForForm } from './formHelpers';
import { londonToday } from '../../../src/domain/core/dates';
import { ConcernStatusTag, concernSummaryColumn } from './ConcernPage';
import { Link } from 'react-router';

export type Concern = Wire<typeof concernViewSchema>;

export function ConcernsPage() {
  const { user, hasRole } = useAuth();
  const provider = user?.role === 'provider';
  const title = provider ? 'Concerns about your services' : 'Provider concerns and safeguarding referrals';
  const canLog = hasRole('admin', 'commissioner', 'quality_officer');
  const concerns = useApi<{ concerns: Concern[] }>('/api/contracts/concerns');
  const locations = useApi<{ locations: { id: string; name: string; providerName: string }[] }>(
    canLog ? '/api/contracts/assessable-locations' : null,
  );
  const blank = () => ({ locationId: '', kind: '', raisedOn: isoToDateParts(londonToday()), summary: '' });
  const [form, setForm] = useState<{ locationId: string; kind: string; raisedOn: DateParts; summary: string }>(blank);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  /** The concern just logged: its id and the service's name, for the success banner. */
  const [done, setDone] = useState<{ id: string; service: string } | null>(null);
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: provider ? 'Concerns about your services' : 'Provider concerns' },
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!form.locationId) problems.push({ field: 'locationId', message: 'Choose the service the concern is about' });
    if (!form.kind) problems.push({ field: 'kind', message: 'Choose the kind of concern' });
    const date = datePartsToIso(form.raisedOn, 'Date raised');
    if ('error' in date) problems.push({ field: 'raisedOn-day', message: date.error });
    if (!form.summary.trim())
      problems.push({ field: 'summary', message: 'Describe the concern without naming anyone' });
    setErrors(problems);
    if (problems.length || 'error' in date) return;
    setDone(null);
    try {
      const { id } = await apiSend<{ id: string }>('POST', '/api/contracts/concerns', {
        locationId: form.locationId,
        kind: form.kind,
        raisedOn: date.iso,
        summary: form.summary.trim(),
      });
      const service = locations.data?.locations.find((l) => l.id === form.locationId)?.name ?? 'the service';
      // Saved: the form starts afresh for the next concern, and the banner links to this one.
      setDone({ id, service });
      setForm(blank());
      concerns.reload();
    } catch (err) {
      setErrors(apiErrorsForForm(err, ['raisedOn']));
    }
  };

  return (
    <Page title={title} caption="Contracts and delivery" hasErrors={errors.length > 0} breadcrumbs={crumbs}>
      <ErrorSummary errors={errors} />
      {done && (
        <NotificationBanner key={done.id} type="success" heading={`Concern logged against ${done.service}`}>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`/contracts/concerns/${done.id}`}>
              View the concern to triage it
            </Link>
          </p>
        </NotificationBanner>
      )}
      {!concerns.data ? (
        <LoadingOrError loading={concerns.loading} error={concerns.error} what="concerns" />
      ) : (
        <Table
          caption="Concerns logged"
          rows={concerns.data.concerns}
          rowKey={(c) => c.id}
          sortable
          initialSort={{ key: 'raisedOn', direction: 'descending' }}
          emptyText="No concerns logged."
          columns={[
            { key: 'raisedOn', header: 'Raised', render: (c) => formatDate(c.raisedOn), sortValue: (c) => c.raisedOn },
            {
              key: 'location',
              header: 'Service',
              render: (c) => (
                <>
                  {c.locationName}
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">{c.providerName}</span>
                </>
              ),
              sortValue: (c) => c.locationName,
            },
            {
              key: 'kind',
              header: 'Kind',
              render: (c) => label(CONCERN_KIND_LABELS, c.kind),
              sortValue: (c) => c.kind,
            },
            concernSummaryColumn(),
            {
              key: 'status',
              header: 'Status',
              render: (c) => <ConcernStatusTag concern={c} />,
              sortValue: (c) => c.status,
            },
          ]}
        />
      )}
      {canLog && locations.data && (
        <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m">Log a concern</h2>
          <p className="govuk-body">
            Do not record names or other details that identify a person: the safeguarding case holds those.
          </p>
          <Select
            name="locationId"
            label="Service"
            value={form.locationId}
            onChange={(v) => setForm((f) => ({ ...f, locationId: v }))}
            placeholder="Choose a service"
            options={locations.data.locations.map((l) => ({ value: l.id, text: `${l.name} (${l.providerName})` }))}
            error={fieldError(errors, 'locationId')}
          />
          <Radios
            name="kind"
            legend="Kind of concern"
            small
            value={form.kind}
            onChange={(v) => setForm((f) => ({ ...f, kind: v }))}
            items={CONCERN_KINDS.map((k) => ({ value: k, text: CONCERN_KIND_LABELS[k] }))}
            error={fieldError(errors, 'kind')}
          />
          <DateInput
            name="raisedOn"
            legend="Date raised"
            value={form.raisedOn}
            onChange={(v) => setForm((f) => ({ ...f, raisedOn: v }))}
            error={fieldError(errors, 'raisedOn-day')}
          />
          <Textarea
            name="summary"
            label="Summary"
            value={form.summary}
            onChange={(v) => setForm((f) => ({ ...f, summary: v }))}
            rows={3}
            error={fieldError(errors, 'summary')}
          />
          <Button>Log concern</Button>
        </form>
      )}
    </Page>
  );
}
