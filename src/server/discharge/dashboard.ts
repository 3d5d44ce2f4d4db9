// The discharge hub's figures on the home dashboard: who is waiting now, and for providers, what needs an answer.
import { DISCHARGE_READERS, hasRole, type Actor } from '../../domain/core/auth.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { cachedByVersion } from '../../db/core/versions.js';
import { listRequestsForProvider } from '../../db/discharge/brokerage.js';
import { loadBoard } from '../../db/discharge/flow.js';
import type { DashboardSection } from '../dashboard/types.js';

/**
 * The discharge section of the home dashboard: for the hub, people waiting (and 7 days or more, and on pathway 3);
 * for a provider, requests to answer. Null for the hub before any referral, and for a role that may not open the
 * discharge area (its cards would link to a page it cannot see).
 */
export async function dischargeSection(db: Db, actor: Actor): Promise<DashboardSection | null> {
  if (!hasRole(actor, DISCHARGE_READERS)) return null;
  if (actor.role === 'provider') {
    if (!actor.providerId) return null;
    const requests = await listRequestsForProvider(db, actor.providerId);
    if (!requests.length) return null;
    return {
      area: 'discharge',
      title: 'Discharge requests',
      figures: [
        {
          key: 'to-answer',
          label: 'Requests needing your answer',
          value: requests.filter((r) => r.status === 'sent').length,
          unit: 'count',
          href: '/discharge',
        },
      ],
    };
  }
  // No referrals recorded yet: nothing to show (asked once per discharge data version).
  const any = await cachedByVersion(db, 'discharge', 'any-referral', async () => {
    const [row] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from discharge_referrals) as any`);
    return row?.any === true;
  });
  if (!any) return null;
  const lanes = await loadBoard(db);
  const waiting = lanes.reduce((a, l) => a + l.waiting, 0);
  return {
    area: 'discharge',
    title: 'Transfer of Care hub',
    figures: [
      {
        key: 'waiting',
        label: 'Medically optimised, still in hospital',
        value: waiting,
        unit: 'count',
        href: '/discharge',
      },
      {
        key: 'waiting-7',
        label: 'Waiting 7 days or more',
        value: lanes.reduce((a, l) => a + l.waitingSevenDaysOrMore, 0),
        unit: 'count',
        href: '/discharge',
      },
      {
        key: 'p3',
        label: 'Waiting for a care home or D2A bed (pathway 3)',
        value: lanes[3]?.waiting ?? 0,
        unit: 'count',
        href: '/discharge',
      },
    ],
  };
}
