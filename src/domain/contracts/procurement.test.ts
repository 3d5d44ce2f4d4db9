import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { daysBetween, workingDaysBetween } from '../core/dates.js';
import {
  earliestGoLive,
  forecastProcurement,
  goLiveProblem,
  planBackwards,
  stageProblems,
  type StageDates,
} from './procurement.js';

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

  it('refuses actual dates after today, naming the stage and field', () => {
    expect(stageProblems(plan, '2025-11-23')).toEqual([]);
    // Issue 13: a procurement stage that "actually ended" in 2030.
    const future = plan.map((x) => (x.stage === 'tender_published' ? { ...x, actualEnd: '2030-01-10' } : x));
    expect(stageProblems(future, '2025-11-23')).toEqual([
      {
        field: 'stages.tender_published.actualEnd',
        message: 'Tender published: actual end must be today or in the past',
      },
    ]);
  });

  it('keeps the stages in order: nothing before the procurement starts, actual starts in stage order', () => {
    const early = plan.map((x) =>
      x.stage === 'award'
        ? { ...x, plannedStart: '2025-05-01' }
        : x.stage === 'evaluation'
          ? { ...x, actualStart: '2025-09-01' }
          : x,
    );
    expect(stageProblems(early, '2025-11-23')).toEqual([
      {
        field: 'stages.evaluation.actualStart',
        message:
          'Evaluation: the actual start (1 September 2025) is before Tender published actually started (15 September 2025): stages start in order',
      },
      {
        field: 'stages.award.plannedStart',
        message:
          'Award: the planned start (1 May 2025) is before the procurement starts with Options appraisal on 2 June 2025: plan it on or after that day',
      },
    ]);
    // A stage that does not apply is not held to the order.
    expect(
      stageProblems(
        early.map((x) => (x.stage === 'award' || x.stage === 'evaluation' ? { ...x, notApplicable: true } : x)),
        '2025-11-23',
      ),
    ).toEqual([]);
  });

  it('refuses a go-live planned before an earlier stage ends, or live before the earlier stages ended', () => {
    const soon = plan.map((x) =>
      x.stage === 'go_live' ? { ...x, plannedStart: '2026-03-01', plannedEnd: '2026-03-01' } : x,
    );
    expect(stageProblems(soon)).toEqual([
      {
        field: 'stages.go_live.plannedStart',
        message:
          'Go-live: the planned go-live (1 March 2026) is before Mobilisation is planned to end (31 March 2026): plan go-live after every earlier stage ends',
      },
    ]);
    const done = plan.map((x) => ({
      ...x,
      actualStart: x.actualStart ?? x.plannedStart,
      actualEnd: x.actualEnd ?? x.plannedEnd,
    }));
    expect(stageProblems(done, '2026-04-02')).toEqual([]);
    const liveEarly = done.map((x) =>
      x.stage === 'go_live'
        ? { ...x, actualStart: '2026-03-20', actualEnd: '2026-03-20' }
        : x.stage === 'evaluation'
          ? { ...x, actualEnd: null }
          : x,
    );
    expect(stageProblems(liveEarly, '2026-04-02')).toEqual([
      {
        field: 'stages.go_live.actualStart',
        message:
          'Go-live: the service went live on 20 March 2026 but Evaluation has no actual end: record when it actually ended first',
      },
      {
        field: 'stages.go_live.actualStart',
        message:
          'Go-live: the service went live on 20 March 2026, before Mobilisation actually ended (31 March 2026): go-live comes after every earlier stage',
      },
    ]);
  });

  it('plans a near go-live from today rather than in the past, keeping the two-week standstill', () => {
    // Issue 13: a go-live 10 weeks away used to plan the earlier stages 32 weeks into the past, all overdue at once.
    const p = planBackwards('2026-02-09', undefined, '2025-12-01');
    expect(p[0]).toMatchObject({ stage: 'options_appraisal', plannedStart: '2025-12-01' });
    expect(p.at(-1)).toMatchObject({ stage: 'go_live', plannedStart: '2026-02-09' });
    for (const [i, x] of p.entries()) {
      expect(x.plannedStart >= '2025-12-01', x.stage).toBe(true);
      expect(x.plannedEnd >= x.plannedStart, x.stage).toBe(true);
      if (i > 0 && x.stage !== 'go_live') expect(daysBetween(p[i - 1].plannedEnd, x.plannedStart), x.stage).toBe(1);
    }
    const standstill = p.find((x) => x.stage === 'standstill')!;
    expect(daysBetween(standstill.plannedStart, standstill.plannedEnd) + 1).toBe(14);
    expect(workingDaysBetween(standstill.plannedStart, standstill.plannedEnd)).toBeGreaterThanOrEqual(8);
    // Mobilisation keeps the largest share, as in the typical plan.
    const length = (x: StageDates) => daysBetween(x.plannedStart, x.plannedEnd) + 1;
    const mobilisation = p.find((x) => x.stage === 'mobilisation')!;
    for (const x of p) if (x.stage !== 'mobilisation') expect(length(mobilisation)).toBeGreaterThanOrEqual(length(x));
    expect(stageProblems(p, '2025-12-01')).toEqual([]);
    // Far enough ahead, the typical plan is unchanged.
    expect(planBackwards('2026-10-01', undefined, '2025-12-01')).toEqual(planBackwards('2026-10-01'));
  });

  it('refuses a go-live too soon to plan every stage, naming the earliest date', () => {
    expect(earliestGoLive('2025-12-01')).toBe('2025-12-22'); // 7 stages a day each and 14 days' standstill
    expect(goLiveProblem('2025-12-22', '2025-12-01')).toBeNull();
    const problem = {
      field: 'goLive',
      message:
        'Planned go-live: 21 December 2025 leaves too little time to plan every stage from today, with the standstill’s 2 weeks: choose 22 December 2025 or later',
    };
    expect(goLiveProblem('2025-12-21', '2025-12-01')).toEqual(problem);
    expect(() => planBackwards('2025-12-21', undefined, '2025-12-01')).toThrow(InputError);
    try {
      planBackwards('2025-12-21', undefined, '2025-12-01');
    } catch (e) {
      expect((e as InputError).errors).toEqual([problem]);
    }
    const tight = planBackwards('2025-12-22', undefined, '2025-12-01');
    expect(tight[0].plannedStart).toBe('2025-12-01');
    expect(stageProblems(tight, '2025-12-01')).toEqual([]);
  });
});
