import { Tag } from './Tag';
import { formatAge, formatDate } from './format';

export interface DataFreshnessProps {
  /** Where the data comes from: "CQC care directory", "capacity returns". */
  source: string;
  /** When the data was published or last updated (ISO date or timestamp); null when never. */
  asAt: string | null | undefined;
  /** Older than this many days shows an "Out of date" tag. */
  staleAfterDays?: number;
  /** For tests and for pages that show data "as at" a chosen date. */
  now?: Date;
}

/** "CQC care directory: 20 November 2026 (3 days ago)", with an "Out of date" tag when too old. */
export function DataFreshness({ source, asAt, staleAfterDays, now = new Date() }: DataFreshnessProps) {
  if (!asAt) {
    return (
      <p className="govuk-body-s" data-freshness="none">
        {source}: no data yet <Tag colour="grey">No data</Tag>
      </p>
    );
  }
  const ageDays = (now.getTime() - new Date(asAt).getTime()) / 86_400_000;
  const stale = staleAfterDays !== undefined && ageDays > staleAfterDays;
  return (
    <p className="govuk-body-s" data-freshness={stale ? 'stale' : 'fresh'}>
      {source}: {formatDate(asAt)} ({formatAge(asAt, now)})
      {stale && (
        <>
          {' '}
          <Tag colour="orange">Out of date</Tag>
        </>
      )}
    </p>
  );
}
