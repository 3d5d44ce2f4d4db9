// A provider approver's page: its organisation's accounts; add a colleague, remove or give back access, make an
// approver. The server checks every request (an approver acts only on its own organisation's provider accounts).
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { apiSend, useApi } from '../api';
import { useAuth, type User } from '../auth';
import {
  failureToSummary,
  Button,
  Checkboxes,
  ErrorSummary,
  LoadingOrError,
  Page,
  SuccessBanner,
  Table,
  Tag,
  TextInput,
  fieldError,
  formatDate,
  formatDateTime,
  type SummaryError,
} from '../components';

const EMPTY = { name: '', email: '', password: '', approver: [] as string[] };

export function OrganisationAccountsPage() {
  const { user } = useAuth();
  const { data, error, loading, reload } = useApi<{ users: User[] }>(
    user?.providerApprover ? '/api/provider-users' : null,
  );
  const history = useApi<{ events: { at: string; account: string; what: string; by: string }[] }>(
    user?.providerApprover ? '/api/provider-users/history' : null,
  );
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  // A change confirmed on its own page (removing access) comes back with its message.
  const saved = (useLocation().state as { saved?: string } | null)?.saved ?? null;
  const [done, setDone] = useState<string | null>(saved);
  const [busy, setBusy] = useState(false);
  const crumbs = [{ text: 'Your services', href: '/market' }, { text: 'Your organisation’s accounts' }];
  if (!user?.providerApprover)
    return (
      <Page title="Your organisation’s accounts" breadcrumbs={crumbs}>
        <p className="govuk-body">
          Only your organisation’s approvers add and remove its accounts. Ask one of them, or your council’s Steward
          administrator.
        </p>
      </Page>
    );

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await action();
      setErrors([]);
      setDone(message);
      reload();
      history.reload();
      return true;
    } catch (err) {
      setErrors(failureToSummary(err));
      setDone(null);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    // Checked on the server (the same messages as the API), so every problem comes back at once.
    const ok = await run(
      () =>
        apiSend('POST', '/api/provider-users', {
          name: form.name,
          email: form.email,
          password: form.password,
          providerApprover: form.approver.includes('yes'),
        }),
      `Account added for ${form.name.trim()} (${form.email.trim().toLowerCase()}). Give them their password in person or by phone.`,
    );
    if (ok) setForm(EMPTY);
  };
  const change = (u: User, body: { disabled?: boolean; providerApprover?: boolean }, message: string) =>
    void run(() => apiSend('PATCH', `/api/provider-users/${u.id}`, body), message);

  return (
    <Page
      title="Your organisation’s accounts"
      caption={user.providerName ?? undefined}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      <SuccessBanner heading={done} href="#accounts" linkText="See your organisation’s accounts" />
      <p className="govuk-body">
        Everyone with an account here can update the figures of every one of your organisation’s services. As an
        approver you add and remove them; approvers can also add and remove accounts.
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="your organisation’s accounts" />
      ) : (
        <div id="accounts">
          <Table
            caption="Accounts"
            captionSize="m"
            rows={data.users}
            rowKey={(u) => u.id}
            columns={[
              { key: 'name', header: 'Name' },
              { key: 'email', header: 'Email' },
              {
                key: 'status',
                header: 'Status',
                render: (u) => (
                  <>
                    {u.disabled ? <Tag colour="grey">Removed</Tag> : <Tag colour="green">Active</Tag>}{' '}
                    {u.providerApprover && <Tag colour="blue">Approver</Tag>}
                  </>
                ),
              },
              {
                key: 'lastSignInAt',
                header: 'Last signed in',
                render: (u) => (u.lastSignInAt ? formatDate(u.lastSignInAt) : 'Never'),
              },
              {
                key: 'actions',
                header: 'Actions',
                render: (u) =>
                  u.id === user.id ? (
                    'You'
                  ) : (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      <li>
                        {u.disabled ? (
                          <button
                            type="button"
                            className="app-link-button"
                            disabled={busy}
                            onClick={() => change(u, { disabled: false }, `${u.name} can sign in again`)}
                          >
                            Give back access<span className="govuk-visually-hidden"> for {u.name}</span>
                          </button>
                        ) : (
                          // Removing access signs them out: it is confirmed on its own page first.
                          <Link className="govuk-link" to={`/market/accounts/${u.id}/remove`}>
                            Remove access<span className="govuk-visually-hidden"> for {u.name}</span>
                          </Link>
                        )}
                      </li>
                      {!u.disabled && (
                        <li>
                          <button
                            type="button"
                            className="app-link-button"
                            disabled={busy}
                            onClick={() =>
                              change(
                                u,
                                { providerApprover: !u.providerApprover },
                                u.providerApprover
                                  ? `${u.name} is no longer an approver`
                                  : `${u.name} is now an approver`,
                              )
                            }
                          >
                            {u.providerApprover ? 'Stop being an approver' : 'Make an approver'}
                            <span className="govuk-visually-hidden"> ({u.name})</span>
                          </button>
                        </li>
                      )}
                    </ul>
                  ),
              },
            ]}
          />
        </div>
      )}
      <form onSubmit={add} noValidate className="govuk-!-margin-top-6">
        <h2 className="govuk-heading-m">Add a colleague</h2>
        <TextInput
          name="name"
          label="Full name"
          autoComplete="off"
          value={form.name}
          onChange={(v) => setForm({ ...form, name: v })}
          error={fieldError(errors, 'name')}
        />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={form.email}
          onChange={(v) => setForm({ ...form, email: v })}
          error={fieldError(errors, 'email')}
        />
        <TextInput
          name="password"
          label="Their first password"
          hint="At least 10 characters: three random words are good. They can change it in Your account."
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
          error={fieldError(errors, 'password')}
        />
        <Checkboxes
          name="providerApprover"
          legend="Approver"
          small
          value={form.approver}
          onChange={(v) => setForm({ ...form, approver: v })}
          items={[{ value: 'yes', text: 'They can add and remove accounts too' }]}
          error={fieldError(errors, 'providerApprover')}
        />
        <Button disabled={busy}>Add account</Button>
      </form>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">History</h2>
      {!history.data ? (
        <LoadingOrError loading={history.loading} error={history.error} what="the accounts’ history" />
      ) : (
        <Table
          caption="Changes to your organisation’s accounts, latest first"
          captionSize="s"
          rows={history.data.events}
          rowKey={(e) => `${e.at} ${e.account} ${e.what}`}
          emptyText="No changes recorded yet."
          columns={[
            { key: 'at', header: 'When', render: (e) => formatDateTime(e.at) },
            { key: 'account', header: 'Account' },
            { key: 'what', header: 'What happened' },
            { key: 'by', header: 'By' },
          ]}
        />
      )}
    </Page>
  );
}
