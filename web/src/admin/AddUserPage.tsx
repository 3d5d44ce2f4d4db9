import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { ROLES, ROLE_LABELS, type Role, type User } from '../auth';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Page,
  Radios,
  Select,
  Checkboxes,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';

export interface NewUserForm {
  name: string;
  email: string;
  role: Role | '';
  providerId: string;
  password: string;
}

/** Checks what the browser can before sending (the server checks everything again). Exported for tests. */
export function validateNewUser(f: NewUserForm): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!f.name.trim()) errors.push({ field: 'name', message: 'Enter a name' });
  if (!f.email.trim()) errors.push({ field: 'email', message: 'Enter an email address' });
  if (!f.role) errors.push({ field: 'role', message: 'Choose a role' });
  if (f.role === 'provider' && !f.providerId.trim())
    errors.push({ field: 'providerId', message: 'Choose the provider this user acts for' });
  if (f.password.length < 10) errors.push({ field: 'password', message: 'Password must be at least 10 characters' });
  return errors;
}

const roleHints: Record<Role, string> = {
  admin: 'Manages users and sees the audit log',
  commissioner: 'Plans and buys care: market, demand, contracts',
  broker: 'Finds placements and packages, runs discharge brokerage',
  quality_officer: 'Monitors provider quality and contracts',
  bcf_lead: 'Plans and reports the Better Care Fund: schemes, spend, metrics, returns',
  provider: 'Staff of one care provider: sees and updates only that provider’s records',
  viewer: 'Reads everything staff can read, changes nothing',
};

interface ProviderOption {
  id: string;
  name: string;
}

/** The provider a provider user acts for: a list from the market register, or the id typed in if that's unavailable. */
function ProviderField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { data, error: loadError, loading } = useApi<ProviderOption[]>('/api/market/providers');
  if (data && data.length > 0) {
    return (
      <Select
        name="providerId"
        label="Provider"
        hint="The care provider organisation this user works for. They will see and change only its records."
        placeholder="Choose a provider"
        options={data.map((p) => ({ value: p.id, text: p.name }))}
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  }
  if (loading)
    return (
      <p className="govuk-body" role="status">
        Loading providers…
      </p>
    );
  return (
    <TextInput
      name="providerId"
      label="Provider ID"
      hint={
        loadError
          ? 'The provider list could not be loaded: enter the provider’s Steward ID.'
          : 'No providers are registered yet: enter the provider’s Steward ID.'
      }
      spellCheck={false}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

export function AddUserPage() {
  const navigate = useNavigate();
  const [form, setForm] = useState<NewUserForm>({ name: '', email: '', role: '', providerId: '', password: '' });
  const [approver, setApprover] = useState<string[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const set =
    <K extends keyof NewUserForm>(key: K) =>
    (value: NewUserForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The server checks every field, the email already in use included, and answers with every problem at once;
    // the browser's own checks only stand in when the server cannot be asked.
    setSubmitting(true);
    try {
      const { user } = await apiSend<{ user: User }>('POST', '/api/admin/users', {
        name: form.name.trim(),
        email: form.email.trim(),
        role: form.role,
        password: form.password,
        ...(form.role === 'provider'
          ? { providerId: form.providerId.trim(), providerApprover: approver.includes('yes') }
          : {}),
      });
      navigate('/admin/users', { state: { added: user.email } });
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.status < 500
          ? apiErrorsToSummary(err)
          : [...validateNewUser(form), { message: err instanceof Error ? err.message : String(err) }],
      );
      setSubmitting(false);
    }
  };

  return (
    <Page
      title="Add a user"
      hasErrors={errors.length > 0}
      width="two-thirds"
      breadcrumbs={[
        { text: 'Administration', href: '/admin' },
        { text: 'Users', href: '/admin/users' },
        { text: 'Add a user' },
      ]}
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          name="name"
          label="Full name"
          autoComplete="off"
          spellCheck={false}
          value={form.name}
          onChange={set('name')}
          error={fieldError(errors, 'name')}
        />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={form.email}
          onChange={set('email')}
          error={fieldError(errors, 'email')}
        />
        <Radios
          name="role"
          legend="Role"
          value={form.role}
          onChange={(v) => set('role')(v as Role)}
          items={ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], hint: roleHints[r] }))}
          error={fieldError(errors, 'role')}
        />
        {form.role === 'provider' && (
          <>
            <ProviderField
              value={form.providerId}
              onChange={set('providerId')}
              error={fieldError(errors, 'providerId')}
            />
            <Checkboxes
              name="providerApprover"
              legend="Approver"
              small
              value={approver}
              onChange={setApprover}
              items={[
                {
                  value: 'yes',
                  text: 'They add and remove their own organisation’s accounts',
                  hint: 'An approver needs no administrator to manage their colleagues’ access.',
                },
              ]}
              error={fieldError(errors, 'providerApprover')}
            />
          </>
        )}
        <TextInput
          name="password"
          label="Temporary password"
          hint="At least 10 characters. Give it to the user in person or by phone, not by email."
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={fieldError(errors, 'password')}
        />
        <ButtonGroup>
          <Button disabled={submitting}>Add user</Button>
          <Button href="/admin/users" variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
