// A provider approver confirms removing a colleague's access before it happens (the GOV.UK confirmation pattern:
// a page that says what will happen, a warning button to do it and a link to go back without doing it).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import { useAuth, type User } from '../auth';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  Page,
  failureToSummary,
  type SummaryError,
} from '../components';

const ACCOUNTS = '/market/accounts';

export function RemoveAccessPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<{ users: User[] }>(user?.providerApprover ? '/api/provider-users' : null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const crumbs = [
    { text: 'Your services', href: '/market' },
    { text: 'Your organisation’s accounts', href: ACCOUNTS },
    { text: 'Remove access' },
  ];
  if (!user?.providerApprover)
    return (
      <Page title="Remove access" breadcrumbs={crumbs}>
        <p className="govuk-body">
          Only your organisation’s approvers add and remove its accounts. Ask one of them, or your council’s Steward
          administrator.
        </p>
      </Page>
    );
  const target = data?.users.find((u) => u.id === id);
  if (!target || target.disabled || target.id === user?.id)
    return (
      <Page title="Remove access" breadcrumbs={crumbs}>
        {!data ? (
          <LoadingOrError loading={loading} error={error} what="your organisation’s accounts" />
        ) : (
          <p className="govuk-body">
            {target?.disabled ? `${target.name} has no access already.` : 'This is not an account you can remove.'}{' '}
            <Link className="govuk-link" to={ACCOUNTS}>
              Go back to your organisation’s accounts
            </Link>
          </p>
        )}
      </Page>
    );

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await apiSend('PATCH', `/api/provider-users/${target.id}`, { disabled: true });
      navigate(ACCOUNTS, { state: { saved: `${target.name}’s access removed` } });
    } catch (err) {
      setErrors(failureToSummary(err));
      setBusy(false);
    }
  };

  return (
    <Page
      title={`Are you sure you want to remove ${target.name}’s access?`}
      caption={user?.providerName ?? undefined}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
      width="two-thirds"
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        {target.name} ({target.email}) will be signed out straight away and will not be able to sign in or update the
        figures of your organisation’s services.
      </p>
      <p className="govuk-body">
        Their account and what they recorded are kept. You can give back their access later from the accounts page.
      </p>
      <form onSubmit={confirm} noValidate>
        <ButtonGroup>
          <Button variant="warning" disabled={busy}>
            Remove access
          </Button>
          <Link className="govuk-link" to={ACCOUNTS}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
