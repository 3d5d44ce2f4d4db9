// Your account: change your password (your other sessions end) and sign out on every device.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '.';
import { apiSend } from '../api';
import {
  failureToSummary,
  Button,
  ErrorSummary,
  NotificationBanner,
  Page,
  SummaryList,
  TextInput,
  fieldError,
  type SummaryError,
} from '../components';

export function AccountPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setErrors([]);
    setChanged(false);
    const local: SummaryError[] = [];
    if (!current) local.push({ field: 'currentPassword', message: 'Enter your current password' });
    if (!next) local.push({ field: 'newPassword', message: 'Enter a new password' });
    if (local.length) return setErrors(local);
    setBusy(true);
    try {
      await apiSend('POST', '/api/auth/password', { currentPassword: current, newPassword: next });
      setChanged(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setBusy(false);
    }
  };

  const everywhere = async () => {
    setBusy(true);
    try {
      await apiSend('POST', '/api/auth/sign-out-everywhere');
      navigate('/sign-out');
    } catch (err) {
      setErrors(failureToSummary(err));
      setBusy(false);
    }
  };

  return (
    <Page title="Your account" width="two-thirds" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {changed && (
        <NotificationBanner type="success" heading="Your password has been changed">
          You have been signed out on your other devices.
        </NotificationBanner>
      )}
      {user && (
        <SummaryList
          rows={[
            { key: 'Name', value: user.name },
            { key: 'Email address', value: user.email },
          ]}
        />
      )}
      <h2 className="govuk-heading-m">Change your password</h2>
      <form onSubmit={change} noValidate>
        <TextInput
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={fieldError(errors, 'currentPassword')}
        />
        <TextInput
          name="newPassword"
          label="New password"
          hint="At least 10 characters. Length matters more than symbols: three random words work well. Common passwords and your email address are not accepted."
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={fieldError(errors, 'newPassword')}
        />
        <Button disabled={busy}>Change password</Button>
      </form>
      <h2 className="govuk-heading-m">Sign out everywhere</h2>
      <p className="govuk-body">
        End every session of your account, on this device and any other (for example a shared or lost computer).
      </p>
      <Button type="button" variant="secondary" disabled={busy} onClick={everywhere}>
        Sign out everywhere
      </Button>
    </Page>
  );
}
