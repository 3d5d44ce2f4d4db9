// A provider's own page: each location's latest figures with their age, "no change" in one click, links
// to update, and a bulk CSV update. Staff reach it at /market/providers/:id; provider users at /market.
import { useState, type ChangeEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, apiSend, apiUpload, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  ErrorSummary,
  FileUploadForm,
  LoadingOrError,
  NotificationBanner,
  Page,
  RatingTag,
  Table,
  apiErrorsToSummary,
  formatHours,
  saveFile,
  toCsv,
  uploadErrorsToSummary,
  type SummaryError,
  formatCount,
} from '../components';
import { bulkCapacityTemplate } from '../../../src/domain/market/bulk';
import { FreshnessTag } from './FreshnessTag';
import { SERVICE_TYPE_LABELS } from './labels';
import type { ProviderLocation, ProviderView } from './types';

export function ProviderHomePage() {
  const { user } = useAuth();
  if (!user?.providerId)
    return (
      <Page title="Your services">
        <p className="govuk-body">
          Your account is not linked to a provider. Ask your council’s Steward administrator.
        </p>
      </Page>
    );
  return <ProviderView providerId={user.providerId} />;
}

export function ProviderPage() {
  const { id } = useParams();
  return <ProviderView providerId={id!} />;
}

async function uploadCsv(path: string, text: string): Promise<{ saved: number }> {
  return apiUpload(path, 'text/csv', text);
}

function summaryOf(l: ProviderLocation): string {
  if (l.careHome) {
    const c = l.careHome;
    const status = [
      c.vacantClosed ? `${c.vacantClosed} closed to admissions` : null,
      c.heldForAssessment ? `${c.heldForAssessment} held for assessment` : null,
      c.nilReturn ? 'nil return' : null,
    ].filter(Boolean);
    return `${c.vacantAccepting} vacant of ${c.maxCapacity} (${c.occupied} occupied)${status.length ? `; ${status.join(', ')}` : ''}`;
  }
  if (l.homecare.length) {
    const hours = l.homecare.reduce((s, h) => s + h.newHoursAvailable, 0);
    return `${formatCount(
      l.homecare.reduce((s, h) => s + h.peopleSupported, 0),
      'person',
    )}; ${formatHours(hours)} of new work available`;
  }
  return 'No figures yet';
}

