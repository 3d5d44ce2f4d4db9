// What the KPI pages share: a return's state as a tag, a KPI's target in words, and its figures typed by the KPI's
// measure (money shown and typed in pounds, kept in pence).
import { Tag, type TagColour } from '../components';
import { RETURN_STATE_LABELS, label } from './labels';
import type { KpiView } from './types';
import { formatKpiFigure, type KpiMeasure } from '../../../src/domain/contracts/kpi';

const STATE_COLOUR: Record<string, TagColour> = { on_time: 'green', late: 'orange', overdue: 'red', awaited: 'grey' };

/** A return's state (on time, late, overdue, awaited) as a coloured tag. */
export function ReturnStateTag({ state }: { state: string }) {
  return <Tag colour={STATE_COLOUR[state]}>{label(RETURN_STATE_LABELS, state)}</Tag>;
}

type Measured = Pick<KpiView, 'measure' | 'unit'>;

/** A KPI's figure as a table cell shows it: "87.5%", "£450" (money from pence), a bare number otherwise. */
export function kpiValueText(k: Measured, value: number): string {
  if (k.measure === 'percent' || k.measure === 'pence') return formatKpiFigure(k, value);
  return String(value);
}

/** A KPI's target in words: "At least 95%", "At most 4 hours", "At most £450" (money kept in pence). */
export function kpiTargetText(k: Pick<KpiView, 'direction' | 'target' | 'unit' | 'measure'>): string {
  const figure =
    k.measure === 'percent' || k.measure === 'pence' ? formatKpiFigure(k, k.target) : `${k.target} ${k.unit}`;
  return `${k.direction === 'higher_is_better' ? 'At least' : 'At most'} ${figure}`;
}

/** A KPI figure as its form field shows it: pounds and pence ("450.00") for money kept in pence, else the number. */
export function kpiFigureInput(measure: KpiMeasure, value: number): string {
  return measure === 'pence' ? (value / 100).toFixed(2) : String(value);
}

/**
 * A KPI figure typed in a form, as the API takes it: money typed in pounds becomes whole pence; null when the text
 * is not a number (or has fractions of a penny).
 */
export function kpiFigureFromInput(measure: KpiMeasure, text: string): number | null {
  const t = text.trim().replace(/^£/, '').replace(/,/g, '');
  if (!t) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (measure !== 'pence') return n;
  const pence = Math.round(n * 100);
  return Math.abs(pence - n * 100) < 1e-6 ? pence : null;
}

/** The prefix and suffix a KPI figure's field carries: "£" before money, "%" after a percentage. */
export function kpiFigureAffixes(measure: KpiMeasure): { prefix?: string; suffix?: string } {
  if (measure === 'pence') return { prefix: '£' };
  if (measure === 'percent') return { suffix: '%' };
  return {};
}
