import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '.';
import { LoadingOrError, Page } from '../components';
import { ApiError } from '../api';

/** Signs out on arrival (the navigation's "Sign out" link), then confirms it. */
export function SignOutPage() {
  const { status, signOut } = useAuth();
  const started = useRef(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (status === 'loading' || started.current) return;
    started.current = true;
    if (status === 'signed-out') {
      setDone(true);
      return;
    }
    signOut()
      .then(() => setDone(true))
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e : new ApiError({ status: 0, title: 'Sign out failed', detail: String(e) })),
      );
  }, [status, signOut]);

  if (!done) {
    return (
      <Page title="Signing out" width="two-thirds">
        <LoadingOrError loading={!error} error={error} what="" />
      </Page>
    );
  }
  return (
    <Page title="You have signed out" width="two-thirds">
      <p className="govuk-body">Your session has ended on this device.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in again
        </Link>
      </p>
    </Page>
  );
}
