import { describe, expect, it } from 'vitest';
import { forecastProcurement, planBackwards, stageProblems, type StageDates } from './procurement.js';

function s(
  stage: StageDates['stage'],
  plannedStart: string,
  plannedEnd: string,
  actualStart: string | null = null,
  actualEnd: string | null = null,
): StageDates {
  return { stage, plannedStart, plannedEnd, actualStart, actualEnd };
}

// Carers hub re-tender: current contract ends 31 March 2026.
const plan = [
  s('options_appraisal', '2025-06-02', '2025-07-11', '2025-06-02', '2025-07-25'), // finished 14 days late
  s('soft_market_test', '2025-07-14', '2025-08-08', '2025-07-28', '2025-08-22'),
  s('tender_published', '2025-09-01', '2025-10-10', '2025-09-15', null), // under way, planned end passed
  s('evaluation', '2025-10-13', '2025-11-07'),
  s('award', '2025-11-10', '2025-11-14'),
  s('standstill', '2025-11-17', '2025-11-28'),
  s('mobilisation', '2025-12-01', '2026-03-31'),
  s('go_live', '2026-04-01', '2026-04-01'),
];

describe('procurement forecast', () => {
  it('pushes later stages back by the slip so far and flags a go-live after the contract ends', () => {
    const f = forecastProcurement(plan, '2026-03-31', '2025-11-23');
    const byStage = Object.fromEntries(f.stages.map((x) => [x.stage, x]));
    expect(byStage.options_appraisal.status).toBe('complete');
    expect(byStage.options_appraisal.slipDays).toBe(14);
    expect(byStage.soft_market_test.slipDays).toBe(14);
    // Tender started 15 Sep with a 39-day plan → 24 Oct, but it is still open on 23 Nov.
    expect(byStage.tender_published.status).toBe('overdue');
    expect(byStage.tender_published.forecastEnd).toBe('2025-11-23');
    expect(byStage.tender_published.slipDays).toBe(44);
    // Evaluation: planned 13 Oct + 44 days = 26 Nov, 25 days long → 21 Dec.
    expect(byStage.evaluation.forecastStart).toBe('2025-11-26');
    expect(byStage.evaluation.forecastEnd).toBe('2025-12-21');
    // Go-live: 1 Apr 2026 + 44 days = 15 May 2026.
    expect(f.plannedGoLive).toBe('2026-04-01');
    expect(f.forecastGoLive).toBe('2026-05-15');
    expect(f.latestSafeGoLive).toBe('2026-04-01');
    expect(f.cannotFinishBeforeContractEnd).toBe(true);
    expect(f.gapDays).toBe(44);
    expect(f.currentStage).toBe('tender_published');
    expect(f.complete).toBe(false);
  });

  it('does not flag a plan that goes live the day after the contract ends', () => {
    const onTime = plan.map((x) => ({ ...x, actualStart: null, actualEnd: null }));
    const f = forecastProcurement(onTime, '2026-03-31', '2025-05-01');
    expect(f.forecastGoLive).toBe('2026-04-01');
    expect(f.cannotFinishBeforeContractEnd).toBe(false);
    expect(f.gapDays).toBe(0);
    expect(f.currentStage).toBe('options_appraisal');
  });

  it('skips stages not used by the route', () => {
    const direct = plan.map((x) =>
      x.stage === 'tender_published' || x.stage === 'evaluation' ? { ...x, notApplicable: true } : x,
    );
    const f = forecastProcurement(direct, '2026-03-31', '2025-11-23');
    expect(f.stages.find((x) => x.stage === 'evaluation')?.status).toBe('not_applicable');
    // Only the 14-day slip from the options appraisal carries: go-live 15 Apr 2026.
    expect(f.forecastGoLive).toBe('2026-04-15');
  });

  it('checks dates and the Procurement Act standstill', () => {
    const problems = stageProblems([
      s('award', '2025-11-14', '2025-11-10'),
      s('standstill', '2025-11-17', '2025-11-21'), // 4 working days
      s('evaluation', '2025-10-13', '2025-11-07', null, '2025-11-07'),
    ]);
    expect(problems).toEqual([
      { field: 'stages.award.plannedEnd', message: 'Award: planned end is before planned start' },
      {
        field: 'stages.standstill.plannedEnd',
        message: 'Standstill is 4 working days; the Procurement Act 2023 requires at least 8',
      },
      { field: 'stages.evaluation.actualStart', message: 'Evaluation: an actual end needs an actual start' },
    ]);
  });

  it('plans a full tender backwards from the go-live date', () => {
    const p = planBackwards('2026-10-01');
    expect(p[p.length - 1]).toMatchObject({ stage: 'go_live', plannedStart: '2026-10-01' });
    expect(p.find((x) => x.stage === 'mobilisation')).toMatchObject({
      plannedStart: '2026-07-09',
      plannedEnd: '2026-09-30',
    });
    // 6+4+6+6+4+2+2+12 = 42 weeks back to back = 294 days before 1 Oct 2026.
    expect(p[0].plannedStart).toBe('2025-12-11');
    expect(stageProblems(p)).toEqual([]);
  });
});