function ProviderView({ providerId }: { providerId: string }) {
  const { user } = useAuth();
  const { data, error, loading, reload } = useApi<ProviderView>(`/api/market/providers/${providerId}`);
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState<string | null>(
    saved ? (saved.endsWith('.') ? saved : `Your ${saved} figures were saved.`) : null,
  );
  /** The record the banner's message is about (a location's figures), linked from the banner. */
  const [messageLink, setMessageLink] = useState<{ href: string; text: string } | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const ownPage = user?.role === 'provider';
  const canEdit = user?.role !== 'viewer';
  const title = ownPage ? 'Your services' : (data?.provider.name ?? 'Provider');
  const crumbs = ownPage
    ? [{ text: 'Your services' }]
    : [{ text: 'Market', href: '/market' }, { text: data?.provider.name ?? 'Provider' }];
  if (!data)
    return (
      <Page title={title} breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the provider" />
      </Page>
    );

  const oneClick = async (l: ProviderLocation, kind: 'no-change' | 'nil-return') => {
    setBusy(true);
    setErrors([]);
    setMessage(null);
    setMessageLink(null);
    try {
      await apiSend('POST', `/api/market/locations/${l.id}/${kind}`, {});
      setMessage(
        kind === 'no-change'
          ? `Figures for ${l.name} confirmed as unchanged today.`
          : `Nil return filed for ${l.name}: no vacancies to report today.`,
      );
      setMessageLink({ href: `/market/locations/${l.id}`, text: `See the figures for ${l.name}` });
      reload();
    } catch (e) {
      setErrors(e instanceof ApiError ? apiErrorsToSummary(e) : [{ message: String(e) }]);
    } finally {
      setBusy(false);
    }
  };
  const homes = data.locations.filter((l) => l.isCareHome);
  const template = () => {
    const rows = bulkCapacityTemplate(
      homes.map((h) => ({ id: h.id, cqcLocationId: h.cqcLocationId, name: h.name, latest: h.careHome })),
    );
    const cols = rows[0].map((header, i) => ({ key: String(i), header, value: (r: string[]) => r[i] }));
    saveFile(`\uFEFF${toCsv(cols, rows.slice(1))}`, 'capacity-update.csv', 'text/csv;charset=utf-8');
  };
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setMessage(null);
    setMessageLink(null);
    try {
      const res = await uploadCsv(`/api/market/providers/${providerId}/capacity-csv`, await file.text());
      setMessage(`${formatCount(res.saved, 'care home return')} saved from ${file.name}.`);
      reload();
    } catch (err) {
      setErrors([{ message: `${file.name} was not accepted` }, ...uploadErrorsToSummary(err, 'capacity-file')]);
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  };

  return (
    <Page
      title={title}
      caption={ownPage ? data.provider.name : 'Provider'}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {message && (
        <NotificationBanner type="success" heading="Saved">
          <p className="govuk-body">{message}</p>
          {messageLink && (
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={messageLink.href}>
                {messageLink.text}
              </Link>
            </p>
          )}
        </NotificationBanner>
      )}
      {ownPage ? (
        <>
          <p className="govuk-body">
            Keep your vacancies and capacity current: commissioners, brokers and hospital discharge teams see them
            straight away. Figures older than 14 days are shown as stale. “No change” files your last figures again with
            today’s date; a “nil return” says you have no vacancies to report today (occupied beds stay as you last
            reported them).
          </p>
          {user?.providerApprover && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/market/accounts">
                Manage your organisation’s accounts
              </Link>
            </p>
          )}
        </>
      ) : (
        <p className="govuk-body">
          This provider’s locations and their latest figures. Figures older than 14 days are shown as stale.
        </p>
      )}
      <Table
        // Staff read about the provider; only the provider's own users are addressed as "you" (issue 13).
        caption={ownPage ? 'Your locations' : `${data.provider.name}: locations`}
        rows={data.locations}
        rowKey={(r) => r.id}
        emptyText="No locations registered."
        columns={[
          {
            key: 'name',
            header: 'Location',
            render: (r) => (
              <Link className="govuk-link" to={`/market/locations/${r.id}`}>
                {r.name}
              </Link>
            ),
          },
          {
            key: 'serviceTypes',
            header: 'Service',
            render: (r) =>
              r.serviceTypes.map((s) => SERVICE_TYPE_LABELS[s as keyof typeof SERVICE_TYPE_LABELS] ?? s).join(', '),
          },
          { key: 'cqcRating', header: 'CQC rating', render: (r) => <RatingTag rating={r.cqcRating as never} /> },
          { key: 'figures', header: 'Latest figures', render: summaryOf },
          {
            key: 'freshness',
            header: 'Updated',
            render: (r) => (
              <>
                <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />
                {[r.careHome, r.workforce].some((x) => x?.source === 'staff') && (
                  <>
                    <br />
                    <span className="govuk-body-s">Entered by council staff</span>
                  </>
                )}
              </>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  header: 'Actions',
                  render: (r: ProviderLocation) => (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      <li>
                        <Link className="govuk-link" to={`/market/locations/${r.id}/update`}>
                          Update<span className="govuk-visually-hidden"> figures for {r.name}</span>
                        </Link>
                      </li>
                      {r.lastReturnAt && (
                        <li>
                          <button
                            type="button"
                            className="app-link-button"
                            disabled={busy}
                            onClick={() => oneClick(r, 'no-change')}
                          >
                            No change<span className="govuk-visually-hidden"> for {r.name}</span>
                          </button>
                        </li>
                      )}
                      {(r.isCareHome || r.lastReturnAt) && (
                        <li>
                          <button
                            type="button"
                            className="app-link-button"
                            disabled={busy}
                            onClick={() => oneClick(r, 'nil-return')}
                          >
                            Nil return<span className="govuk-visually-hidden"> for {r.name}</span>
                          </button>
                        </li>
                      )}
                      {r.isCareHome && (
                        <li>
                          <Link className="govuk-link" to={`/market/locations/${r.id}/fees`}>
                            Self-funder fees<span className="govuk-visually-hidden"> for {r.name}</span>
                          </Link>
                        </li>
                      )}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && homes.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Update several care homes at once</h2>
          <p className="govuk-body">
            Download the spreadsheet with {ownPage ? 'your' : 'the'} latest figures, change them, save as CSV and upload
            it. Every row is checked first; if any row is wrong nothing is saved and you are told which line and column
            to fix.
          </p>
          <Button type="button" variant="secondary" onClick={template}>
            Download capacity spreadsheet (CSV)
          </Button>
          <FileUploadForm
            id="capacity-file"
            label="Upload the completed CSV"
            accept=".csv,text/csv"
            onChoose={upload}
            busy={busy}
          />
        </>
      )}
    </Page>
  );
}
