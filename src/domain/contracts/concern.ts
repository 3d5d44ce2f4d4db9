// The provider concern lifecycle, as councils' quality and safeguarding teams run it (a "provider concerns"
// or "organisational safeguarding" process): a concern is logged, triaged (is it a concern for quality, for
// safeguarding, or neither?), investigated, an action is agreed with the provider, and it is closed. A
// safeguarding referral to the adult safeguarding team (Care Act 2014 s42) is recorded by its date and the
// team's reference. Pure: the database layer (src/db/contracts/concerns.ts) applies these rules.
import { longDateText, type IsoDate } from '../core/dates.js';

export const CONCERN_STATUSES = ['logged', 'triaged', 'investigating', 'action_agreed', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  logged: 'Logged',
  triaged: 'Triaged',
  investigating: 'Investigating',
  action_agreed: 'Action agreed',
  closed: 'Closed',
};

/** What a quality officer does to move a concern on, by the status it moves to. */
export const CONCERN_STEP_LABELS: Record<Exclude<ConcernStatus, 'logged'>, string> = {
  triaged: 'Triage',
  investigating: 'Start investigating',
  action_agreed: 'Record the action agreed',
  closed: 'Close the concern',
};

/** Most characters in a note, an agreed action or a provider's response; a safeguarding reference. */
export const CONCERN_TEXT_MAX = 5000;
export const SAFEGUARDING_REFERENCE_MAX = 40;

/** The steps a concern at `status` may take next: on to the next stage, or closed early (with a reason). */
export function nextConcernStatuses(status: ConcernStatus): ConcernStatus[] {
  switch (status) {
    case 'logged':
      return ['triaged', 'closed'];
    case 'triaged':
      return ['investigating', 'closed'];
    case 'investigating':
      return ['action_agreed', 'closed'];
    case 'action_agreed':
      return ['closed'];
    case 'closed':
      return [];
  }
}

/** True for a concern not yet closed. */
export function isOpenConcern(status: string): boolean {
  return status !== 'closed';
}

export interface ConcernStep {
  to: ConcernStatus;
  /** The officer's note: why it was triaged so, what the investigation found, why it closed. */
  note: string | null;
  /** The action agreed with the provider: needed to move to action_agreed. */
  agreedAction?: string | null;
  /** The date the step happened (defaults to today): not before the concern was raised, not in the future. */
  on: IsoDate;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Checks one step of a concern's lifecycle.
 * Rules: only the next stage, or closing, may follow (`nextConcernStatuses`); the action agreed needs its
 * text; closing before an action was agreed needs a note saying why (e.g. "no further action after triage");
 * the step's date is not before the concern was raised nor after today.
 * @returns the problems, each naming its field (`to`, `agreedAction`, `note`, `on`); empty when the step may happen
 */
export function concernStepProblems(
  concern: { status: ConcernStatus; raisedOn: IsoDate },
  step: ConcernStep,
  today: IsoDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = nextConcernStatuses(concern.status);
  if (!allowed.includes(step.to)) {
    problems.push({
      field: 'to',
      message:
        concern.status === 'closed'
          ? 'This concern is closed: it cannot move on'
          : `A concern that is ${CONCERN_STATUS_LABELS[concern.status].toLowerCase()} can next be ${allowed
              .map((s) => CONCERN_STATUS_LABELS[s].toLowerCase())
              .join(' or ')}`,
    });
    return problems;
  }
  if (step.to === 'action_agreed' && !step.agreedAction?.trim())
    problems.push({ field: 'agreedAction', message: 'Enter the action agreed with the provider' });
  if (step.to === 'closed' && concern.status !== 'action_agreed' && !step.note?.trim())
    problems.push({ field: 'note', message: 'Say why the concern is closed before an action was agreed' });
  problems.push(...dateProblems('on', 'Date', step.on, concern.raisedOn, today));
  return problems;
}

/**
 * Checks a safeguarding referral as recorded against a concern: the date it was made (not before the concern
 * was raised, not in the future) and the safeguarding team's reference (1–40 characters: letters, digits,
 * spaces and / - .). Not on a closed concern.
 * @returns problems naming `referralOn`, `reference` or `status`; empty when it may be recorded
 */
export function safeguardingReferralProblems(
  concern: { status: ConcernStatus; raisedOn: IsoDate },
  referral: { referralOn: IsoDate; reference: string },
  today: IsoDate,
): FieldProblem[] {
  if (concern.status === 'closed')
    return [{ field: 'status', message: 'This concern is closed: a referral cannot be recorded against it' }];
  const problems = dateProblems('referralOn', 'Date of the referral', referral.referralOn, concern.raisedOn, today);
  const ref = referral.reference.trim();
  if (!ref) problems.push({ field: 'reference', message: 'Enter the safeguarding team’s reference' });
  else if (ref.length > SAFEGUARDING_REFERENCE_MAX)
    problems.push({
      field: 'reference',
      message: `The reference must be ${SAFEGUARDING_REFERENCE_MAX} characters or fewer`,
    });
  else if (!/^[A-Za-z0-9][A-Za-z0-9 /.-]*$/.test(ref))
    problems.push({
      field: 'reference',
      message: 'The reference can only have letters, numbers, spaces and / - . (no names)',
    });
  return problems;
}

/**
 * Checks the provider's response to a concern about one of its locations: some text, and the concern not closed.
 * @returns problems naming `response` or `status`
 */
export function providerResponseProblems(concern: { status: ConcernStatus }, response: string): FieldProblem[] {
  if (concern.status === 'closed')
    return [{ field: 'status', message: 'This concern is closed: contact the quality team to add to it' }];
  if (!response.trim()) return [{ field: 'response', message: 'Enter your response to the concern' }];
  if (response.length > CONCERN_TEXT_MAX)
    return [{ field: 'response', message: `Your response must be ${CONCERN_TEXT_MAX} characters or fewer` }];
  return [];
}

function dateProblems(field: string, what: string, on: IsoDate, raisedOn: IsoDate, today: IsoDate): FieldProblem[] {
  if (on > today) return [{ field, message: `${what} must be today or in the past` }];
  if (on < raisedOn)
    return [
      {
        field,
        message: `${what} must be on or after the day the concern was raised (${longDateText(raisedOn)})`,
      },
    ];
  return [];
}
