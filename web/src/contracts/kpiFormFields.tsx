// A KPI's fields as commissioners type them (add and edit share them): the form's inputs, and the answers checked
// in the browser in the API's own words and turned into the body the API takes.
import { InsetText, Radios, TextInput, fieldError, type SummaryError } from '../components';
import {
  DEFAULT_DUE_DAYS,
  KPI_FREQUENCIES,
  KPI_MEASURE_LABELS,
  KPI_MEASURES,
  kpiFigureProblem,
  kpiMeasureFromUnit,
  type KpiFrequency,
  type KpiMeasure,
} from '../../../src/domain/contracts/kpi';
import { KPI_FREQUENCY_LABELS } from './labels';
import { kpiFigureAffixes, kpiFigureFromInput } from './kpiReturnParts';
import { BOUNDS } from '../../../src/domain/core/bounds';

/** The latest a return may be due, in days after its period ends: what the API takes (kpiRoutes). */
const MAX_DUE_DAYS = 120;

/** A KPI's fields as typed in the add and edit forms. */
export interface KpiFormValues {
  name: string;
  /** A KPI_MEASURES value, or '' until chosen (the measure the unit implies is then used). */
  measure: string;
  unit: string;
  target: string;
  direction: string;
  frequency: string;
  tolerance: string;
  dueDays: string;
}

/**
 * The KPI form's answers checked in the browser, in the API's own words; `problems` gets one entry per field at
 * fault, and the body is what the API takes for the KPI's fields (add and edit share it).
 */
export function readKpi(v: KpiFormValues, problems: SummaryError[]) {
  const measure = measureOf(v);
  if (!v.name.trim()) problems.push({ field: 'name', message: 'Enter the KPI’s name' });
  if (!v.unit.trim()) problems.push({ field: 'unit', message: 'Enter the unit, like % or hours' });
  /**
   * A number within [min, max] (BOUNDS.kpiValue, as the API takes it) and of the KPI's measure (money typed in pounds
   * becomes pence), or a problem in the form's label.
   */
  const number = (text: string, field: 'target' | 'tolerance', label: string, min: number) => {
    const typed = kpiFigureFromInput(measure, text);
    const n = typed ?? Number.NaN;
    if (typed === null)
      problems.push({
        field,
        message:
          measure === 'pence'
            ? `Enter the ${label} in pounds and pence, like 450.00`
            : `Enter the ${label} as a number`,
      });
    else if (n < min)
      problems.push({
        field,
        message: `${label[0].toUpperCase()}${label.slice(1)} must be ${min.toLocaleString('en-GB')} or more`,
      });
    else if (measure !== 'pence' && n > BOUNDS.kpiValue.max)
      problems.push({
        field,
        message: `${label[0].toUpperCase()}${label.slice(1)} must be ${BOUNDS.kpiValue.max.toLocaleString('en-GB')} or less`,
      });
    // Then against the KPI's measure (a percentage 0–100, a whole count, whole pence), as the API checks it.
    else {
      const wrong = kpiFigureProblem({ measure, unit: v.unit.trim() || 'units' }, n, field);
      if (wrong) problems.push({ field, message: wrong });
    }
    return n;
  };
  const target = number(v.target, 'target', 'target', BOUNDS.kpiValue.min);
  if (!v.direction) problems.push({ field: 'direction', message: 'Choose whether higher or lower is better' });
  const tolerance = number(v.tolerance || '0', 'tolerance', 'tolerance before it is red', 0);
  if (!v.frequency) problems.push({ field: 'frequency', message: 'Choose how often it is reported' });
  const due = v.dueDays.trim();
  if (due && (!/^\d{1,3}$/.test(due) || Number(due) > MAX_DUE_DAYS))
    problems.push({
      field: 'dueDays',
      message: /^\d{1,3}$/.test(due)
        ? `Due day must be ${MAX_DUE_DAYS} days or less`
        : `Due day must be a whole number of days from 0 to ${MAX_DUE_DAYS}`,
    });
  return {
    name: v.name.trim(),
    measure,
    unit: v.unit.trim(),
    target,
    direction: v.direction,
    frequency: v.frequency,
    tolerance,
    dueDays: v.dueDays.trim() ? Number(v.dueDays) : null,
  };
}

