// The opportunities coming up in the Market Position Statement (procurements planned, contracts ending): when and
// how much, and the table that lists them.
import { formatDate, Table } from '../components';
import { formatPounds } from './format';
import type { Opportunity } from './types';

/** When an opportunity comes up, in words: the tender, else the new service's start, else the contract's end. */
export function opportunityWhen(o: Opportunity): string {
  if (o.tenderFrom) return `Tender expected ${formatDate(o.tenderFrom)}`;
  if (o.serviceStarts) return `New service from ${formatDate(o.serviceStarts)}`;
  if (o.currentContractEnds) return `Current contract ends ${formatDate(o.currentContractEnds)}`;
  return 'Date to be confirmed';
}

/** Annual value in pounds ("£450,000 a year", "£1.2 million a year"), else its value band, else 'Not published'. */
export function opportunityValue(o: Opportunity): string {
  if (o.annualValuePence !== null) return `${formatPounds(o.annualValuePence)} a year`;
  return o.annualValueBand ?? 'Not published';
}

const date = (d: string | null) => (d ? formatDate(d) : '–');

/** The opportunities as a table (all columns, or the short form inside a service section). */
export function OpportunitiesTable({
  opportunities,
  caption,
  full = false,
}: {
  opportunities: Opportunity[];
  caption: string;
  full?: boolean;
}) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      columns={[
        { key: 'title', header: 'Opportunity' },
        ...(full ? [{ key: 'serviceAreaLabel', header: 'Service area' }] : []),
        { key: 'intention', header: 'Council’s intention' },
        { key: 'stage', header: 'Stage now', render: (o: Opportunity) => o.stage ?? '–' },
        ...(full
          ? [
              {
                key: 'marketEngagementFrom',
                header: 'Market engagement',
                render: (o: Opportunity) => date(o.marketEngagementFrom),
              },
            ]
          : []),
        { key: 'tenderFrom', header: 'Tender expected', render: (o: Opportunity) => date(o.tenderFrom) },
        { key: 'serviceStarts', header: 'New service starts', render: (o: Opportunity) => date(o.serviceStarts) },
        {
          key: 'currentContractEnds',
          header: 'Current contract ends',
          render: (o: Opportunity) => date(o.currentContractEnds),
        },
        { key: 'value', header: 'Annual value', render: opportunityValue },
      ]}
      rows={opportunities}
      rowKey={(o) => o.id}
      emptyText="No procurements are planned and no contracts end in the next three years."
    />
  );
}
