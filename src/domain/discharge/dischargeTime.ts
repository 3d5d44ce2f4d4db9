// When a person left hospital, checked once for the API, the database write and the form: the real time they left
// (issue 13: recording a discharge took the time of the click), never in the future, never before the referral was
// made nor before the person was medically optimised.
import { londonDateTimeText } from '../core/dates.js';

/** A minute's grace for clocks a little apart (the browser's and the server's). */
const CLOCK_SKEW_MS = 60_000;
const MINUTE_MS = 60_000;

/** The start of the minute `at` falls in: the form takes hours and minutes, so a time in the same minute is not "before". */
function minuteOf(at: Date): number {
  return Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
}

/**
 * The problem with a discharge time, in the user's words, or null when it is acceptable.
 * @param at when the person left hospital (to the minute, as the form takes it: a time in the same minute as the
 *   referral or medically optimised time counts as after it)
 * @param now the time now
 * @param referral when the referral was made and when the person was medically optimised
 * @returns a message naming the time it must not be before (London local time), or null
 */
export function dischargeTimeProblem(
  at: Date,
  now: Date,
  referral: { referredAt: Date; medicallyOptimisedAt: Date },
): string | null {
  if (Number.isNaN(at.getTime())) return 'Enter a real date and time';
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'The time they left hospital cannot be in the future';
  if (at.getTime() < minuteOf(referral.referredAt))
    return `The time they left hospital must be after the referral was made (${londonDateTimeText(referral.referredAt)})`;
  if (at.getTime() < minuteOf(referral.medicallyOptimisedAt))
    return `The time they left hospital must be after they were medically optimised (${londonDateTimeText(referral.medicallyOptimisedAt)})`;
  return null;
}
