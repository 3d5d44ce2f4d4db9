// A recommissioning is a procurement with stages. Planned vs actual dates give a forecast go-live, and the
// flag the commissioner needs: the new arrangement cannot be in place before the current contract ends.
import { addDays, daysBetween, maxDate, workingDaysBetween, type IsoDate } from '../core/dates.js';

export const PROCUREMENT_STAGES = [
  'options_appraisal',
  'soft_market_test',
  'market_engagement',
  'tender_published',
  'evaluation',
  'award',
  'standstill',
  'mobilisation',
  'go_live',
] as const;
export type ProcurementStage = (typeof PROCUREMENT_STAGES)[number];
export const PROCUREMENT_STAGE_LABELS: Record<ProcurementStage, string> = {
  options_appraisal: 'Options appraisal',
  soft_market_test: 'Soft market test',
  market_engagement: 'Market engagement',
  tender_published: 'Tender published',
  evaluation: 'Evaluation',
  award: 'Award',
  standstill: 'Standstill',
  mobilisation: 'Mobilisation',
  go_live: 'Go-live',
};

/** Procurement Act 2023 s51: a standstill of at least 8 working days after the contract award notice. */
export const MINIMUM_STANDSTILL_WORKING_DAYS = 8;

export interface StageDates {
  stage: ProcurementStage;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  actualStart: IsoDate | null;
  actualEnd: IsoDate | null;
  /** Not every route uses every stage (a direct award has no tender or evaluation). */
  notApplicable?: boolean;
}

export type StageStatus = 'not_started' | 'in_progress' | 'complete' | 'overdue' | 'not_applicable';

export interface StageForecast extends StageDates {
  status: StageStatus;
  forecastStart: IsoDate;
  forecastEnd: IsoDate;
  /** Days the forecast end is later than planned (0 when on time or early). */
  slipDays: number;
}

export interface ProcurementForecast {
  stages: StageForecast[];
  plannedGoLive: IsoDate | null;
  forecastGoLive: IsoDate | null;
  /** The new service must start no later than the day after the current contract ends. */
  latestSafeGoLive: IsoDate | null;
  cannotFinishBeforeContractEnd: boolean;
  /** Days of cover missing between the current end and the forecast go-live. */
  gapDays: number;
  currentStage: ProcurementStage | null;
  complete: boolean;
  problems: { field: string; message: string }[];
}

/**
 * A procurement stage's status on a date: not applicable, complete (it has an actual end), overdue (planned end
 * passed), in progress (started) or not started.
 */
export function stageStatus(s: StageDates, asAt: IsoDate): StageStatus {
  if (s.notApplicable) return 'not_applicable';
  if (s.actualEnd) return 'complete';
  if (s.plannedEnd < asAt) return 'overdue';
  if (s.actualStart) return 'in_progress';
  return 'not_started';
}

/**
 * Forecast each stage. A finished stage keeps its actual dates. A stage under way ends no earlier than its
 * planned length after its actual start, and not before today. A stage not yet started starts at its planned
 * start pushed back by the largest slip so far (planned overlaps are kept), and not before today.
 */
export function forecastProcurement(
  stages: StageDates[],
  currentContractEnd: IsoDate | null,
  asAt: IsoDate,
): ProcurementForecast {
  const ordered = [...stages].sort((a, b) => PROCUREMENT_STAGES.indexOf(a.stage) - PROCUREMENT_STAGES.indexOf(b.stage));
  let carriedSlip = 0;
  const out: StageForecast[] = [];
  for (const s of ordered) {
    const status = stageStatus(s, asAt);
    const duration = daysBetween(s.plannedStart, s.plannedEnd);
    let forecastStart: IsoDate;
    let forecastEnd: IsoDate;
    if (status === 'not_applicable') {
      forecastStart = addDays(s.plannedStart, carriedSlip);
      forecastEnd = addDays(s.plannedEnd, carriedSlip);
    } else if (s.actualEnd) {
      forecastStart = s.actualStart ?? s.actualEnd;
      forecastEnd = s.actualEnd;
    } else if (s.actualStart) {
      forecastStart = s.actualStart;
      forecastEnd = maxDate(addDays(s.actualStart, duration), asAt);
    } else {
      forecastStart = maxDate(addDays(s.plannedStart, carriedSlip), asAt);
      forecastEnd = addDays(forecastStart, duration);
    }
    const slipDays = Math.max(0, daysBetween(s.plannedEnd, forecastEnd));
    if (status !== 'not_applicable') carriedSlip = Math.max(carriedSlip, slipDays);
    out.push({ ...s, status, forecastStart, forecastEnd, slipDays });
  }

  const goLive = out.find((s) => s.stage === 'go_live' && s.status !== 'not_applicable') ?? null;
  const latestSafeGoLive = currentContractEnd ? addDays(currentContractEnd, 1) : null;
  const forecastGoLive = goLive ? goLive.forecastStart : null;
  const cannotFinish = !!(latestSafeGoLive && forecastGoLive && forecastGoLive > latestSafeGoLive);
  const current =
    out.find((s) => s.status === 'in_progress' || s.status === 'overdue') ??
    out.find((s) => s.status === 'not_started') ??
    null;

  return {
    stages: out,
    plannedGoLive: goLive ? goLive.plannedStart : null,
    forecastGoLive,
    latestSafeGoLive,
    cannotFinishBeforeContractEnd: cannotFinish,
    gapDays: cannotFinish && latestSafeGoLive && forecastGoLive ? daysBetween(latestSafeGoLive, forecastGoLive) : 0,
    currentStage: current ? current.stage : null,
    complete: out.length > 0 && out.every((s) => s.status === 'complete' || s.status === 'not_applicable'),
    problems: stageProblems(ordered),
  };
}

