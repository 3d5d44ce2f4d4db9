// A recommissioning is a procurement with stages. Planned vs actual dates give a forecast go-live, and the
// flag the commissioner needs: the new arrangement cannot be in place before the current contract ends.
import { addDays, daysBetween, longDateText, maxDate, workingDaysBetween, type IsoDate } from '../core/dates.js';
import { InputError } from '../core/errors.js';

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

/**
 * Date problems in a plan, each naming the stage and its field (`stages.<stage>.<field>`) in plain words, all at
 * once. Within a stage: ends not before starts, an actual end needs an actual start, the standstill's 8 working
 * days. Across the stages that apply, in the order they run (issue 13: a go-live before the stages that lead to it):
 * - no stage is planned to start before the procurement's first stage starts;
 * - no stage actually started before an earlier stage actually started;
 * - go-live is planned no earlier than every earlier stage's planned end, and once it has actually happened every
 *   earlier stage has an actual end on or before it.
 * With `today` (the business day in England): actual dates have happened, so none is after `today`.
 * The API, the stage form and the database writes all use this one check.
 */
export function stageProblems(stages: StageDates[], today?: IsoDate): { field: string; message: string }[] {
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
    if (today)
      for (const key of ['actualStart', 'actualEnd'] as const) {
        const date = s[key];
        if (date && date > today)
          problems.push({
            field: `stages.${s.stage}.${key}`,
            message: `${PROCUREMENT_STAGE_LABELS[s.stage]}: ${key === 'actualStart' ? 'actual start' : 'actual end'} must be today or in the past`,
          });
      }
  }
  return [...problems, ...orderProblems(stages)];
}

