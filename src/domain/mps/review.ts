/**
 * The review of a section's narrative: a commissioner sends a section for review, a second person approves it or
 * asks for changes. Each review event records the version of every block it saw, so a section's status follows
 * from comparing those with the current versions: any edit after the last event makes the section a draft again.
 */
import { Conflict, Forbidden, InputError } from '../core/errors.js';

export const REVIEW_ACTIONS = ['sent_for_review', 'approved', 'changes_requested'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const SECTION_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];
export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

/** Block key → version number (0 for a block never written). */
export type BlockVersions = Record<string, number>;

export interface ReviewEvent {
  action: ReviewAction;
  byUserId: string | null;
  /** The block versions the event was about. */
  versions: BlockVersions;
}

function same(a: BlockVersions, b: BlockVersions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

/**
 * A section's status: the last review event's outcome while the blocks are as that event saw them, otherwise
 * (never reviewed, or edited since) draft. `events` are oldest first.
 */
export function sectionStatus(current: BlockVersions, events: readonly ReviewEvent[]): SectionStatus {
  const last = events.at(-1);
  if (!last || !same(current, last.versions)) return 'draft';
  return last.action === 'sent_for_review' ? 'in_review' : last.action;
}

/**
 * Checks a review step and returns the event to record.
 * - Send for review: from draft or changes requested; there must be some text.
 * - Approve or ask for changes: only while in review, by someone other than the person who sent it (four eyes),
 *   and only the versions that were sent (an edit since makes it a draft again).
 * @throws Conflict when the section is not in a state that allows the step; Forbidden when the sender reviews their
 *   own section; InputError when asking for changes without saying what.
 */
export function reviewStep(
  action: ReviewAction,
  byUserId: string,
  current: BlockVersions,
  events: readonly ReviewEvent[],
  comment: string | null,
): ReviewEvent {
  const status = sectionStatus(current, events);
  if (action === 'sent_for_review') {
    if (status === 'in_review') throw new Conflict('This section is already in review');
    if (status === 'approved') throw new Conflict('This section is approved and has not changed since');
    if (Object.values(current).every((v) => v === 0))
      throw new Conflict('Write some text in this section before sending it for review');
    return { action, byUserId, versions: { ...current } };
  }
  if (status !== 'in_review')
    throw new Conflict(
      status === 'draft'
        ? 'This section is not in review: it has been edited since it was sent, or was never sent'
        : `This section is not in review (it is ${SECTION_STATUS_LABELS[status].toLowerCase()})`,
    );
  const sentBy = events.at(-1)!.byUserId;
  if (sentBy !== null && sentBy === byUserId)
    throw new Forbidden('Someone other than the person who sent this section for review must review it');
  if (action === 'changes_requested' && !comment?.trim())
    throw InputError.field('comment', 'Say what needs to change', 'body');
  return { action, byUserId, versions: { ...current } };
}
