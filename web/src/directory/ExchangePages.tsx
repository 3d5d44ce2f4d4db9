// Directory curation, part two: the suspected duplicate services and the exchange with neighbouring directories
// (Open Referral UK feeds).
import { useState, type ChangeEvent } from 'react';
import { apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  ErrorSummary,
  FileUploadForm,
  LoadingOrError,
  NotificationBanner,
  Page,
  TextInput,
  fieldError,
  type SummaryError,
} from '../components';
import type { Duplicates, ImportSummaryView } from './types';
import { MANAGE } from './ManagePages';

const crumbs = [{ text: 'Directory', href: MANAGE }];

export function DuplicatesPage() {
  const { data, error, loading } = useApi<Duplicates>('/api/directory/duplicates');
  return (
    <Page
      title="Possible duplicate organisations"
      caption="Directory"
      breadcrumbs={[...crumbs, { text: 'Duplicates' }]}
    >
      <p className="govuk-body">
        Organisations that share a registered charity number or company number, or the same name, are probably the same
        body entered twice. Check them and merge their services under one organisation.
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="organisations" />
      ) : data.length === 0 ? (
        <p className="govuk-body">No possible duplicates found.</p>
      ) : (
        data.map((g) => (
          <div key={g.reason + g.organisationIds.join()}>
            <h2 className="govuk-heading-s">{g.reason}</h2>
            <ul className="govuk-list govuk-list--bullet">
              {g.organisations.map((o) => (
                <li key={o.id}>
                  {o.name} ({o.services} {o.services === 1 ? 'service' : 'services'})
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </Page>
  );
}

export function ExchangePage() {
  const { hasRole } = useAuth();
  const canImport = hasRole('admin', 'commissioner');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [result, setResult] = useState<ImportSummaryView | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<ImportSummaryView>) => {
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      setResult(await send());
    } catch (err) {
      setErrors(failureToSummary(err));
    }
    setBusy(false);
  };
  const fromFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      setErrors([{ field: 'file', message: `${file.name} is not a JSON file` }]);
      return;
    }
    await run(() => apiSend<ImportSummaryView>('POST', '/api/directory/import', body));
  };
  return (
    <Page
      title="Import and export"
      caption="Directory"
      breadcrumbs={[...crumbs, { text: 'Import and export' }]}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {result && (
        <NotificationBanner type="success" heading="Directory imported">
          <ul className="govuk-list">
            {result.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <h2 className="govuk-heading-m">Export</h2>
      <p className="govuk-body">The whole directory in the Open Referral UK 3.0 standard:</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/api/directory/export.json" download>
            Download the directory as ORUK JSON
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/api/directory/export.zip" download>
            Download the directory as CSV files (HSDS tables, zip)
          </a>
        </li>
        <li>
          Live ORUK API for other directories to read:{' '}
          <a className="govuk-link" href="/oruk/">
            /oruk/
          </a>
        </li>
      </ul>
      {canImport && (
        <>
          <h2 className="govuk-heading-m">Import another directory</h2>
          <p className="govuk-body">
            The whole feed is checked first: if anything is wrong nothing is imported and every problem is listed.
            Entries with the same id are updated.
          </p>
          <FileUploadForm
            id="file"
            label="An ORUK JSON file"
            accept=".json,application/json"
            onChoose={fromFile}
            busy={busy}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => apiSend<ImportSummaryView>('POST', '/api/directory/import-url', { url: url.trim() }));
            }}
            noValidate
          >
            <TextInput
              name="url"
              label="Or the web address of an ORUK API"
              hint="The address that answers /services, for example https://directory.example.gov.uk/oruk"
              type="url"
              spellCheck={false}
              value={url}
              onChange={setUrl}
              error={fieldError(errors, 'url')}
            />
            <Button disabled={busy}>Import from this address</Button>
          </form>
        </>
      )}
    </Page>
  );
}
