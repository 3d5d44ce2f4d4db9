// Publishing the market position statement: the checks before publishing, and the editions published.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  Checkboxes,
  ErrorSummary,
  formatDate,
  LoadingOrError,
  Page,
  Panel,
  Radios,
  TextInput,
  WarningText,
  fieldError,
  type SummaryError,
  usePageTitle,
} from '../components';
import { PUBLIC_PATH } from './PublicPages';
import type { DraftResponse, Edition, PublishCheck } from './types';

function Published({ edition }: { edition: Edition }) {
  usePageTitle(`Edition ${edition.number} published`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={`Edition ${edition.number} published`}>“{edition.title}”</Panel>
        <p className="govuk-body">
          Providers can read it now at{' '}
          <a className="govuk-link" href={PUBLIC_PATH}>
            {PUBLIC_PATH}
          </a>{' '}
          and download it as a{' '}
          <a className="govuk-link" href={`/market-position-statement.pdf?edition=${edition.number}`}>
            PDF
          </a>
          .
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/mps">
            Back to the draft
          </Link>
        </p>
      </div>
    </div>
  );
}

/** /mps/publish: title, disclosure of contract values, the check of unapproved sections, publish. */
export function PublishPage() {
  const check = useApi<PublishCheck>('/api/mps/publish-check');
  const draft = useApi<DraftResponse>('/api/mps/draft');
  const navigate = useNavigate();
  const year = new Date().getFullYear();
  const [title, setTitle] = useState(`Market Position Statement ${year} to ${year + 3}`);
  const [acknowledge, setAcknowledge] = useState<string[]>([]);
  const [disclosure, setDisclosure] = useState<string | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [published, setPublished] = useState<Edition | null>(null);
  const [busy, setBusy] = useState(false);
  if (published) return <Published edition={published} />;
  if (!check.data || !draft.data)
    return (
      <Page title="Publish an edition">
        <LoadingOrError loading={check.loading || draft.loading} error={check.error ?? draft.error} what="the draft" />
      </Page>
    );
  const unapproved = check.data.unapproved;
  const valueDisclosure = disclosure ?? draft.data.settings.valueDisclosure;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      if (valueDisclosure !== draft.data!.settings.valueDisclosure)
        await apiSend('PUT', '/api/mps/settings', { valueDisclosure });
      const edition = await apiSend<Edition>('POST', '/api/mps/editions', {
        title,
        acknowledgeUnapproved: acknowledge.includes('yes'),
      });
      setPublished(edition);
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title="Publish an edition"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: 'Publish an edition' }]}
      hasErrors={errors.length > 0}
      width="two-thirds"
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        Publishing freezes today’s figures ({formatDate(draft.data.statement.asAt)}) and the current text of every
        section as a new edition. The draft carries on changing; this edition never will.
      </p>
      <form onSubmit={submit} noValidate>
        <TextInput
          name="title"
          label="Title of the edition"
          value={title}
          onChange={setTitle}
          error={fieldError(errors, 'title')}
        />
        <Radios
          name="valueDisclosure"
          legend="Contract values on the public pages"
          value={valueDisclosure}
          onChange={setDisclosure}
          items={[
            { value: 'band', text: 'As a band (for example “£500,000 to £1 million a year”)' },
            { value: 'exact', text: 'Exact annual value' },
            { value: 'none', text: 'Do not publish contract values' },
          ]}
        />
        {unapproved.length > 0 && (
          <>
            <WarningText>{unapproved.length} sections have text that is not approved.</WarningText>
            <ul className="govuk-list govuk-list--bullet">
              {unapproved.map((s) => (
                <li key={s.key}>
                  <Link className="govuk-link" to={`/mps/sections/${s.key}`}>
                    {s.title}
                  </Link>{' '}
                  ({s.status.toLowerCase()})
                </li>
              ))}
            </ul>
            <Checkboxes
              name="acknowledgeUnapproved"
              legend="Publish these sections as they are?"
              items={[{ value: 'yes', text: 'Yes, publish the sections that are not approved as they are now' }]}
              value={acknowledge}
              onChange={setAcknowledge}
              error={fieldError(errors, 'acknowledgeUnapproved')}
            />
          </>
        )}
        <Button disabled={busy}>Publish edition</Button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/mps" onClick={() => navigate('/mps')}>
          Cancel
        </Link>
      </p>
    </Page>
  );
}

/** /mps/compare?from=N&to=M|draft: two statements section by section, figures and text. */
