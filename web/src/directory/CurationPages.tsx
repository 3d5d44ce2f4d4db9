// The curator's queue of suggestions, one suggestion's changes with approve/reject, publishing from Steward's
// registers, possible duplicates, and import/export in Open Referral UK.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { apiSend, useApi } from '../api';
import { EDITOR_ROLES, useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  Checkboxes,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  SummaryList,
  Table,
  TextInput,
  Textarea,
  fieldError,
  formatDateTime,
  type SummaryError,
} from '../components';
import { MANAGE } from './ManagePages';
import type { Duplicates, ImportSummaryView, PublishCandidates, SuggestionDetail, SuggestionSummary } from './types';

const crumbs = [{ text: 'Directory', href: MANAGE }];

export function SuggestionsPage() {
  const [params] = useSearchParams();
  const status = (params.get('status') ?? 'pending') as 'pending' | 'approved' | 'rejected';
  const { data, error, loading } = useApi<SuggestionSummary[]>(`/api/directory/suggestions?status=${status}`);
  const decided = (params.get('decided') ?? '') as '' | 'approved' | 'rejected';
  return (
    <Page title="Suggestions" caption="Directory" breadcrumbs={[...crumbs, { text: 'Suggestions' }]} width="full">
      {decided && (
        <NotificationBanner type="success" heading={`Suggestion ${decided}`}>
          {null}
        </NotificationBanner>
      )}
      <p className="govuk-body">
        {(['pending', 'approved', 'rejected'] as const).map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            {s === status ? (
              <strong>{s[0].toUpperCase() + s.slice(1)}</strong>
            ) : (
              <Link className="govuk-link" to={`${MANAGE}/suggestions?status=${s}`}>
                {s[0].toUpperCase() + s.slice(1)}
              </Link>
            )}
          </span>
        ))}
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="suggestions" />
      ) : (
        <Table
          caption={`${data.length} ${status} suggestions`}
          rows={data}
          rowKey={(r) => r.id}
          emptyText="There are no suggestions here."
          columns={[
            {
              key: 'serviceName',
              header: 'Entry',
              render: (r) => (
                <Link className="govuk-link" to={`${MANAGE}/suggestions/${r.id}`}>
                  {r.serviceName}
                </Link>
              ),
            },
            { key: 'kind', header: 'Kind', render: (r) => (r.kind === 'new' ? 'New entry' : 'Change') },
            {
              key: 'submitterName',
              header: 'From',
              render: (r) => [r.submitterName, r.submitterOrganisation].filter(Boolean).join(', '),
            },
            { key: 'createdAt', header: 'Sent', render: (r) => formatDateTime(r.createdAt) },
          ]}
        />
      )}
    </Page>
  );
}

export function SuggestionPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const { data, error, loading } = useApi<SuggestionDetail>(`/api/directory/suggestions/${id}`);
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!data)
    return (
      <Page
        title="Suggestion"
        breadcrumbs={[...crumbs, { text: 'Suggestions', href: `${MANAGE}/suggestions` }, { text: 'Suggestion' }]}
      >
        <LoadingOrError loading={loading} error={error} what="this suggestion" />
      </Page>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) {
      setErrors([{ field: 'decision', message: 'Choose whether to approve or reject the suggestion' }]);
      return;
    }
    setBusy(true);
    try {
      await apiSend('POST', `/api/directory/suggestions/${id}/decision`, {
        decision,
        reviewNote: note.trim() || undefined,
      });
      navigate(`${MANAGE}/suggestions?decided=${decision === 'approve' ? 'approved' : 'rejected'}`);
    } catch (err) {
      setErrors(failureToSummary(err));
      setBusy(false);
    }
  };
  const title = `${data.kind === 'new' ? 'New entry' : 'Change'}: ${data.serviceName}`;
  return (
    <Page
      title={title}
      caption="Suggestion"
      breadcrumbs={[...crumbs, { text: 'Suggestions', href: `${MANAGE}/suggestions` }, { text: data.serviceName }]}
      hasErrors={errors.length > 0}
      width="full"
    >
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          { key: 'From', value: [data.submitterName, data.submitterOrganisation].filter(Boolean).join(', ') },
          { key: 'Email', value: data.submitterEmail },
          { key: 'Sent', value: formatDateTime(data.createdAt) },
          { key: 'Note', value: data.note ?? '' },
          { key: 'Status', value: data.status },
        ]}
      />
      <Table
        caption="What would change"
        rows={data.changes}
        rowKey={(c) => c.field}
        emptyText="The suggestion changes nothing."
        columns={[
          { key: 'field', header: 'Field' },
          {
            key: 'before',
            header: 'Now',
            render: (c) => <span className="app-directory-diff">{c.before || '–'}</span>,
          },
          {
            key: 'after',
            header: 'Suggested',
            render: (c) => <span className="app-directory-diff">{c.after || '–'}</span>,
          },
        ]}
      />
      {data.status === 'pending' && hasRole(...EDITOR_ROLES) && (
        <form onSubmit={submit} noValidate>
          <Radios
            name="decision"
            legend="Your decision"
            items={[
              { value: 'approve', text: 'Approve and publish' },
              { value: 'reject', text: 'Reject' },
            ]}
            value={decision}
            onChange={setDecision}
            error={fieldError(errors, 'decision')}
          />
          <Textarea name="reviewNote" label="Note (optional)" rows={2} value={note} onChange={setNote} />
          <Button disabled={busy}>Save decision</Button>
        </form>
      )}
    </Page>
  );
}

