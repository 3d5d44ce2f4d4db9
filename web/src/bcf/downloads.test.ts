// The BCF downloads carry the pages' words (issue 13): months, quarters, services, changes and levels by name,
// Yes/No, whole people, each metric's unit — the cells asserted as the CSV writes them.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../components/downloads';
import {
  demandCapacityColumns,
  fundingColumns,
  hicmColumns,
  METRIC_DOWNLOAD_COLUMNS,
  metricDownloadRows,
  schemeColumns,
} from './downloads';
import type { DcRow, HicmView, MetricsView } from './types';

const places = [{ id: 'p1', name: 'Eastbrook (demo borough)', gssCode: 'E06009901' }];

describe('BCF downloads', () => {
  it('writes demand and capacity with the month in words, the service by name and whole people', () => {
    const rows = [
      {
        placeId: 'p1',
        service: 'reablement',
        month: '2027-01',
        demand: 123.4,
        capacity: 110,
        shortfall: 13.4,
        demandSource: 'hub history',
        capacitySource: 'scenario Eastbrook intermediate care (BCF plan)',
      },
    ] as unknown as DcRow[];
    const csv = toCsv(
      demandCapacityColumns({ places, services: [{ key: 'reablement', label: 'Reablement at home' }] } as never),
      rows,
    ).split('\r\n');
    expect(csv[0]).toBe(
      'Place,Service,Month,Demand (people),Capacity (people),Shortfall (people),Demand source,Capacity source',
    );
    expect(csv[1]).toBe(
      'Eastbrook (demo borough),Reablement at home,January 2027,123,110,13,hub history,scenario Eastbrook intermediate care (BCF plan)',
    );
  });

  it('writes the metrics by quarter as Q1–Q4 with the unit in words, Yes/No and one decimal place', () => {
    const figure = { lower: 10.04, upper: 12.96, inputs: '3 ÷ 100', source: 'Steward', lowCount: true };
    const data = {
      places,
      metrics: [
        {
          placeId: 'p1',
          definition: { name: 'Discharge to usual place of residence', unit: 'percent' },
          quarters: [{ year: '2026/27', quarter: 2, plan: 92.45, actual: 91.0333, rag: 'amber', ...figure }],
        },
        {
          placeId: 'p1',
          definition: { name: 'Emergency admissions due to falls', unit: 'per_100000' },
          quarters: [{ year: '2026/27', quarter: 1, plan: 450, actual: null, rag: null, ...figure, lowCount: false }],
        },
      ],
    } as unknown as MetricsView;
    const csv = toCsv(METRIC_DOWNLOAD_COLUMNS, metricDownloadRows(data)).split('\r\n');
    expect(csv[1]).toBe(
      'Discharge to usual place of residence,Eastbrook (demo borough),2026/27,Q2,Percentage (%),92.5,91,10,13,Near plan,Yes,3 ÷ 100,Steward',
    );
    expect(csv[2]).toBe(
      'Emergency admissions due to falls,Eastbrook (demo borough),2026/27,Q1,"Per 100,000 in the quarter",450,,10,13,,No,3 ÷ 100,Steward',
    );
  });

  it('writes HICM assessments with the change and levels by name, not their numbers and keys', () => {
    const data = {
      places,
      changes: [{ number: 4, name: 'Home first' }],
      levels: [
        { key: 'established', label: 'Established' },
        { key: 'mature', label: 'Mature' },
      ],
    } as unknown as HicmView;
    const history = [
      {
        placeId: 'p1',
        change: 4,
        level: 'established',
        plannedLevel: 'mature',
        plannedBy: '2027-03-31',
        assessedOn: '2026-10-01',
        evidence: 'Most people go home first',
      },
    ] as unknown as HicmView['history'];
    const csv = toCsv(hicmColumns(data), history).split('\r\n');
    expect(csv[1]).toBe(
      '2026-10-01,Eastbrook (demo borough),4. Home first,Established,Most people go home first,Mature,2027-03-31',
    );
  });
  it('writes funding and schemes in the whole pounds the page shows, under "(£)" headers', () => {
    const funding = toCsv(
      fundingColumns((l) => (l === 'minimum_nhs' ? 'NHS minimum contribution' : l)),
      [
        {
          place: 'Eastbrook (demo borough)',
          fundingLine: 'minimum_nhs',
          incomePence: 1000000049,
          plannedPence: 967965203,
          actualPence: 967965250,
        },
      ],
    ).split('\r\n');
    expect(funding[0]).toBe('Place,Funding line,Income (£),Planned (£),Actual to date (£)');
    expect(funding[1]).toBe('Eastbrook (demo borough),NHS minimum contribution,10000000,9679652,9679653');
    const scheme = {
      id: 's1',
      ref: 'EB-01',
      name: 'Home, Settle and Support',
      placeId: 'p1',
      schemeType: 'Home care',
      subType: 'Reablement',
      commissioner: 'Local authority',
      provider: 'Council',
      funding: [
        { year: '2026/27', plannedPence: 60000000 },
        { year: '2027/28', plannedPence: 1 },
      ],
      actuals: [
        { year: '2026/27', actualPence: 41120806 },
        { year: '2026/27', actualPence: 14125124 },
      ],
    } as never;
    const schemes = toCsv(
      schemeColumns('2026/27', () => 'Eastbrook (demo borough)'),
      [scheme],
    ).split('\r\n');
    expect(schemes[0]).toBe(
      'Scheme ID,Scheme name,Place,Scheme type,Sub type,Commissioner,Provider,Planned 2026/27 (£),Actual to date (£)',
    );
    expect(schemes[1]).toBe(
      'EB-01,"Home, Settle and Support",Eastbrook (demo borough),Home care,Reablement,Local authority,Council,600000,552459',
    );
  });
});