/** Date problems in a plan, each naming the stage field. */
export function stageProblems(stages: StageDates[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<ProcurementStage>();
  for (const s of stages) {
    if (seen.has(s.stage))
      problems.push({ field: `stages.${s.stage}`, message: `${PROCUREMENT_STAGE_LABELS[s.stage]} appears twice` });
    seen.add(s.stage);
    if (s.plannedEnd < s.plannedStart)
      problems.push({
        field: `stages.${s.stage}.plannedEnd`,
        message: `${PROCUREMENT_STAGE_LABELS[s.stage]}: planned end is before planned start`,
      });
    if (s.actualStart && s.actualEnd && s.actualEnd < s.actualStart)
      problems.push({
        field: `stages.${s.stage}.actualEnd`,
        message: `${PROCUREMENT_STAGE_LABELS[s.stage]}: actual end is before actual start`,
      });
    if (s.actualEnd && !s.actualStart)
      problems.push({
        field: `stages.${s.stage}.actualStart`,
        message: `${PROCUREMENT_STAGE_LABELS[s.stage]}: an actual end needs an actual start`,
      });
    if (s.stage === 'standstill' && !s.notApplicable) {
      const days = workingDaysBetween(s.actualStart ?? s.plannedStart, s.actualEnd ?? s.plannedEnd);
      if (days < MINIMUM_STANDSTILL_WORKING_DAYS) {
        problems.push({
          field: 'stages.standstill.plannedEnd',
          message: `Standstill is ${days} working days; the Procurement Act 2023 requires at least ${MINIMUM_STANDSTILL_WORKING_DAYS}`,
        });
      }
    }
  }
  return problems;
}

/**
 * A default timetable working back from the date the new service must start: typical durations for a
 * competitive tender of a care service (weeks), so a commissioner starts from a realistic plan.
 */
export const TYPICAL_STAGE_WEEKS: Record<ProcurementStage, number> = {
  options_appraisal: 6,
  soft_market_test: 4,
  market_engagement: 6,
  tender_published: 6,
  evaluation: 4,
  award: 2,
  standstill: 2,
  mobilisation: 12,
  go_live: 0,
};

/**
 * A procurement timetable worked back from the go-live date: each stage takes its typical weeks
 * (`TYPICAL_STAGE_WEEKS`), ending the day before the next one starts. @returns the stages in order with planned dates
 */
export function planBackwards(goLive: IsoDate, stages: readonly ProcurementStage[] = PROCUREMENT_STAGES): StageDates[] {
  const result: StageDates[] = [];
  let end = goLive;
  for (const stage of [...stages].reverse()) {
    const weeks = TYPICAL_STAGE_WEEKS[stage];
    const start = addDays(end, -weeks * 7 + 1); // inclusive: a 12-week stage spans 84 days
    result.unshift({
      stage,
      plannedStart: stage === 'go_live' ? goLive : start,
      plannedEnd: stage === 'go_live' ? goLive : end,
      actualStart: null,
      actualEnd: null,
    });
    end = stage === 'go_live' ? addDays(goLive, -1) : addDays(start, -1);
  }
  return result;
}
