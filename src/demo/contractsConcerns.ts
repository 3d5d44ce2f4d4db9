// The contracts demo's provider concerns: sixteen concerns, safeguarding referrals, complaints and whistleblowing
// reports about the market's older people's homes and agencies over the last year, each with its history.
import type { Db } from '../db/client.js';
import { providerConcernEvents, providerConcerns } from '../db/contracts/schema.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, daysBetween, type IsoDate } from '../domain/core/dates.js';
import { CONCERN_STATUSES } from '../domain/contracts/concern.js';
import type { ContractsMarket } from './contractsRegister.js';

const CONCERN_KINDS = ['provider_concern', 'safeguarding_referral', 'complaint', 'whistleblowing'];
const CONCERN_TEXT: Record<string, string[]> = {
  provider_concern: [
    'Late visits reported by two families',
    'Staffing below assessed levels at weekends',
    'Medication administration errors reported',
  ],
  safeguarding_referral: [
    'Unexplained bruising reported by family (section 42 enquiry opened)',
    'Alleged financial abuse by a visitor',
    'Fall with injury not reported promptly',
  ],
  complaint: ['Complaint about quality of food and choice', 'Complaint about call handling out of hours'],
  whistleblowing: ['Anonymous report of unsafe moving and handling practice'],
};

/**
 * Insert sixteen concerns (drawn from `cg`) raised 3 to 360 days before `asAt` about the older people's homes
 * and the first twelve agencies: most of those over two months old closed, the open ones further through the
 * lifecycle the older they are; each with one history event per step.
 */
export async function loadConcerns(db: Db, m: ContractsMarket, asAt: IsoDate, cg: Rng): Promise<void> {
  const concernLocs = [...m.olderHomes, ...m.agencies.slice(0, 12)];
  for (let i = 0; i < 16; i++) {
    const l = concernLocs[cg.int(0, concernLocs.length - 1)];
    const kind = cg.weighted(CONCERN_KINDS, [5, 4, 3, 1]);
    const raisedOn = addDays(asAt, -cg.int(3, 360));
    const closed = raisedOn < addDays(asAt, -60) && cg.next() < 0.8;
    // An open concern stands at a stage of the lifecycle: the older it is, the further on.
    const age = daysBetween(raisedOn, asAt);
    const stage = closed ? 4 : age < 7 ? 0 : age < 21 ? 1 : age < 60 ? 2 : 3;
    const path = CONCERN_STATUSES.slice(0, stage + 1);
    const closedOn = closed ? addDays(raisedOn, cg.int(10, 50)) : null;
    const [concern] = await db
      .insert(providerConcerns)
      .values({
        locationId: l.id,
        providerId: l.providerId,
        kind,
        raisedOn,
        summary: cg.pick(CONCERN_TEXT[kind]),
        status: path[path.length - 1],
        closedOn,
        agreedAction: stage >= 3 ? 'Provider action plan agreed: weekly review with the quality team' : null,
        safeguardingReferralOn: kind === 'safeguarding_referral' ? raisedOn : null,
        safeguardingReference:
          kind === 'safeguarding_referral' ? `ASG/${raisedOn.slice(0, 4)}/${String(100 + i).padStart(4, '0')}` : null,
      })
      .returning({ id: providerConcerns.id });
    // Its history: one step every few days from the day it was raised (closing on its closing date).
    await db.insert(providerConcernEvents).values(
      path.map((to, n) => ({
        concernId: concern.id,
        at: new Date(`${to === 'closed' && closedOn ? closedOn : addDays(raisedOn, Math.min(n * 5, age))}T10:00:00Z`),
        kind: n === 0 ? 'log' : 'transition',
        fromStatus: n === 0 ? null : path[n - 1],
        toStatus: to,
      })),
    );
  }
}
