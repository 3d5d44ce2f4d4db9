// What the KPI pages share: a return's state as a tag, and a KPI's target in words.
import { Tag, type TagColour } from '../components';
import { RETURN_STATE_LABELS, label } from './labels';
import type { KpiView } from './types';

const STATE_COLOUR: Record<string, TagColour> = { on_time: 'green', late: 'orange', overdue: 'red', awaited: 'grey' };

/** A return's state (on time, late, overdue, awaited) as a coloured tag. */
export function ReturnStateTag({ state }: { state: string }) {
  return <Tag colour={STATE_COLOUR[state]}>{label(RETURN_STATE_LABELS, state)}</Tag>;
}

/** A KPI's target in words: "At least 95%", "At most 4 hours". */
export function kpiTargetText(k: Pick<KpiView, 'direction' | 'target' | 'unit'>): string {
  return `${k.direction === 'higher_is_better' ? 'At least' : 'At most'} ${k.target}${k.unit === '%' ? '%' : ` ${k.unit}`}`;
}