export function PublishPage() {
  const { data, error, loading, reload } = useApi<PublishCandidates>('/api/directory/publish-candidates');
  const [market, setMarket] = useState<string[]>([]);
  const [contracts, setContracts] = useState<string[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await apiSend<{ serviceIds: string[] }>('POST', '/api/directory/publish', {
        marketLocationIds: market,
        contractIds: contracts,
      });
      setDone(r.serviceIds.length);
      setMarket([]);
      setContracts([]);
      setErrors([]);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  return (
    <Page
      title="Publish from the market register and contracts"
      caption="Directory"
      breadcrumbs={[...crumbs, { text: 'Publish' }]}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {done !== null && (
        <NotificationBanner type="success" heading={`${done} entries published or refreshed`}>
          {null}
        </NotificationBanner>
      )}
      <p className="govuk-body">
        Care homes, homecare agencies and contracted services are published from Steward’s own records, with their CQC
        service types and specialisms, fees and whether they have capacity. Publishing again refreshes an entry.
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the registers" />
      ) : (
        <form onSubmit={submit} noValidate>
          <Checkboxes
            name="marketLocationIds"
            legend="Market register locations"
            small
            items={data.market.map((m) => ({
              value: m.id,
              text: `${m.name}${m.published ? ' (published)' : ''}`,
              hint: m.detail,
            }))}
            value={market}
            onChange={setMarket}
            error={fieldError(errors, 'marketLocationIds')}
          />
          <Checkboxes
            name="contractIds"
            legend="Contracts"
            small
            items={data.contracts.map((c) => ({
              value: c.id,
              text: `${c.name}${c.published ? ' (published)' : ''}`,
              hint: c.detail,
            }))}
            value={contracts}
            onChange={setContracts}
          />
          <Button>Publish</Button>
        </form>
      )}
    </Page>
  );
}

export function DuplicatesPage() {
  const { data, error, loading } = useApi<Duplicates>('/api/directory/duplicates');
  return (
    <Page
      title="Possible duplicate organisations"
      caption="Directory"
      breadcrumbs={[...crumbs, { text: 'Duplicates' }]}
    >
      <p className="govuk-body">
        Organisations that share a registered charity number or company number, or the same name, are probably the same
        body entered twice. Check them and merge their services under one organisation.
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="organisations" />
      ) : data.length === 0 ? (
        <p className="govuk-body">No possible duplicates found.</p>
      ) : (
        data.map((g) => (
          <div key={g.reason + g.organisationIds.join()}>
            <h2 className="govuk-heading-s">{g.reason}</h2>
            <ul className="govuk-list govuk-list--bullet">
              {g.organisations.map((o) => (
                <li key={o.id}>
                  {o.name} ({o.services} {o.services === 1 ? 'service' : 'services'})
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </Page>
  );
}

export function ExchangePage() {
  const { hasRole } = useAuth();
  const canImport = hasRole('admin', 'commissioner');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [result, setResult] = useState<ImportSummaryView | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<ImportSummaryView>) => {
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      setResult(await send());
    } catch (err) {
      setErrors(failureToSummary(err));
    }
    setBusy(false);
  };
  const fromFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      setErrors([{ field: 'file', message: `${file.name} is not a JSON file` }]);
      return;
    }
    await run(() => apiSend<ImportSummaryView>('POST', '/api/directory/import', body));
  };
  return (
    <Page
      title="Import and export"
      caption="Directory"
      breadcrumbs={[...crumbs, { text: 'Import and export' }]}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {result && (
        <NotificationBanner type="success" heading="Directory imported">
          <ul className="govuk-list">
            {result.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <h2 className="govuk-heading-m">Export</h2>
      <p className="govuk-body">The whole directory in the Open Referral UK 3.0 standard:</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/api/directory/export.json" download>
            Download the directory as ORUK JSON
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/api/directory/export.zip" download>
            Download the directory as CSV files (HSDS tables, zip)
          </a>
        </li>
        <li>
          Live ORUK API for other directories to read:{' '}
          <a className="govuk-link" href="/oruk/">
            /oruk/
          </a>
        </li>
      </ul>
      {canImport && (
        <>
          <h2 className="govuk-heading-m">Import another directory</h2>
          <p className="govuk-body">
            The whole feed is checked first: if anything is wrong nothing is imported and every problem is listed.
            Entries with the same id are updated.
          </p>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="file">
              An ORUK JSON file
            </label>
            <input
              className="govuk-file-upload"
              id="file"
              name="file"
              type="file"
              accept=".json,application/json"
              onChange={fromFile}
              disabled={busy}
            />
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => apiSend<ImportSummaryView>('POST', '/api/directory/import-url', { url: url.trim() }));
            }}
            noValidate
          >
            <TextInput
              name="url"
              label="Or the web address of an ORUK API"
              hint="The address that answers /services, for example https://directory.example.gov.uk/oruk"
              type="url"
              spellCheck={false}
              value={url}
              onChange={setUrl}
              error={fieldError(errors, 'url')}
            />
            <Button disabled={busy}>Import from this address</Button>
          </form>
        </>
      )}
    </Page>
  );
}