/** The cross-stage checks of {@link stageProblems}: stages that apply, in the order they run. */
function orderProblems(stages: StageDates[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const applicable = stages
    .filter((s) => !s.notApplicable)
    .sort((a, b) => PROCUREMENT_STAGES.indexOf(a.stage) - PROCUREMENT_STAGES.indexOf(b.stage));
  const name = (s: StageDates) => PROCUREMENT_STAGE_LABELS[s.stage];
  const first = applicable[0];
  for (const [i, s] of applicable.entries()) {
    if (i === 0) continue;
    if (s.plannedStart < first.plannedStart)
      problems.push({
        field: `stages.${s.stage}.plannedStart`,
        message: `${name(s)}: the planned start (${longDateText(s.plannedStart)}) is before the procurement starts with ${name(first)} on ${longDateText(first.plannedStart)}: plan it on or after that day`,
      });
    const startedBefore = s.actualStart
      ? applicable.slice(0, i).find((e) => e.actualStart && e.actualStart > s.actualStart!)
      : undefined;
    if (startedBefore)
      problems.push({
        field: `stages.${s.stage}.actualStart`,
        message: `${name(s)}: the actual start (${longDateText(s.actualStart!)}) is before ${name(startedBefore)} actually started (${longDateText(startedBefore.actualStart!)}): stages start in order`,
      });
  }
  const goLive = applicable.find((s) => s.stage === 'go_live');
  if (!goLive) return problems;
  const earlier = applicable.filter((s) => s !== goLive);
  const lastPlanned = earlier.reduce<StageDates | null>((m, s) => (!m || s.plannedEnd > m.plannedEnd ? s : m), null);
  if (lastPlanned && goLive.plannedStart < lastPlanned.plannedEnd)
    problems.push({
      field: 'stages.go_live.plannedStart',
      message: `Go-live: the planned go-live (${longDateText(goLive.plannedStart)}) is before ${name(lastPlanned)} is planned to end (${longDateText(lastPlanned.plannedEnd)}): plan go-live after every earlier stage ends`,
    });
  if (goLive.actualStart) {
    const open = earlier.filter((s) => !s.actualEnd);
    if (open.length)
      problems.push({
        field: 'stages.go_live.actualStart',
        message: `Go-live: the service went live on ${longDateText(goLive.actualStart)} but ${open.map(name).join(', ')} ${open.length === 1 ? 'has' : 'have'} no actual end: record when ${open.length === 1 ? 'it' : 'each'} actually ended first`,
      });
    const endedAfter = earlier.find((s) => s.actualEnd && s.actualEnd > goLive.actualStart!);
    if (endedAfter)
      problems.push({
        field: 'stages.go_live.actualStart',
        message: `Go-live: the service went live on ${longDateText(goLive.actualStart)}, before ${name(endedAfter)} actually ended (${longDateText(endedAfter.actualEnd!)}): go-live comes after every earlier stage`,
      });
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

/** Calendar days a squeezed plan keeps for the standstill: its typical two weeks, at least 8 working days. */
const SQUEEZED_STANDSTILL_DAYS = TYPICAL_STAGE_WEEKS.standstill * 7;

/**
 * The earliest go-live every stage of `stages` can be planned back from when the plan starts `today`: one day for
 * each stage but the standstill, which keeps its two weeks (Procurement Act 2023's 8 working days).
 */
export function earliestGoLive(today: IsoDate, stages: readonly ProcurementStage[] = PROCUREMENT_STAGES): IsoDate {
  const before = stages.filter((s) => s !== 'go_live');
  return addDays(
    today,
    before.reduce((n, s) => n + (s === 'standstill' ? SQUEEZED_STANDSTILL_DAYS : 1), 0),
  );
}

/**
 * The problem with planning every stage back from `goLive` starting no earlier than `today`, for the field
 * `goLive` ("Planned go-live"), or null when the stages fit.
 */
export function goLiveProblem(
  goLive: IsoDate,
  today: IsoDate,
  stages: readonly ProcurementStage[] = PROCUREMENT_STAGES,
): { field: 'goLive'; message: string } | null {
  const earliest = earliestGoLive(today, stages);
  return goLive < earliest
    ? {
        field: 'goLive',
        message: `Planned go-live: ${longDateText(goLive)} leaves too little time to plan every stage from today, with the standstill’s 2 weeks: choose ${longDateText(earliest)} or later`,
      }
    : null;
}

/**
 * A procurement timetable worked back from the go-live date: each stage takes its typical weeks
 * (`TYPICAL_STAGE_WEEKS`), ending the day before the next one starts. With `today`, a plan that would start in
 * the past (issue 13: a go-live near enough that the earlier stages were already overdue) is squeezed into the
 * days from `today`: the standstill keeps its two weeks and the other stages share the rest in proportion to
 * their typical lengths (at least a day each). @returns the stages in order with planned dates
 * @throws InputError (field `goLive`) when even a squeezed plan cannot fit (see {@link goLiveProblem})
 */
export function planBackwards(
  goLive: IsoDate,
  stages: readonly ProcurementStage[] = PROCUREMENT_STAGES,
  today?: IsoDate,
): StageDates[] {
  const days = stageDays(goLive, stages, today);
  const result: StageDates[] = [];
  let end = goLive;
  for (const stage of [...stages].reverse()) {
    const start = addDays(end, -days[stage] + 1); // inclusive: a 12-week stage spans 84 days
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

/** Each stage's length in days for {@link planBackwards}: typical, or squeezed into the days from `today`. */
function stageDays(
  goLive: IsoDate,
  stages: readonly ProcurementStage[],
  today: IsoDate | undefined,
): Record<ProcurementStage, number> {
  const typical = Object.fromEntries(PROCUREMENT_STAGES.map((s) => [s, TYPICAL_STAGE_WEEKS[s] * 7])) as Record<
    ProcurementStage,
    number
  >;
  const before = stages.filter((s) => s !== 'go_live');
  const available = today ? daysBetween(today, goLive) : Infinity;
  if (before.reduce((n, s) => n + typical[s], 0) <= available) return typical;
  const problem = goLiveProblem(goLive, today!, stages);
  if (problem) throw new InputError([problem]);
  const shared = before.filter((s) => s !== 'standstill');
  const rest = available - (before.includes('standstill') ? SQUEEZED_STANDSTILL_DAYS : 0);
  const weight = shared.reduce((n, s) => n + typical[s], 0);
  const days = { ...typical, standstill: SQUEEZED_STANDSTILL_DAYS };
  for (const s of shared) days[s] = 1 + Math.floor(((rest - shared.length) * typical[s]) / weight);
  // What rounding left goes to the first stage, so the plan starts today.
  if (shared.length) days[shared[0]] += rest - shared.reduce((n, s) => n + days[s], 0);
  return days;
}
