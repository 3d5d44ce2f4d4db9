/**
 * Today's position for the capacity planner, from the hub's live records: for each block-capacity service,
 * the people now in it (days since discharge into it) and the people medically optimised and waiting for it
 * in hospital (days since medically optimised) — the people on the hub board's pathway 1 (reablement),
 * pathway 2 and pathway 3 (D2A bed) lanes.
 */
import { DAY_MS, londonDate } from '../../core/dates.js';
import type { HubPosition } from './baseline.js';

/** One open or running referral, as the position needs it (no personal data). */
export interface PositionRecord {
  pathway: number;
  /** SERVICE_NEEDS value, e.g. 'reablement', 'rehab_bed', 'd2a_bed'. */
  serviceNeed: string;
  medicallyOptimisedAt: Date;
  dischargedAt: Date | null;
  serviceEndedAt: Date | null;
}

/** Longest a service is taken to run: someone discharged longer ago with no end recorded is not counted. */
export const MAX_DAYS_IN_SERVICE = 365;

/** The planner's service for a referral: p1 reablement, p2 rehab or step-down beds, p3 D2A beds; else null. */
export function serviceOf(record: Pick<PositionRecord, 'pathway' | 'serviceNeed'>): 'p1' | 'p2' | 'p3' | null {
  if (record.pathway === 2) return 'p2';
  if (record.pathway === 1 && record.serviceNeed === 'reablement') return 'p1';
  if (record.pathway === 3 && record.serviceNeed === 'd2a_bed') return 'p3';
  return null;
}

/**
 * The hub's position at `now`: per service, days each person in service has spent in it and days each person
 * waiting has waited (both to 3 decimal places, longest first). People discharged more than
 * {@link MAX_DAYS_IN_SERVICE} days ago without a recorded end are left out (an unrecorded end, not a year-long
 * stay), and counted in `unrecordedEnds`.
 */
export function hubPosition(records: readonly PositionRecord[], now: Date): HubPosition & { unrecordedEnds: number } {
  const services = new Map<string, { inService: number[]; waiting: number[] }>(
    ['p1', 'p2', 'p3'].map((id) => [id, { inService: [], waiting: [] }]),
  );
  const t = now.getTime();
  let unrecordedEnds = 0;
  for (const r of records) {
    const id = serviceOf(r);
    if (!id) continue;
    const entry = services.get(id)!;
    if (r.dischargedAt === null) {
      if (r.medicallyOptimisedAt.getTime() <= t) entry.waiting.push(days(t - r.medicallyOptimisedAt.getTime()));
    } else if (r.dischargedAt.getTime() <= t && (r.serviceEndedAt === null || r.serviceEndedAt.getTime() > t)) {
      const spent = days(t - r.dischargedAt.getTime());
      if (spent > MAX_DAYS_IN_SERVICE) unrecordedEnds++;
      else entry.inService.push(spent);
    }
  }
  const when = now.toISOString();
  return {
    asAt: when,
    date: londonDate(now),
    source: `Hub board and service records at ${when.slice(0, 16).replace('T', ' ')} UTC`,
    services: [...services].map(([serviceId, v]) => ({
      serviceId,
      inService: v.inService.sort((a, b) => b - a),
      waiting: v.waiting.sort((a, b) => b - a),
    })),
    unrecordedEnds,
  };
}

function days(ms: number): number {
  return Math.round((ms / DAY_MS) * 1000) / 1000;
}
