import type { Wire } from '../../../src/server/schemas';
import type { auditEntrySchema } from '../../../src/server/auth/schemas';
import { Link, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import { londonDateTime } from '../components/downloads';
import { ROLE_LABELS } from '../auth';
import { RETURN_SOURCE_LABELS } from '../../../src/domain/market/types';
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

/** Actions in the words the audit log shows: past tense, what was done ("create" → "Created"). */
const ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  created: 'Created',
  update: 'Changed',
  updated: 'Changed',
  edit: 'Changed',
  set: 'Set',
  settings: 'Settings changed',
  delete: 'Deleted',
  import: 'Imported',
  imported: 'Imported',
  import_return: 'Return imported',
  load: 'Loaded',
  vary: 'Varied',
  extend: 'Extended',
  end: 'Ended',
  retire: 'Retired',
  award: 'Awarded',
  cancel: 'Cancelled',
  confirm: 'Confirmed',
  discharge: 'Discharge recorded',
  request: 'Requested',
  send_request: 'Request sent',
  submit: 'Submitted',
  review: 'Reviewed',
  reviewed: 'Reviewed',
  revise: 'Revised',
  publish: 'Published',
  published: 'Published',
  approved: 'Approved',
  sent_for_review: 'Sent for review',
  changes_requested: 'Changes requested',
  update_stage: 'Stage changed',
  update_spend: 'Spend changed',
  update_actuals: 'Actual spend changed',
  update_metric_plans: 'Metric plans changed',
  edit_demand_capacity: 'Demand and capacity changed',
  prefill_demand_capacity: 'Demand and capacity filled in from past referrals',
  demo_demand_capacity: 'Demo demand and capacity figures loaded',
  amend: 'Amended',
  assess: 'Assessed',
  update_contracts: 'Linked contracts changed',
  link_risk: 'Risk linked',
  unlink_risk: 'Risk unlinked',
  refresh_counts: 'Figures recomputed',
  'nil-return': 'Nil return',
  setup: 'Set up',
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out-everywhere': 'Signed out everywhere',
  'end-sessions': 'Sessions ended',
  lockout: 'Locked out',
  'change-password': 'Password changed',
  'change-password-refused': 'Password change refused',
  'reset-password': 'Password reset',
  'view-identifying-details': 'Identifying details viewed',
  disable: 'Disabled',
  enable: 'Enabled',
  'access-refused': 'Access refused',
};

/** An action in words: its label, else the code in words with a capital ("update_x" → "Update x"). */
export function actionLabel(action: string): string {
  const w = ACTION_LABELS[action] ?? words(action.replace(/-/g, ' '));
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Coded values the detail holds, by the key they sit under (a return's source, a role), in the pages' words. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  source: RETURN_SOURCE_LABELS,
  role: ROLE_LABELS as Record<string, string>,
};

/** A snake_case or kebab-case code ("bulk_csv"), as opposed to text or a name. */
const CODE = /^[a-z][a-z0-9]*([_-][a-z0-9]+)+$/;

const PAGE_SIZE = 50;

/** A field or record code in words: `councilQualityRating` → "council quality rating", `kpi_return` → "KPI return". */
export function words(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\bkpi\b/g, 'KPI')
    .replace(/\bcqc\b/g, 'CQC')
    .replace(/\bd2a\b/g, 'D2A')
    .replace(/\bmps\b/g, 'MPS')
    .replace(/\bbcf\b/g, 'BCF')
    .replace(/ pence$/, ' (pence)');
}

/**
 * A short readable form of an entry's detail: `role: viewer → commissioner; provider: Rosewood Care Homes Ltd`.
 * Ids are shown by the names the server resolved (`names`); a change's values before and after (`before`/`after`,
 * or `{from, to}`) as "was → now".
 */
export function describeDetail(detail: Record<string, unknown> | null, names: Record<string, string> = {}): string {
  if (!detail) return '';
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const value = (v: unknown, key = ''): string =>
    v === null || v === undefined || v === ''
      ? 'none'
      : typeof v === 'string'
        ? (names[v.toLowerCase()] ??
          VALUE_LABELS[key]?.[v] ??
          (UUID.test(v) ? 'a record with no name' : CODE.test(v) ? words(v) : v))
        : typeof v === 'boolean'
          ? v
            ? 'yes'
            : 'no'
          : Array.isArray(v)
            ? v.length === 0
              ? 'none'
              : v.map((x) => value(x, key)).join(', ')
            : typeof v === 'object'
              ? Object.entries(v as Record<string, unknown>)
                  .map(([k, x]) => `${words(k)} ${value(x, k)}`)
                  .join(', ')
              : typeof v === 'number'
                ? v.toLocaleString('en-GB')
                : String(v);
  /** A count or list on its own (not a before → after): nothing reads "none", whether stored as 0, [] or null. */
  const single = (v: unknown, key: string) => (v === 0 ? 'none' : value(v, key));
  const parts: string[] = [];
  const { before, after, ...rest } = detail as { before?: unknown; after?: unknown } & Record<string, unknown>;
  // A key naming an id ("locationId") whose value the server named is labelled by the record, not "id".
  const label = (k: string, v: unknown) => {
    if (/\s/.test(k)) return k; // already in words ("2026/27 Q1 actual spend")
    const named = typeof v === 'string' && names[v.toLowerCase()] !== undefined;
    return named ? words(k).replace(/ ids?$/, '') : words(k);
  };
  for (const [k, v] of Object.entries(rest)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && 'from' in v && 'to' in v) {
      const c = v as { from: unknown; to: unknown };
      parts.push(`${label(k, c.to)}: ${value(c.from, k)} → ${value(c.to, k)}`);
    } else parts.push(`${label(k, v)}: ${single(v, k)}`);
  }
  if (after && typeof after === 'object' && !Array.isArray(after)) {
    const was = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(after as Record<string, unknown>))
      parts.push(`${label(k, v)}: ${value(was[k], k)} → ${value(v, k)}`);
  } else if (Array.isArray(after) || Array.isArray(before)) {
    // A list replaced whole (linked contracts): what it was and what it is now.
    parts.push(`${value(before ?? [])} → ${value(after ?? [])}`);
  }
  return parts.join('; ');
}

