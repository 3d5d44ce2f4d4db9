// The opportunities download (issue 13): the annual value as whole pounds under "(£)", a band in words where no
// amount is published, the council's words for its intention and stage.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../components/downloads';
import { OPPORTUNITY_DOWNLOAD_COLUMNS } from './downloads';
import type { Opportunity } from './types';

const base = {
  id: 'contract:1',
  kind: 'contract_ending',
  title: 'Home care (north)',
  serviceArea: 'homecare',
  serviceAreaLabel: 'Home care',
  careGroupLabel: null,
  sectionKeys: [],
  intention: 'Re-tender',
  stage: null,
  marketEngagementFrom: '2027-01-04',
  tenderFrom: null,
  awardBy: null,
  serviceStarts: null,
  currentContractEnds: '2027-09-30',
  annualValuePence: 123_456_789,
  annualValueBand: null,
} as unknown as Opportunity;

describe('opportunities download', () => {
  it('writes the annual value as whole pounds, and the band where only a band is published', () => {
    const csv = toCsv(OPPORTUNITY_DOWNLOAD_COLUMNS, [
      base,
      { ...base, title: 'Day opportunities', annualValuePence: null, annualValueBand: '£1m to £5m' },
      { ...base, title: 'Advocacy', annualValuePence: null, annualValueBand: null },
    ]).split('\r\n');
    expect(csv[0]).toBe(
      'Opportunity,Service area,Care group,Council’s intention,Stage now,Market engagement from,Tender expected,Award by,New service starts,Current contract ends,Annual value (£),Annual value band',
    );
    expect(csv[1]).toBe('Home care (north),Home care,,Re-tender,,2027-01-04,,,,2027-09-30,1234568,');
    expect(csv[2].endsWith(',,£1m to £5m')).toBe(true);
    expect(csv[3].endsWith(',,Not published')).toBe(true);
  });
});
