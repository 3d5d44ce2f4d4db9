// Suggest a new service or a change to an entry (public; providers and community groups). Held for a curator.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  ErrorSummary,
  LoadingOrError,
  PublicPage,
  Panel,
  TextInput,
  Textarea,
  fieldError,
  type SummaryError,
} from '../components';
import { ServiceFields } from './ServiceFields';
import { applyForm, formValuesOf, validateForm, type ServiceFormValues } from './serviceForm';
import type { OrukServiceView, SearchOptions } from './types';

export function SuggestPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const { data: options } = useApi<SearchOptions>('/api/directory/search-options');
  const current = useApi<OrukServiceView>(id ? `/oruk/services/${id}` : null);
  const needIds = options?.needs.map((n) => n.termId) ?? [];
  const [values, setValues] = useState<ServiceFormValues | null>(null);
  const [who, setWho] = useState({
    name: user?.name ?? '',
    email: user?.email ?? '',
    organisation: user?.providerName ?? '',
    note: '',
  });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sent, setSent] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const base = id ? (current.data ?? null) : null;
  useEffect(() => {
    if (options && (!id || current.data)) setValues((v) => v ?? formValuesOf(base, needIds));
  }, [options, current.data, id]);
  const title = id ? 'Suggest a change to this entry' : 'Suggest a new service';
  const crumbs = [
    { text: 'Find community services', href: '/community-services' },
    ...(id && base ? [{ text: base.name, href: `/community-services/services/${id}` }] : []),
    { text: id ? 'Suggest a change' : 'Suggest a service' },
  ];

  if (sent)
    return (
      <PublicPage
        synthetic={options?.synthetic ?? true}
        boroughName={options?.boroughName ?? 'This borough'}
        title="Suggestion sent"
        breadcrumbs={crumbs}
        documentTitle="Suggestion sent"
      >
        <Panel title="Thank you: your suggestion has been sent">
          A member of the council’s directory team will check it before it is published.
        </Panel>
        <p className="govuk-body">
          <Link className="govuk-link" to="/community-services">
            Back to find community services
          </Link>
        </p>
      </PublicPage>
    );
  if (!values || !options)
    return (
      <PublicPage
        synthetic={options?.synthetic ?? true}
        boroughName={options?.boroughName ?? 'This borough'}
        title={title}
        breadcrumbs={crumbs}
      >
        <LoadingOrError loading={current.loading || !options} error={current.error} what="the entry" />
      </PublicPage>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateForm(values);
    if (!who.name.trim()) problems.push({ field: 'submitterName', message: 'Enter your name' });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(who.email.trim()))
      problems.push({
        field: 'submitterEmail',
        message: 'Enter an email address in the correct format, like name@example.com',
      });
    setErrors(problems);
    if (problems.length) return;
    setSubmitting(true);
    try {
      await apiSend('POST', '/api/directory/suggestions', {
        kind: id ? 'change' : 'new',
        serviceId: id ?? null,
        service: applyForm(base, values, options.needs),
        note: who.note.trim() || undefined,
        submitterName: who.name.trim(),
        submitterEmail: who.email.trim(),
        submitterOrganisation: who.organisation.trim() || undefined,
      });
      setSent(true);
    } catch (err) {
      setErrors(failureToSummary(err));
      setSubmitting(false);
    }
  };

  return (
    <PublicPage
      synthetic={options?.synthetic ?? true}
      boroughName={options?.boroughName ?? 'This borough'}
      title={title}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        The council’s directory team checks every suggestion before it is published. We use your contact details only to
        ask about your suggestion.
      </p>
      <form onSubmit={submit} noValidate>
        <ServiceFields
          values={values}
          onChange={setValues}
          errors={errors}
          needs={options.needs}
          showStatus={Boolean(id)}
        />
        <h2 className="govuk-heading-m">About you</h2>
        <TextInput
          name="submitterName"
          label="Your name"
          autoComplete="name"
          value={who.name}
          onChange={(v) => setWho({ ...who, name: v })}
          error={fieldError(errors, 'submitterName')}
        />
        <TextInput
          name="submitterEmail"
          label="Your email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={who.email}
          onChange={(v) => setWho({ ...who, email: v })}
          error={fieldError(errors, 'submitterEmail')}
        />
        <TextInput
          name="submitterOrganisation"
          label="Your organisation or group (optional)"
          value={who.organisation}
          onChange={(v) => setWho({ ...who, organisation: v })}
        />
        <Textarea
          name="note"
          label="Anything the directory team should know (optional)"
          rows={3}
          value={who.note}
          onChange={(v) => setWho({ ...who, note: v })}
        />
        <Button disabled={submitting}>Send suggestion</Button>
      </form>
    </PublicPage>
  );
}
