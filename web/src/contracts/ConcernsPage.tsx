import { useState, type FormEvent } from 'react';
import { ApiError, apiSend, useApi } from '../api';
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
  Tag,
  Textarea,
  apiErrorsToSummary,
  datePartsToIso,
  fieldError,
  formatDate,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import { CONCERN_KIND_LABELS, CONCERN_KINDS, label } from './labels';
import { londonToday } from '../../../src/domain/core/dates';

interface Concern {
  id: string;
  locationName: string;
  providerName: string;
  kind: string;
  raisedOn: string;
  summary: string;
  status: string;
  closedOn: string | null;
}

export function ConcernsPage() {
  const { hasRole } = useAuth();
  const canLog = hasRole('admin', 'commissioner', 'quality_officer');
  const concerns = useApi<{ concerns: Concern[] }>('/api/contracts/concerns');
  const locations = useApi<{ locations: { id: string; name: string; providerName: string }[] }>(
    canLog ? '/api/contracts/assessable-locations' : null,
  );
  const [form, setForm] = useState<{ locationId: string; kind: string; raisedOn: DateParts; summary: string }>({
    locationId: '',
    kind: '',
    raisedOn: isoToDateParts(londonToday()),
    summary: '',
  });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState(false);
  const crumbs = [{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Provider concerns' }];

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
    try {
      await apiSend('POST', '/api/contracts/concerns', {
        locationId: form.locationId,
        kind: form.kind,
        raisedOn: date.iso,
        summary: form.summary.trim(),
      });
      setDone(true);
      setForm((f) => ({ ...f, kind: '', summary: '' }));
      concerns.reload();
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };

  return (
    <Page
      title="Provider concerns and safeguarding referrals"
      caption="Contracts and delivery"
      hasErrors={errors.length > 0}
      breadcrumbs={crumbs}
    >
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading="Concern logged against the service" />}
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
            { key: 'summary', header: 'Summary' },
            {
              key: 'status',
              header: 'Status',
              render: (c) =>
                c.status === 'open' ? (
                  <Tag colour="orange">Open</Tag>
                ) : (
                  <Tag colour="grey">{`Closed ${c.closedOn ? formatDate(c.closedOn) : ''}`}</Tag>
                ),
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
            error={fieldError(errors, 'raisedOn-day') ?? fieldError(errors, 'raisedOn')}
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
