// One user account, for an administrator: change the role, reset the password, disable or re-enable the
// account, and end every session it has (sign it out everywhere). Each action is audited on the server.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { ROLES, ROLE_LABELS, useAuth, type Role, type User } from '../auth';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  SummaryList,
  Tag,
  TextInput,
  fieldError,
  formatDateTime,
  type SummaryError,
} from '../components';

export function UserPage() {
  const { id = '' } = useParams();
  const me = useAuth().user;
  const { data, error, loading, reload } = useApi<{ users: User[] }>('/api/admin/users');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [role, setRole] = useState<string>('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  /** A role change or disabling waits for a second click on a page that says what it will do. */
  const [confirming, setConfirming] = useState<'role' | 'disable' | null>(null);
  const user = data?.users.find((u) => u.id === id);
  if (!user) {
    return (
      <Page
        title="User"
        breadcrumbs={[
          { text: 'Administration', href: '/admin' },
          { text: 'Users', href: '/admin/users' },
        ]}
      >
        <LoadingOrError
          loading={loading}
          error={
            error ??
            (data ? new ApiError({ status: 404, title: 'Not found', detail: 'No user with this id' }) : undefined)
          }
          what="the user"
        />
      </Page>
    );
  }
  const self = me?.id === user.id;
  const act = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setErrors([]);
    setDone(null);
    setConfirming(null);
    try {
      await what();
      setDone(message);
      setPassword('');
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setBusy(false);
    }
  };
  const changeRole = (e: FormEvent) => {
    e.preventDefault();
    if (!role) return setErrors([{ field: 'role', message: 'Choose a role' }]);
    setErrors([]);
    setConfirming('role');
  };
  const confirmRole = () =>
    act(
      () => apiSend('PATCH', `/api/admin/users/${user.id}`, { role }),
      `${user.name} is now ${ROLE_LABELS[role as Role]}; their sessions have ended`,
    );
  const toggleDisabled = () =>
    act(
      () => apiSend('PATCH', `/api/admin/users/${user.id}`, { disabled: !user.disabled }),
      user.disabled ? `${user.name} can sign in again` : `${user.name} is disabled and signed out`,
    );
  const resetPassword = (e: FormEvent) => {
    e.preventDefault();
    return act(
      () => apiSend('POST', `/api/admin/users/${user.id}/password`, { password }),
      `Password reset for ${user.name}: tell them the new one by a separate, safe route. Their sessions have ended.`,
    );
  };
  return (
    <Page
      title={user.name}
      caption="User"
      hasErrors={errors.length > 0}
      breadcrumbs={[
        { text: 'Administration', href: '/admin' },
        { text: 'Users', href: '/admin/users' },
        { text: user.name },
      ]}
    >
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
      <SummaryList
        rows={[
          { key: 'Email address', value: user.email },
          { key: 'Role', value: ROLE_LABELS[user.role] ?? user.role },
          ...(user.providerName ? [{ key: 'Provider', value: user.providerName }] : []),
          ...(user.role === 'provider'
            ? [
                {
                  key: 'Approver',
                  value: user.providerApprover ? 'Yes: adds and removes their organisation’s accounts' : 'No',
                },
              ]
            : []),
          { key: 'Last signed in', value: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never' },
          {
            key: 'Status',
            value: user.disabled ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>,
          },
        ]}
      />

      {confirming && (
        <div className="govuk-warning-text" role="alert">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <h2 className="govuk-heading-s">
              {confirming === 'role'
                ? `Change ${user.name}’s role from ${ROLE_LABELS[user.role]} to ${ROLE_LABELS[role as Role]}?`
                : `Disable ${user.name}’s account?`}
            </h2>
            <p className="govuk-body">
              {confirming === 'role'
                ? 'What they can see and change follows the new role, and they are signed out everywhere.'
                : 'They are signed out everywhere and cannot sign in until the account is enabled again.'}
            </p>
            <ButtonGroup>
              <Button
                type="button"
                variant="warning"
                disabled={busy}
                onClick={() => void (confirming === 'role' ? confirmRole() : toggleDisabled())}
              >
                {confirming === 'role' ? 'Yes, change the role' : 'Yes, disable the account'}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
                No, keep it as it is
              </Button>
            </ButtonGroup>
          </div>
        </div>
      )}

      <h2 className="govuk-heading-m">Change the role</h2>
      {self ? (
        <p className="govuk-body">You cannot change your own role.</p>
      ) : user.role === 'provider' ? (
        <p className="govuk-body">
          This account belongs to a provider organisation{user.providerName ? ` (${user.providerName})` : ''}, so it
          cannot be given a staff role. If the person now works for the council or the NHS, add a new account with their
          council or NHS email address.
        </p>
      ) : (
        <form onSubmit={changeRole} noValidate>
          <Select
            name="role"
            label="New role"
            hint="Provider users are tied to their organisation: add a new provider user instead of changing a staff role to Provider"
            placeholder="Choose a role"
            value={role}
            onChange={setRole}
            options={ROLES.filter((r) => r !== 'provider' && r !== user.role).map((r) => ({
              value: r,
              text: ROLE_LABELS[r],
            }))}
            error={fieldError(errors, 'role')}
          />
          <Button disabled={busy}>Change role</Button>
        </form>
      )}

      <h2 className="govuk-heading-m">Reset the password</h2>
      <form onSubmit={resetPassword} noValidate>
        <TextInput
          name="password"
          label="New password"
          hint="At least 10 characters; not a common password or their email. Three random words work well."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={fieldError(errors, 'password')}
        />
        <Button disabled={busy}>Reset password</Button>
      </form>

      <h2 className="govuk-heading-m">Access</h2>
      <ButtonGroup>
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() =>
            act(
              () => apiSend('POST', `/api/admin/users/${user.id}/sign-out`),
              `${user.name} has been signed out everywhere`,
            )
          }
        >
          Sign out everywhere
        </Button>
        {user.role === 'provider' && (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() =>
              act(
                () => apiSend('PATCH', `/api/admin/users/${user.id}`, { providerApprover: !user.providerApprover }),
                user.providerApprover ? `${user.name} is no longer an approver` : `${user.name} is now an approver`,
              )
            }
          >
            {user.providerApprover ? 'Stop being an approver' : 'Make an approver'}
          </Button>
        )}
        {!self && (
          <Button
            type="button"
            variant={user.disabled ? 'secondary' : 'warning'}
            disabled={busy}
            onClick={() => (user.disabled ? void toggleDisabled() : setConfirming('disable'))}
          >
            {user.disabled ? 'Enable account' : 'Disable account'}
          </Button>
        )}
      </ButtonGroup>
    </Page>
  );
}
