// Commissioners' Market Position Statement pages: the live draft with each section's status, editing a section's
// narrative (versions, author and date; review), the whole draft as readers will see it, publishing an edition and
// comparing editions section by section.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  Checkboxes,
  Details,
  ErrorSummary,
  formatDate,
  formatDateTime,
  InsetText,
  LoadingOrError,
  NotificationBanner,
  Page,
  Panel,
  Radios,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
  type TagColour,
  usePageTitle,
} from '../components';
import { PORTFOLIOS, PORTFOLIO_LABELS } from '../../../src/domain/mps/outline';
import { SECTION_STATUS_LABELS, type SectionStatus } from '../../../src/domain/mps/review';
import { formatDifference, formatStatementFigure } from './format';
import { PUBLIC_PATH } from './PublicPages';
import { SectionBody, WholeStatement } from './StatementView';
import type { BlockHistory, Comparison, DraftResponse, Edition, PublishCheck, SectionDraft } from './types';

const STATUS_COLOURS: Record<SectionStatus, TagColour> = {
  draft: 'grey',
  in_review: 'blue',
  changes_requested: 'orange',
  approved: 'green',
};

export function StatusTag({ status }: { status: SectionStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{SECTION_STATUS_LABELS[status]}</Tag>;
}

const EDITORS = ['admin', 'commissioner'] as const;

/** /mps: the draft's sections with their status, editions, and the actions. */
export function DraftPage() {
  const { data, error, loading } = useApi<DraftResponse>('/api/mps/draft');
  const { hasRole } = useAuth();
  if (!data)
    return (
      <Page title="Market Position Statement">
        <LoadingOrError loading={loading} error={error} what="the draft statement" />
      </Page>
    );
  const s = data.statement;
  const row = (key: string) => {
    const section = s.sections.find((x) => x.key === key)!;
    return { key, title: section.title, status: data.statuses[key] ?? 'draft' };
  };
  const chapters = s.sections.filter((x) => x.kind !== 'service').map((x) => row(x.key));
  const sectionTable = (caption: string, rows: ReturnType<typeof row>[]) => (
    <Table
      caption={caption}
      captionSize="m"
      columns={[
        {
          key: 'title',
          header: 'Section',
          render: (r) => (
            <Link className="govuk-link" to={`/mps/sections/${r.key}`}>
              {r.title}
            </Link>
          ),
        },
        { key: 'status', header: 'Status', render: (r) => <StatusTag status={r.status} /> },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
  const latest = data.editions[0];
  return (
    <Page title="Market Position Statement" caption="Publishing" breadcrumbs={[{ text: 'Market Position Statement' }]}>
      <p className="govuk-body">
        The draft always shows today’s figures ({formatDate(s.asAt)}) with the latest text. Publishing freezes both as a
        new edition for providers to read at{' '}
        <a className="govuk-link" href={PUBLIC_PATH}>
          {PUBLIC_PATH}
        </a>
        .
      </p>
      {latest ? (
        <InsetText>
          Latest edition: {latest.number}, “{latest.title}”, published {formatDate(latest.publishedOn)}.
        </InsetText>
      ) : (
        <InsetText>No edition has been published yet.</InsetText>
      )}
      <ButtonGroup>
        <Button href="/mps/preview" variant="secondary">
          Read the whole draft
        </Button>
        {hasRole(...EDITORS) && <Button href="/mps/publish">Publish an edition</Button>}
        {latest && (
          <Button href={`/mps/compare?from=${latest.number}&to=draft`} variant="secondary">
            Compare the draft with edition {latest.number}
          </Button>
        )}
      </ButtonGroup>
      {sectionTable('About the area, the market and the strategy', chapters)}
      {PORTFOLIOS.map((p) => (
        <div key={p}>
          {sectionTable(
            `Commissioning intentions: ${PORTFOLIO_LABELS[p]}`,
            s.sections.filter((x) => x.kind === 'service' && x.portfolio === p).map((x) => row(x.key)),
          )}
        </div>
      ))}
      {data.editions.length > 0 && (
        <Table
          caption="Published editions"
          captionSize="m"
          columns={[
            { key: 'number', header: 'Edition', numeric: true },
            {
              key: 'title',
              header: 'Title',
              render: (e) => (
                <a className="govuk-link" href={`${PUBLIC_PATH}/editions/${e.number}`}>
                  {e.title}
                </a>
              ),
            },
            { key: 'publishedOn', header: 'Published', render: (e) => formatDate(e.publishedOn) },
            { key: 'asAt', header: 'Figures as at', render: (e) => formatDate(e.asAt) },
          ]}
          rows={data.editions}
          rowKey={(e) => e.id}
        />
      )}
    </Page>
  );
}

function BlockHistoryDetails({ sectionKey, blockKey }: { sectionKey: string; blockKey: string }) {
  const [open, setOpen] = useState(false);
  const { data } = useApi<BlockHistory>(open ? `/api/mps/sections/${sectionKey}/blocks/${blockKey}/history` : null);
  return (
    <details className="govuk-details" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Earlier versions</span>
      </summary>
      <div className="govuk-details__text">
        {!open ? null : !data ? (
          <p className="govuk-body" role="status">
            Loading…
          </p>
        ) : (
          data.versions.map((v) => (
            <div key={v.version} className="app-mps-version">
              <h4 className="govuk-heading-s">
                Version {v.version}, {v.author}, {formatDateTime(v.createdAt)}
              </h4>
              <pre className="app-mps-version__text">{v.text}</pre>
            </div>
          ))
        )}
      </div>
    </details>
  );
}

/** /mps/sections/:key: the section as it will read (live figures), its text to edit, and its review. */
export function SectionEditPage() {
  const { key = '' } = useParams();
  const { user, hasRole } = useAuth();
  const section = useApi<SectionDraft>(`/api/mps/sections/${key}`);
  const draft = useApi<DraftResponse>('/api/mps/draft');
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const data = section.data;
  if (!data)
    return (
      <Page title="Section">
        <LoadingOrError loading={section.loading} error={section.error} what="this section" />
      </Page>
    );
  const current = texts ?? Object.fromEntries(data.blocks.map((b) => [b.key, b.text]));
  const editor = hasRole(...EDITORS);
  const changed = data.blocks.some((b) => current[b.key] !== b.text);
  const lastEvent = data.review.at(-1);
  const sentByMe = lastEvent?.action === 'sent_for_review' && lastEvent.byUserId === user?.id;

  async function run(action: () => Promise<SectionDraft>, done: string) {
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      await action();
      setTexts(null);
      setComment('');
      section.reload();
      draft.reload();
      setMessage(done);
    } catch (e) {
      setErrors(e instanceof ApiError ? apiErrorsToSummary(e) : [{ message: String(e) }]);
    } finally {
      setBusy(false);
    }
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    const blocks = data.blocks
      .filter((b) => current[b.key] !== b.text)
      .map((b) => ({ blockKey: b.key, text: current[b.key], baseVersion: b.version }));
    if (blocks.length === 0) {
      setErrors([{ message: 'You have not changed any text' }]);
      return;
    }
    void run(
      () => apiSend<SectionDraft>('PUT', `/api/mps/sections/${key}`, { blocks }),
      'Your changes have been saved',
    );
  };
  const review = (action: 'sent_for_review' | 'approved' | 'changes_requested', done: string) =>
    run(
      () => apiSend<SectionDraft>('POST', `/api/mps/sections/${key}/review`, { action, comment: comment || null }),
      done,
    );

  const preview = draft.data?.statement.sections.find((s) => s.key === key);
  // Server field names are blocks.N.text; the textareas are named by block key.
  const blockError = (i: number) => fieldError(errors, `blocks.${i}.text`);
  const summaryErrors = errors.map((e) => {
    const m = /^blocks\.(\d+)\.text$/.exec(e.field ?? '');
    const changedBlocks = data.blocks.filter((b) => current[b.key] !== b.text);
    return m && changedBlocks[Number(m[1])] ? { ...e, field: `text-${changedBlocks[Number(m[1])].key}` } : e;
  });
  const changedIndex = (blockKey: string) =>
    data.blocks.filter((b) => current[b.key] !== b.text).findIndex((b) => b.key === blockKey);

  return (
    <Page
      title={data.title}
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: data.title }]}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={summaryErrors} />
      {message && <NotificationBanner type="success" heading={message} />}
      <p className="govuk-body">
        Status: <StatusTag status={data.status} />
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Text</h2>
          <p className="govuk-body-s">
            Plain text. Start a line with “## ” for a heading, “- ” for a bullet, “1. ” for a numbered list; write
            **bold** and [link text](https://…).
          </p>
          <form onSubmit={save} noValidate>
            {data.blocks.map((b) => {
              const i = changedIndex(b.key);
              return (
                <div key={b.key}>
                  <Textarea
                    name={`text-${b.key}`}
                    label={b.heading ?? 'Text'}
                    hint={`${b.hint} ${b.version ? `Version ${b.version}, ${b.author}, ${formatDateTime(b.updatedAt)}.` : 'Not written yet.'}`}
                    rows={b.key === 'contacts' ? 3 : 10}
                    value={current[b.key]}
                    onChange={(v) => setTexts({ ...current, [b.key]: v })}
                    error={i >= 0 ? blockError(i) : undefined}
                  />
                  {b.version > 1 && <BlockHistoryDetails sectionKey={key} blockKey={b.key} />}
                </div>
              );
            })}
            {editor && <Button disabled={busy || !changed}>Save changes</Button>}
          </form>
          <h2 className="govuk-heading-m">Review</h2>
          {editor && (
            <>
              {(data.status === 'draft' || data.status === 'changes_requested') && (
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy || changed}
                  onClick={() => review('sent_for_review', 'Sent for review')}
                >
                  Send for review
                </Button>
              )}
              {data.status === 'in_review' && !sentByMe && (
                <>
                  <Textarea
                    name="comment"
                    label="Comment for the author (needed to ask for changes)"
                    rows={3}
                    value={comment}
                    onChange={setComment}
                    error={fieldError(errors, 'comment')}
                  />
                  <ButtonGroup>
                    <Button type="button" disabled={busy} onClick={() => review('approved', 'Section approved')}>
                      Approve
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={busy}
                      onClick={() => review('changes_requested', 'Changes requested')}
                    >
                      Ask for changes
                    </Button>
                  </ButtonGroup>
                </>
              )}
              {data.status === 'in_review' && sentByMe && (
                <p className="govuk-body">You sent this section for review: another commissioner must approve it.</p>
              )}
            </>
          )}
          {data.review.length > 0 ? (
            <ul className="govuk-list">
              {[...data.review].reverse().map((e, i) => (
                <li key={i}>
                  {formatDateTime(e.at)}:{' '}
                  {e.action === 'sent_for_review'
                    ? 'sent for review'
                    : e.action === 'approved'
                      ? 'approved'
                      : 'changes requested'}{' '}
                  by {e.by}
                  {e.comment ? ` – “${e.comment}”` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">Not reviewed yet.</p>
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">How it will read</h2>
          <div className="app-mps-preview">
            {preview && draft.data ? (
              <SectionBody
                section={{
                  ...preview,
                  narrative: preview.narrative.map((n) => ({ ...n, text: current[n.key] ?? n.text })),
                }}
                statement={draft.data.statement}
                level={2}
              />
            ) : (
              <LoadingOrError loading={draft.loading} error={draft.error} what="the live figures" />
            )}
          </div>
        </div>
      </div>
    </Page>
  );
}

/** /mps/preview: the whole draft, live figures and latest text, as it would be published today. */
export function DraftPreviewPage() {
  const { data, error, loading } = useApi<DraftResponse>('/api/mps/draft');
  return (
    <Page
      title="The whole draft"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: 'The whole draft' }]}
    >
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the draft" />
      ) : (
        <>
          <InsetText>Live figures as at {formatDate(data.statement.asAt)}. Not published.</InsetText>
          <WholeStatement statement={data.statement} />
        </>
      )}
    </Page>
  );
}

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
export function ComparePage() {
  const [search, setSearch] = useSearchParams();
  const editions = useApi<DraftResponse>('/api/mps/draft');
  const from = search.get('from');
  const to = search.get('to') ?? 'draft';
  const { data, error, loading } = useApi<Comparison>(from ? `/api/mps/compare?from=${from}&to=${to}` : null);
  const options = [
    { value: 'draft', text: 'Current draft' },
    ...(editions.data?.editions ?? []).map((e) => ({
      value: String(e.number),
      text: `Edition ${e.number}: ${e.title}`,
    })),
  ];
  const changed = data?.sections.filter((s) => s.change !== 'unchanged') ?? [];
  return (
    <Page
      title="Compare editions"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: 'Compare editions' }]}
    >
      <form
        className="app-mps-compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setSearch({ from: String(f.get('from')), to: String(f.get('to')) });
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="from"
              label="From"
              options={options.filter((o) => o.value !== 'draft')}
              value={from ?? ''}
              placeholder="Choose an edition"
              onChange={(v) => setSearch({ from: v, to })}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="to"
              label="To"
              options={options}
              value={to}
              onChange={(v) => setSearch({ from: from ?? '', to: v })}
            />
          </div>
        </div>
      </form>
      {!from ? (
        <p className="govuk-body">Choose the editions to compare.</p>
      ) : !data ? (
        <LoadingOrError loading={loading} error={error} what="the comparison" />
      ) : (
        <>
          <p className="govuk-body">
            {data.from.label} (figures as at {formatDate(data.from.asAt)}) compared with {data.to.label} (figures as at{' '}
            {formatDate(data.to.asAt)}): {changed.length} of {data.sections.length} sections changed,{' '}
            {data.opportunitiesAdded.length} opportunities added and {data.opportunitiesRemoved.length} gone.
          </p>
          {data.sections.map((s) => (
            <section key={s.key} className="app-mps-compare-section" aria-labelledby={`compare-${s.key}`}>
              <h2 className="govuk-heading-m" id={`compare-${s.key}`}>
                {s.title}{' '}
                <Tag colour={s.change === 'unchanged' ? 'grey' : s.change === 'changed' ? 'blue' : 'orange'}>
                  {s.change === 'unchanged'
                    ? 'No change'
                    : s.change === 'changed'
                      ? 'Changed'
                      : s.change === 'added'
                        ? 'New section'
                        : 'Section removed'}
                </Tag>
              </h2>
              {s.change !== 'unchanged' && (
                <>
                  {s.figures.some((f) => f.before !== f.after) && (
                    <Table
                      caption="Figures that changed"
                      captionSize="s"
                      columns={[
                        { key: 'label', header: 'Figure' },
                        {
                          key: 'before',
                          header: 'Before',
                          numeric: true,
                          render: (f) => formatStatementFigure(f.before, f.unit),
                        },
                        {
                          key: 'after',
                          header: 'After',
                          numeric: true,
                          render: (f) => formatStatementFigure(f.after, f.unit),
                        },
                        {
                          key: 'difference',
                          header: 'Change',
                          numeric: true,
                          render: (f) => formatDifference(f.difference, f.unit),
                        },
                      ]}
                      rows={s.figures.filter((f) => f.before !== f.after)}
                      rowKey={(f) => f.key}
                      firstCellIsHeader
                    />
                  )}
                  {s.blocks
                    .filter((b) => b.changed)
                    .map((b) => (
                      <div key={b.key} className="app-mps-diff">
                        <h3 className="govuk-heading-s">Text changed{b.heading ? `: ${b.heading}` : ''}</h3>
                        <ul className="govuk-list">
                          {b.lines.map((l, i) => (
                            <li key={i} className={`app-mps-diff__line app-mps-diff__line--${l.change}`}>
                              {l.change === 'added' ? (
                                <ins>
                                  <span className="govuk-visually-hidden">Added: </span>
                                  {l.text}
                                </ins>
                              ) : l.change === 'removed' ? (
                                <del>
                                  <span className="govuk-visually-hidden">Removed: </span>
                                  {l.text}
                                </del>
                              ) : (
                                l.text
                              )}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  {(s.opportunitiesAdded.length > 0 || s.opportunitiesRemoved.length > 0) && (
                    <>
                      <h3 className="govuk-heading-s">Opportunities</h3>
                      <ul className="govuk-list govuk-list--bullet">
                        {s.opportunitiesAdded.map((o) => (
                          <li key={o.id}>Added: {o.title}</li>
                        ))}
                        {s.opportunitiesRemoved.map((o) => (
                          <li key={o.id}>No longer listed: {o.title}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              )}
            </section>
          ))}
          <Details summary="How the comparison works">
            <p className="govuk-body">
              Figures are compared by what they measure; text line by line (blank lines ignored); opportunities by the
              procurement or contract behind them.
            </p>
          </Details>
        </>
      )}
    </Page>
  );
}
