import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { safeReturnPath, useAuth } from '.';
import {
  Button,
  ErrorSummary,
  Page,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';

/** Checks the form before sending it: both fields are needed. Exported for tests. */
export function validateSignIn(email: string, password: string): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!email.trim()) errors.push({ field: 'email', message: 'Enter your email address' });
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org' });
  if (!password) errors.push({ field: 'password', message: 'Enter your password' });
  return errors;
}

export function SignInPage() {
  const { status, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnPath(params.get('returnTo'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'signed-in' && !submitting) return <Navigate to={returnTo} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateSignIn(email, password);
    setErrors(problems);
    if (problems.length) return;
    setSubmitting(true);
    try {
      await signIn(email.trim(), password);
      navigate(returnTo, { replace: true });
    } catch (err) {
      setPassword('');
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: 'Sign in failed. Try again.' }]);
      setSubmitting(false);
    }
  };

  return (
    <Page title="Sign in to Steward" documentTitle="Sign in" hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError(errors, 'email')}
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError(errors, 'password')}
        />
        <Button disabled={submitting}>Sign in</Button>
      </form>
      <p className="govuk-body">If you do not have an account or cannot sign in, ask your Steward administrator.</p>
    </Page>
  );
}