/** What a request did, by its method: shown for request-level entries instead of "Requested". */
const METHOD_ACTIONS: Record<string, string> = {
  POST: 'Added or sent',
  PUT: 'Saved',
  PATCH: 'Changed',
  DELETE: 'Removed',
};

/** Words for the parts of an API address, where `words` would not do ("bcf" → "Better Care Fund"). */
const SEGMENT_WORDS: Record<string, string> = {
  api: '',
  bcf: 'Better Care Fund',
  mps: 'Market Position Statement',
  kpis: 'KPIs',
  hicm: 'High Impact Change Model',
  d2a: 'discharge to assess',
  oruk: 'Open Referral UK',
  cqc: 'CQC',
  auth: 'account',
};

/**
 * A request-level entry's record in words, from its method and route, never the address itself:
 * "PUT /api/bcf/schemes/:id/actuals" → "Better Care Fund › schemes › actuals". Exported for tests.
 */
export function requestRecord(entity: string): string {
  const route = entity.replace(/^[A-Z]+ /, '').split('?')[0];
  const parts = route
    .split('/')
    .filter((p) => p && !p.startsWith(':'))
    .map((p) => (p in SEGMENT_WORDS ? SEGMENT_WORDS[p] : words(p.replace(/-/g, '_')).replace(/\.(csv|xlsx|json)$/, '')))
    .filter(Boolean);
  const text = parts.join(' › ') || 'Steward';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A request-level entry's detail in words: the records it named (by the names the server resolved), never its
 * parameters as JSON, its status code or a UUID. Exported for tests.
 */
export function requestDetail(detail: Record<string, unknown> | null, names: Record<string, string> = {}): string {
  const params = (detail?.params ?? {}) as Record<string, unknown>;
  return Object.values(params)
    .flatMap((v) => (typeof v === 'string' && names[v.toLowerCase()] ? [names[v.toLowerCase()]] : []))
    .join('; ');
}

const isRequest = (e: AuditEntry) => /^[A-Z]+ \//.test(e.entity);

/** Who did it: the person's name with the email they signed in with, or the system. */
const who = (e: AuditEntry) =>
  e.userName ? `${e.userName} (${e.userEmail})` : e.userEmail.replace(/^system:/, 'System: ');

/** The record: its name where it has one, else its kind; a request's route in words. */
const record = (e: AuditEntry) => {
  const kind = isRequest(e) ? requestRecord(e.entity) : words(e.entity);
  return e.entityName ? `${kind}: ${e.entityName}` : kind;
};

/** The action: a request's by its method ("Saved"), a refusal as it is, else the action's label. */
const action = (e: AuditEntry) =>
  isRequest(e) && e.action === 'request' ? (METHOD_ACTIONS[e.entity.split(' ')[0]] ?? 'Sent') : actionLabel(e.action);

/** The detail in words: a request's named records, else the change with its before → after values. */
const detailOf = (e: AuditEntry) =>
  isRequest(e) ? requestDetail(e.detail, e.names) : describeDetail(e.detail, e.names);

const columns: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (e) => formatDateTime(e.at) },
  { key: 'userEmail', header: 'Who', render: who },
  { key: 'action', header: 'Action', render: action },
  { key: 'entity', header: 'Record', render: record },
  {
    key: 'detail',
    header: 'Detail',
    render: (e) => <span className="govuk-body-s">{detailOf(e)}</span>,
  },
];

const downloadColumns: DownloadColumn<AuditEntry>[] = [
  { key: 'id', header: 'Entry' },
  { key: 'at', header: 'When (UK time)', value: (e) => new Date(e.at) },
  { key: 'userName', header: 'Who', value: (e) => e.userName ?? null },
  { key: 'userEmail', header: 'Signed in as' },
  { key: 'action', header: 'Action', value: action },
  { key: 'entity', header: 'Record type', value: (e) => (isRequest(e) ? requestRecord(e.entity) : words(e.entity)) },
  { key: 'entityName', header: 'Record', value: (e) => e.entityName ?? null },
  { key: 'detail', header: 'Detail', value: detailOf },
];

/**
 * The download's name: the London dates its entries run from and to ("steward-audit-2026-11-02-to-2026-11-30"),
 * never the entry id the page of older entries starts before.
 */
function auditFileName(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'steward-audit';
  const day = (at: string) => londonDateTime(new Date(at)).slice(0, 10);
  const first = day(entries[entries.length - 1].at);
  const last = day(entries[0].at);
  return first === last ? `steward-audit-${first}` : `steward-audit-${first}-to-${last}`;
}

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
            filename={auditFileName(data.entries)}
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
