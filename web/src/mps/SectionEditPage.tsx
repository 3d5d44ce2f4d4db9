// The market position statement's section editor: a section's blocks, their history and its review.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  formatDateTime,
  LoadingOrError,
  NotificationBanner,
  Page,
  Textarea,
  UnsavedChangesGuard,
  WarningText,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';
import { SectionBody } from './StatementView';
import type { BlockHistory, DraftResponse, SectionDraft } from './types';
import { EDITORS, StatusTag } from './staffParts';

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
  /** Blocks the user emptied and is being asked about before they are saved empty. */
  const [emptyToConfirm, setEmptyToConfirm] = useState<string[] | null>(null);
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

  const save = (e: FormEvent | null, emptyConfirmed = false) => {
    e?.preventDefault();
    const blocks = data.blocks
      .filter((b) => current[b.key] !== b.text)
      .map((b) => ({ blockKey: b.key, text: current[b.key], baseVersion: b.version }));
    if (blocks.length === 0) {
      setErrors([{ message: 'You have not changed any text' }]);
      return;
    }
    // Saving a block with no text empties it in the statement: ask first (earlier versions can still be restored).
    const emptied = data.blocks.filter((b) => current[b.key] !== b.text && !current[b.key].trim());
    if (emptied.length && !emptyConfirmed) {
      setEmptyToConfirm(emptied.map((b) => b.heading ?? data.title));
      return;
    }
    setEmptyToConfirm(null);
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
      <UnsavedChangesGuard when={changed && !busy} />
      <ErrorSummary errors={summaryErrors} />
      {message && <NotificationBanner type="success" heading={message} />}
      <p className="govuk-body">
        Status: <StatusTag status={data.status} />
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          {!editor ? (
            // A role that only reads sees the section as it will read (opposite) and its review, never an editor.
            <div className="govuk-inset-text">
              You can read this section. Only commissioners and administrators can change its text or review it.
            </div>
          ) : (
            <>
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
                        onChange={(v) => {
                          setTexts({ ...current, [b.key]: v });
                          setEmptyToConfirm(null);
                        }}
                        error={i >= 0 ? blockError(i) : undefined}
                      />
                      {b.version > 1 && <BlockHistoryDetails sectionKey={key} blockKey={b.key} />}
                    </div>
                  );
                })}
                {emptyToConfirm ? (
                  <div role="alert">
                    <WarningText>
                      {`You have removed all the text of ${emptyToConfirm.join(', ')}. Saving leaves ${emptyToConfirm.length === 1 ? 'it' : 'them'} empty in the statement, and the section goes back to draft.`}
                    </WarningText>
                    <ButtonGroup>
                      <Button type="button" variant="warning" disabled={busy} onClick={() => save(null, true)}>
                        Save the empty text
                      </Button>
                      <Button type="button" variant="secondary" onClick={() => setEmptyToConfirm(null)}>
                        Keep editing
                      </Button>
                    </ButtonGroup>
                  </div>
                ) : (
                  <Button disabled={busy || !changed}>Save changes</Button>
                )}
              </form>
            </>
          )}
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
