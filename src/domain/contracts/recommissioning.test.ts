import { describe, expect, it } from 'vitest';
import {
  decisionProblem,
  horizonFor,
  horizonTotals,
  recommissioningList,
  type RecommissioningInput,
} from './recommissioning.js';
import { forecastProcurement } from './procurement.js';

const asAt = '2025-11-23';
function contract(id: string, initialEndDate: string, extra: Partial<RecommissioningInput> = {}): RecommissioningInput {
  return {
    id,
    reference: id.toUpperCase(),
    title: `Contract ${id}`,
    providerName: 'Provider',
    serviceArea: 'prevention',
    annualValuePence: 10_000_000,
    leadOfficer: null,
    decision: null,
    procurement: null,
    startDate: '2022-04-01',
    initialEndDate,
    extensionOptionsMonths: [],
    extensionsTaken: 0,
    noticePeriodMonths: 3,
    breakClauseDates: [],
    ...extra,
  };
}

describe('recommissioning list', () => {
  it('puts each contract in the smallest horizon its end falls within', () => {
    expect(horizonFor(asAt, '2026-05-23')).toBe(6);
    expect(horizonFor(asAt, '2026-05-24')).toBe(12);
    expect(horizonFor(asAt, '2026-11-23')).toBe(12);
    expect(horizonFor(asAt, '2027-05-23')).toBe(18);
    expect(horizonFor(asAt, '2027-05-24')).toBeNull();
    expect(horizonFor(asAt, '2025-11-22')).toBeNull();
  });

  it('lists contracts ending within the horizon, soonest first, with decisions and flags', () => {
    const carers = contract('carers', '2026-03-31', { serviceArea: 'carers', annualValuePence: 45_000_000 });
    const hss = contract('hss', '2026-09-30', { decision: 're_tender', annualValuePence: 20_000_000 });
    const meals = contract('meals', '2027-03-31', { extensionOptionsMonths: [12], decision: 'extend' });
    const far = contract('far', '2028-03-31');
    // Re-tender planned to go live 1 Dec 2026, two months after the contract ends.
    const late = forecastProcurement(
      [
        {
          stage: 'tender_published',
          plannedStart: '2026-01-05',
          plannedEnd: '2026-02-13',
          actualStart: null,
          actualEnd: null,
        },
        { stage: 'go_live', plannedStart: '2026-12-01', plannedEnd: '2026-12-01', actualStart: null, actualEnd: null },
      ],
      '2026-09-30',
      asAt,
    );
    hss.procurement = late;

    const list = recommissioningList([far, meals, hss, carers], asAt);
    expect(list.map((e) => e.id)).toEqual(['carers', 'hss', 'meals']);
    const [c, h, m] = list;
    expect(c.horizon).toBe(6);
    expect(c.noticeDeadline).toBe('2025-12-31');
    expect(c.flags).toEqual(['Decision to make']);
    expect(c.options).toEqual(['re_tender', 'direct_award', 'decommission', 'bring_in_house']);
    expect(h.horizon).toBe(12);
    expect(h.forecastGoLive).toBe('2026-12-01');
    // Latest safe go-live is 1 Oct 2026; 1 Dec is 61 days later.
    expect(h.flags).toEqual(['Procurement cannot finish before the contract ends (61 days without cover)']);
    expect(m.horizon).toBe(18);
    expect(m.options[0]).toBe('extend');
    expect(m.flags).toEqual([]);

    expect(recommissioningList([far, meals, hss, carers], asAt, 12).map((e) => e.id)).toEqual(['carers', 'hss']);
    expect(horizonTotals(list)).toEqual([
      { horizon: 6, contracts: 1, annualValuePence: 45_000_000 },
      { horizon: 12, contracts: 2, annualValuePence: 65_000_000 },
      { horizon: 18, contracts: 3, annualValuePence: 75_000_000 },
    ]);
  });

  it('flags an overdue decision once the notice deadline has passed', () => {
    const list = recommissioningList([contract('x', '2026-01-31', { noticePeriodMonths: 6 })], asAt);
    expect(list[0].noticeDeadline).toBe('2025-07-31');
    expect(list[0].flags).toEqual(['Decision overdue: the notice deadline has passed']);
  });

  it('refuses to extend a contract with no options left', () => {
    expect(decisionProblem(contract('x', '2026-01-31'), 'extend')).toMatch(/no extension options left/);
    expect(decisionProblem(contract('x', '2026-01-31', { extensionOptionsMonths: [12] }), 'extend')).toBeNull();
  });
});
