import type { Wire } from '../../../src/server/schemas';
import type { auditEntrySchema } from '../../../src/server/auth/schemas';
import { Link, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import {
  DownloadLinks,
  LoadingOrError,
  Page,
  Table,
  formatDateTime,
  type Column,
  type DownloadColumn,
} from '../components';

export type AuditEntry = Wire<typeof auditEntrySchema>;

const PAGE_SIZE = 50;

/** A short readable form of the entry's detail: `role: provider; providerId: …`. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${v === null ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

const columns: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (e) => formatDateTime(e.at) },
  { key: 'userEmail', header: 'Who' },
  { key: 'action', header: 'Action' },
  { key: 'entity', header: 'Record', render: (e) => (e.entityId ? `${e.entity} ${e.entityId}` : e.entity) },
  { key: 'detail', header: 'Detail', render: (e) => <span className="govuk-body-s">{describeDetail(e.detail)}</span> },
];

const downloadColumns: DownloadColumn<AuditEntry>[] = [
  { key: 'id', header: 'Entry' },
  { key: 'at', header: 'When (UTC)' },
  { key: 'userEmail', header: 'Who' },
  { key: 'action', header: 'Action' },
  { key: 'entity', header: 'Record type' },
  { key: 'entityId', header: 'Record' },
  { key: 'detail', header: 'Detail', value: (e) => (e.detail ? JSON.stringify(e.detail) : '') },
];

export function AuditPage() {
  const [params] = useSearchParams();
  const before = params.get('before');
  const { data, error, loading } = useApi<{ entries: AuditEntry[] }>(
    withQuery('/api/admin/audit', { limit: PAGE_SIZE, before }),
  );
  const last = data?.entries[data.entries.length - 1];
  return (
    <Page title="Audit log" breadcrumbs={[{ text: 'Administration', href: '/admin' }, { text: 'Audit log' }]}>
      <p className="govuk-body">Every change made in Steward, newest first.</p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the audit log" />
      ) : (
        <>
          <Table
            caption={before ? 'Older entries' : 'Latest entries'}
            captionHidden
            columns={columns}
            rows={data.entries}
            rowKey={(e) => String(e.id)}
            emptyText="No entries."
          />
          <DownloadLinks
            filename={`steward-audit${before ? `-before-${before}` : ''}`}
            what="these entries"
            columns={downloadColumns}
            rows={data.entries}
            sheetName="Audit log"
          />
          <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit log pages">
            {before && (
              <div className="govuk-pagination__prev">
                <Link className="govuk-link govuk-pagination__link" to="/admin/audit" rel="prev">
                  <span className="govuk-pagination__link-title">Newest entries</span>
                </Link>
              </div>
            )}
            {last && data.entries.length === PAGE_SIZE && (
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`/admin/audit?before=${last.id}`} rel="next">
                  <span className="govuk-pagination__link-title">Older entries</span>
                </Link>
              </div>
            )}
          </nav>
        </>
      )}
    </Page>
  );
}
