// The directory's headline figures on the home dashboard: its size and the curator's work waiting.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { londonToday } from '../../domain/core/dates.js';
import type { SectionSource } from '../dashboard/types.js';

/** The directory section of the home dashboard: services listed, suggestions to review and entries past their review date. */
export const directorySection: SectionSource = async (db, actor) => {
  if (actor.role === 'provider') return null;
  const [row] = await queryRows<{ entries: number; active: number; pending: number; overdue: number }>(
    db,
    // One pass over the services for the three counts, and one over the suggestions.
    sql`select s.entries, s.active, s.overdue,
      (select count(*)::int from directory_suggestions where status = 'pending') as pending
      from (select count(*)::int as entries,
              count(*) filter (where status = 'active')::int as active,
              count(*) filter (where review_date <= ${londonToday()}::date)::int as overdue
            from directory_services) s`,
  );
  if (!row || Number(row.entries) === 0) return null;
  return {
    area: 'directory',
    title: 'Community services directory',
    figures: [
      {
        key: 'directoryEntries',
        label: 'Services in the directory',
        value: Number(row.entries),
        unit: 'count',
        hint: `${Number(row.active).toLocaleString('en-GB')} running`,
        href: '/directory',
      },
      {
        key: 'directorySuggestions',
        label: 'Suggestions to review',
        value: Number(row.pending),
        unit: 'count',
        href: '/directory/suggestions',
      },
      {
        key: 'directoryOverdue',
        label: 'Entries past their review date',
        value: Number(row.overdue),
        unit: 'count',
        href: '/directory/review',
      },
    ],
  };
};
