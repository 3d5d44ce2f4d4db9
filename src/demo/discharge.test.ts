import { describe, expect, it } from 'vitest';
import { createRng } from '../domain/core/random.js';
import { median } from '../domain/core/statistics.js';
import { DEMO_D2A_BEDS, DEMO_REHAB_BEDS, generateDischargeHistory, type GeneratorInput } from './dischargeHistory.js';

const DAY = 86_400_000;

function input(seed: number): GeneratorInput {
  const idRng = createRng(seed, 'ids');
  let n = 0;
  const home = (i: number, types: string[], specialisms: string[]) => ({
    locationId: `loc-${i}`,
    providerId: `prov-${i}`,
    serviceTypes: types,
    specialisms,
  });
  return {
    asAt: new Date('2026-11-23T00:00:00Z'),
    days: 395,
    careHomes: [
      ...Array.from({ length: 8 }, (_, i) =>
        home(i, ['care_home_nursing'], i % 2 ? ['dementia', 'older_people'] : ['older_people']),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        home(10 + i, ['care_home_residential'], i % 3 ? ['dementia', 'older_people'] : ['older_people']),
      ),
    ],
    agencies: Array.from({ length: 9 }, (_, i) => home(30 + i, ['homecare'], ['older_people'])),
    d2aBedIds: Array.from({ length: DEMO_D2A_BEDS }, (_, i) => `d2a-${i}`),
    rehabBedIds: Array.from({ length: DEMO_REHAB_BEDS.winter }, (_, i) => ({
      id: `rehab-${i}`,
      winterOnly: i >= DEMO_REHAB_BEDS.base,
    })),
    ids: () => `id-${idRng.int(0, 1e9)}-${n++}`,
  };
}

describe('generateDischargeHistory', () => {
  const inp = input(7);
  const h = generateDischargeHistory(createRng(7, 'history'), inp);
  const asAt = inp.asAt.getTime();
  const lastYear = h.referrals.filter((r) => r.medicallyOptimisedAt!.getTime() >= asAt - 365 * DAY);
  const byPathway = [0, 1, 2, 3].map((p) => lastYear.filter((r) => r.pathway === p).length);

  it('is deterministic for a seed', () => {
    const again = generateDischargeHistory(createRng(7, 'history'), input(7));
    expect(JSON.stringify(again)).toBe(JSON.stringify(h));
  });

  it('has about 4,000 arrivals a year across pathways 1–3 and ~147 a month on pathway 0', () => {
    expect(byPathway[1] + byPathway[2] + byPathway[3]).toBeGreaterThan(3_700);
    expect(byPathway[1] + byPathway[2] + byPathway[3]).toBeLessThan(4_400);
    expect(byPathway[0] / 12).toBeGreaterThan(130);
    expect(byPathway[0] / 12).toBeLessThan(165);
  });

  function occupiedAt(t: number, prefix: string): number {
    return h.stays.filter(
      (s) =>
        String(s.bedId).startsWith(prefix) &&
        s.admittedAt!.getTime() <= t &&
        (s.leftAt === null || s.leftAt!.getTime() > t),
    ).length;
  }

  it('never puts more people in D2A or rehab beds than there are beds, and rehab averages ~54 occupied', () => {
    let rehabSum = 0;
    let days = 0;
    for (let t = asAt - 365 * DAY; t < asAt; t += DAY) {
      expect(occupiedAt(t, 'd2a-')).toBeLessThanOrEqual(DEMO_D2A_BEDS);
      const rehab = occupiedAt(t, 'rehab-');
      expect(rehab).toBeLessThanOrEqual(DEMO_REHAB_BEDS.winter);
      rehabSum += rehab;
      days++;
    }
    // BCF plan: "The average occupancy is 54 beds"
    expect(rehabSum / days).toBeGreaterThan(49);
    expect(rehabSum / days).toBeLessThan(59);
  });

  it('sends about 30% of people home after D2A (BCF plan 2023-25)', () => {
    const ended = h.stays.filter((s) => String(s.bedId).startsWith('d2a-') && s.outcome);
    const home = ended.filter((s) => s.outcome === 'usual_residence').length / ended.length;
    expect(ended.length).toBeGreaterThan(200);
    expect(home).toBeGreaterThan(0.22);
    expect(home).toBeLessThan(0.38);
  });

  it('gives realistic waits: pathway 0 same day, care homes days, and a live board at asAt', () => {
    const wait = (p: number, need?: string) =>
      median(
        lastYear
          .filter((r) => r.pathway === p && r.dischargedAt && (!need || r.serviceNeed === need))
          .map((r) => (r.dischargedAt!.getTime() - r.medicallyOptimisedAt!.getTime()) / DAY),
      )!;
    expect(wait(0)).toBeLessThan(0.5);
    expect(wait(1)).toBeLessThan(3);
    expect(wait(3, 'care_home_nursing')).toBeGreaterThan(2.5);
    expect(wait(3, 'care_home_nursing')).toBeLessThan(8);
    // Block-booked D2A beds and reablement run busy but stable: waits of a day or two, not weeks.
    expect(wait(3, 'd2a_bed')).toBeLessThan(5);
    expect(wait(1, 'reablement')).toBeLessThan(2.5);
    expect(wait(2)).toBeLessThan(5);
    const waiting = h.referrals.filter(
      (r) => !r.dischargedAt && !r.cancelledAt && r.medicallyOptimisedAt!.getTime() <= asAt,
    );
    expect(waiting.length).toBeGreaterThan(10);
    expect(waiting.length).toBeLessThan(120);
    // Every waiting person over half a day has an open delay reason.
    const open = new Set(h.delays.filter((d) => d.toAt === null).map((d) => d.referralId));
    for (const r of waiting.filter((w) => w.pathway > 0 && asAt - w.medicallyOptimisedAt!.getTime() > DAY))
      expect(open.has(r.id)).toBe(true);
  });

  it('keeps brokerage consistent: one award per referral, awarded offers priced, steps in order', () => {
    const awards = new Map<string, number>();
    for (const a of h.awards) awards.set(String(a.referralId), (awards.get(String(a.referralId)) ?? 0) + 1);
    expect([...awards.values()].every((n) => n === 1)).toBe(true);
    for (const q of h.requests.filter((x) => x.status === 'awarded')) expect(q.pricePence).toBeGreaterThan(0);
    for (const r of h.referrals) {
      if (r.requestSentAt && r.firstOfferAt)
        expect(r.firstOfferAt.getTime()).toBeGreaterThanOrEqual(r.requestSentAt.getTime());
      if (r.awardedAt && r.dischargedAt) expect(r.dischargedAt.getTime()).toBeGreaterThanOrEqual(r.awardedAt.getTime());
      expect(r.referredAt!.getTime()).toBeLessThanOrEqual(r.medicallyOptimisedAt!.getTime());
    }
  });
});