/** The measure chosen, or the one the unit typed implies ('%' → percentage, 'people' → count). */
function measureOf(v: KpiFormValues): KpiMeasure {
  return (KPI_MEASURES as readonly string[]).includes(v.measure)
    ? (v.measure as KpiMeasure)
    : kpiMeasureFromUnit(v.unit);
}

/**
 * The KPI form's inputs; `fixed` shows the frequency and measure as facts instead of choices (a KPI with returns: its
 * periods and figures must keep fitting).
 */
export function KpiFields({
  v,
  set,
  errors,
  fixed = false,
}: {
  v: KpiFormValues;
  set: (k: keyof KpiFormValues) => (x: string) => void;
  errors: SummaryError[];
  fixed?: boolean;
}) {
  const err = (f: string) => fieldError(errors, f);
  const measure = measureOf(v);
  return (
    <>
      <TextInput
        name="name"
        label="KPI"
        hint="For example, Visits delivered within 15 minutes of the planned time"
        value={v.name}
        onChange={set('name')}
        error={err('name')}
      />
      <TextInput
        name="unit"
        label="Unit"
        hint="%, hours, days or a count"
        width={10}
        value={v.unit}
        onChange={set('unit')}
        error={err('unit')}
      />
      {fixed ? (
        <InsetText>
          Measured as: {KPI_MEASURE_LABELS[measure]}. It is fixed once returns are in, so their figures keep their
          meaning.
        </InsetText>
      ) : (
        <Radios
          name="measure"
          legend="How is it measured?"
          hint="Sets what each figure must be: a percentage from 0 to 100, a whole number, or money in pounds and pence. Until you choose, it follows the unit."
          value={v.measure || (v.unit.trim() ? measure : '')}
          onChange={set('measure')}
          items={KPI_MEASURES.map((m) => ({ value: m, text: KPI_MEASURE_LABELS[m] }))}
          error={err('measure')}
        />
      )}
      <TextInput
        name="target"
        label="Target"
        inputMode="decimal"
        {...kpiFigureAffixes(measure)}
        width={5}
        value={v.target}
        onChange={set('target')}
        error={err('target')}
      />
      <Radios
        name="direction"
        legend="Is higher or lower better?"
        value={v.direction}
        onChange={set('direction')}
        items={[
          { value: 'higher_is_better', text: 'Higher is better (the target is a minimum)' },
          { value: 'lower_is_better', text: 'Lower is better (the target is a maximum)' },
        ]}
        error={err('direction')}
      />
      <TextInput
        name="tolerance"
        label="Tolerance before it is red"
        hint="Amber within this much of the target, red beyond it"
        inputMode="decimal"
        {...kpiFigureAffixes(measure)}
        width={5}
        value={v.tolerance}
        onChange={set('tolerance')}
        error={err('tolerance')}
      />
      {fixed ? (
        <InsetText>
          How often it is reported: {KPI_FREQUENCY_LABELS[v.frequency as KpiFrequency]}. This cannot change now that
          returns are in: to report it differently, remove this KPI (it is retired with its returns) and add a new one.
        </InsetText>
      ) : (
        <Radios
          name="frequency"
          legend="How often is it reported?"
          value={v.frequency}
          onChange={set('frequency')}
          items={KPI_FREQUENCIES.map((f) => ({ value: f, text: KPI_FREQUENCY_LABELS[f] }))}
          error={err('frequency')}
        />
      )}
      <TextInput
        name="dueDays"
        label="Due day (optional)"
        hint={`Days after the end of each period the return is due${v.frequency ? `; leave blank for ${DEFAULT_DUE_DAYS[v.frequency as KpiFrequency]} days` : ''}`}
        suffix="days"
        inputMode="numeric"
        width={3}
        value={v.dueDays}
        onChange={set('dueDays')}
        error={err('dueDays')}
      />
    </>
  );
}
