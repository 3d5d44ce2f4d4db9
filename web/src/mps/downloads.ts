// The opportunities download in the page's words: dates as written, the annual value as whole pounds a
// spreadsheet can add up (the published band where there is no amount). No React here, so it can be unit tested.
import type { DownloadColumn } from '../components/downloads';
import type { Opportunity } from './types';

/** The opportunities download's columns. */
export const OPPORTUNITY_DOWNLOAD_COLUMNS: DownloadColumn<Opportunity>[] = [
  { key: 'title', header: 'Opportunity' },
  { key: 'serviceAreaLabel', header: 'Service area' },
  { key: 'careGroupLabel', header: 'Care group', value: (o: Opportunity) => o.careGroupLabel ?? '' },
  { key: 'intention', header: 'Council’s intention' },
  { key: 'stage', header: 'Stage now', value: (o: Opportunity) => o.stage ?? '' },
  {
    key: 'marketEngagementFrom',
    header: 'Market engagement from',
    value: (o: Opportunity) => o.marketEngagementFrom ?? '',
  },
  { key: 'tenderFrom', header: 'Tender expected', value: (o: Opportunity) => o.tenderFrom ?? '' },
  { key: 'awardBy', header: 'Award by', value: (o: Opportunity) => o.awardBy ?? '' },
  { key: 'serviceStarts', header: 'New service starts', value: (o: Opportunity) => o.serviceStarts ?? '' },
  {
    key: 'currentContractEnds',
    header: 'Current contract ends',
    value: (o: Opportunity) => o.currentContractEnds ?? '',
  },
  // The amount as a number a spreadsheet can add up (whole pounds), the published band where there is no amount.
  {
    key: 'value',
    header: 'Annual value (£)',
    value: (o: Opportunity) => (o.annualValuePence === null ? null : Math.round(o.annualValuePence / 100)),
    numFmt: '£#,##0',
  },
  {
    key: 'band',
    header: 'Annual value band',
    value: (o: Opportunity) => (o.annualValuePence === null ? (o.annualValueBand ?? 'Not published') : ''),
  },
];
