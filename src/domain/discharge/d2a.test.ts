import { describe, expect, it } from 'vitest';
import { d2aSummary, lengthOfStayDays, occupancyByDay, type BedStay, type BlockBed } from './d2a.js';

const t = (iso: string) => new Date(iso);
const BEDS: BlockBed[] = [
  { bedId: 'B1', from: '2025-01-01', to: null },
  { bedId: 'B2', from: '2025-01-01', to: null },
  { bedId: 'B3', from: '2025-01-04', to: '2025-01-05' }, // one-night winter flex bed
];
const S1: BedStay = {
  stayId: 'S1',
  bedId: 'B1',
  personRef: 'P-1',
  admittedAt: t('2025-01-01T14:00Z'),
  leftAt: t('2025-01-05T10:00Z'),
  outcome: 'usual_residence',
};
const S2: BedStay = {
  stayId: 'S2',
  bedId: 'B2',
  personRef: 'P-2',
  admittedAt: t('2025-01-02T12:00Z'),
  leftAt: null,
  outcome: null,
};
const S3: BedStay = {
  stayId: 'S3',
  bedId: 'B1',
  personRef: 'P-3',
  admittedAt: t('2025-01-06T12:00Z'),
  leftAt: t('2025-02-18T12:00Z'),
  outcome: 'care_home',
};

describe('D2A occupancy', () => {
  it('counts beds contracted and occupied at each midnight census', () => {
    // Census at the end of 1 Jan: S1 in (admitted 14:00), S2 not yet; S1 leaves 5 Jan 10:00, so is in at the end of 4 Jan.
    expect(occupancyByDay(BEDS, [S1, S2, S3], '2025-01-01', '2025-01-07')).toEqual([
      { date: '2025-01-01', beds: 2, occupied: 1 },
      { date: '2025-01-02', beds: 2, occupied: 2 },
      { date: '2025-01-03', beds: 2, occupied: 2 },
      { date: '2025-01-04', beds: 3, occupied: 2 },
      { date: '2025-01-05', beds: 2, occupied: 1 },
      { date: '2025-01-06', beds: 2, occupied: 2 },
    ]);
  });
});

describe('D2A length of stay against six weeks', () => {
  const now = t('2025-02-20T12:00Z');
  it('measures stays to departure, or to now for people still in', () => {
    expect(lengthOfStayDays(S1, now)).toBeCloseTo(3 + 20 / 24, 10);
    expect(lengthOfStayDays(S2, now)).toBe(49);
  });
  it('summarises today, completed stays and where people went', () => {
    const s = d2aSummary(BEDS, [S1, S2, S3], now, '2025-01-01', '2025-03-01');
    expect(s.bedsContracted).toBe(2);
    expect(s.occupiedNow).toBe(1);
    expect(s.occupancyNow).toBe(0.5);
    expect(s.current).toEqual([
      {
        stayId: 'S2',
        bedId: 'B2',
        personRef: 'P-2',
        admittedAt: S2.admittedAt,
        daysIn: 49,
        daysToLimit: -7,
        overLimit: true,
      },
    ]);
    expect(s.completed).toBe(2);
    // LOS 3.8333 and 43 days: median (3.8333 + 43) / 2 = 23.4167
    expect(s.medianLengthOfStayDays).toBe(23.4);
    expect(s.overLimitCompleted).toBe(1);
    expect(s.overLimitShare).toBe(0.5);
    expect(s.outcomes).toEqual({ usual_residence: 1, care_home: 1, hospital: 0, died: 0, other: 0 });
    expect(s.outcomeShares.usual_residence).toBe(0.5);
  });
  it('gives mean occupancy as occupied bed-nights over contracted bed-nights', () => {
    const s = d2aSummary(BEDS, [S1, S2, S3], now, '2025-01-01', '2025-01-06');
    // occupied 1+2+2+2+1 = 8 over beds 2+2+2+3+2 = 11
    expect(s.meanOccupancy).toBeCloseTo(8 / 11, 4);
    expect(s.completed).toBe(1);
  });
});
