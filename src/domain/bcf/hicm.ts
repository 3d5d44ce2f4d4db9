// The High Impact Change Model for managing transfers of care (LGA, ADASS, NHS England; refreshed 2023): nine
// changes, each self-assessed per place on a five-step maturity scale with evidence, the date assessed and the
// level planned next. Every assessment is kept, so the history shows progress.
import { BOUNDS } from '../core/bounds.js';
import { addMonths, isIsoDate } from '../core/dates.js';
import { InputError, type FieldError } from '../core/errors.js';

export const HICM_CHANGES = [
  { number: 1, name: 'Early discharge planning' },
  { number: 2, name: 'Monitoring and responding to system demand and capacity' },
  { number: 3, name: 'Multi-disciplinary working' },
  { number: 4, name: 'Home first / discharge to assess' },
  { number: 5, name: 'Flexible working patterns' },
  { number: 6, name: 'Trusted assessment' },
  { number: 7, name: 'Engagement and choice' },
  { number: 8, name: 'Improved discharge to care homes' },
  { number: 9, name: 'Housing and related services' },
] as const;

export const MATURITY_LEVELS = ['not_yet_established', 'plans_in_place', 'established', 'mature', 'exemplary'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];
export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  not_yet_established: 'Not yet established',
  plans_in_place: 'Plans in place',
  established: 'Established',
  mature: 'Mature',
  exemplary: 'Exemplary',
};

/** The level as a number 1–5 (for charts and comparisons). */
export function maturityScore(level: MaturityLevel): number {
  return MATURITY_LEVELS.indexOf(level) + 1;
}

/** Find a level by its label or key, ignoring case ('Mature', 'plans in place'). */
export function parseMaturity(text: string): MaturityLevel | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (MATURITY_LEVELS as readonly string[]).includes(t) ? (t as MaturityLevel) : null;
}

export interface HicmAssessment {
  id: string;
  placeId: string;
  change: number;
  level: MaturityLevel;
  evidence: string;
  assessedOn: string;
  plannedLevel: MaturityLevel | null;
  plannedBy: string | null;
}

/**
 * What is wrong with the date an assessment was made, or null: a real date from 2015 (when the model was first
 * published, BOUNDS.earliestHicmDate) up to `today`. The API and the form use it.
 */
export function assessedOnProblem(assessedOn: string, today: string): string | null {
  if (!isIsoDate(assessedOn)) return 'Enter the date assessed';
  if (assessedOn > today) return 'The date assessed must be today or in the past';
  if (assessedOn < BOUNDS.earliestHicmDate)
    return 'The date assessed must be in 2015 or later: the High Impact Change Model was first published in 2015';
  return null;
}

/**
 * Check a new assessment: dated from 2015 (the model's first publication, BOUNDS.earliestHicmDate) to today, the
 * planned date after it and within BOUNDS.planningYearsAhead years. @throws InputError naming each field at fault
 */
export function validateAssessment(a: Omit<HicmAssessment, 'id'>, today: string): void {
  const errors: FieldError[] = [];
  if (!HICM_CHANGES.some((c) => c.number === a.change))
    errors.push({ field: 'change', message: 'Choose one of the nine changes' });
  if (!(MATURITY_LEVELS as readonly string[]).includes(a.level))
    errors.push({ field: 'level', message: 'Choose a maturity level' });
  if (!a.evidence.trim()) errors.push({ field: 'evidence', message: 'Give the evidence for this level' });
  const dated = assessedOnProblem(a.assessedOn, today);
  if (dated) errors.push({ field: 'assessedOn', message: dated });
  if (a.plannedLevel !== null && (MATURITY_LEVELS as readonly string[]).includes(a.level)) {
    if (maturityScore(a.plannedLevel) <= maturityScore(a.level))
      errors.push({ field: 'plannedLevel', message: 'The planned next level must be above the current level' });
  }
  if (a.plannedBy !== null && (!isIsoDate(a.plannedBy) || a.plannedBy <= a.assessedOn))
    errors.push({ field: 'plannedBy', message: 'The planned date must be after the date assessed' });
  else if (a.plannedBy !== null && a.plannedBy > addMonths(today, 12 * BOUNDS.planningYearsAhead))
    errors.push({
      field: 'plannedBy',
      message: `The planned date must be within ${BOUNDS.planningYearsAhead} years from today`,
    });
  if (errors.length) throw new InputError(errors, 'The assessment has problems');
}

/** The latest assessment of each place × change (by date assessed, then by order given), for the grid. */
export function latestAssessments(all: readonly HicmAssessment[]): HicmAssessment[] {
  const by = new Map<string, HicmAssessment>();
  for (const a of all) {
    const k = `${a.placeId}|${a.change}`;
    const cur = by.get(k);
    if (!cur || a.assessedOn >= cur.assessedOn) by.set(k, a);
  }
  return [...by.values()];
}
