// The curator's queue of suggestions, one suggestion's changes with approve/reject, publishing from Steward's
// registers, possible duplicates, and import/export in Open Referral UK.
import { useState, type FormEvent } from 'react';
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
  Textarea,
  fieldError,
  formatDateTime,
  type SummaryError,
} from '../components';
import { MANAGE } from './ManagePages';
import type { PublishCandidates, SuggestionDetail, SuggestionSummary } from './types';

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
