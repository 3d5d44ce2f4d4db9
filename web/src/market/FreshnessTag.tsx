// How fresh a care home's vacancy figures are, as a tag: "Current, 2 days old" (labels.ts gives the thresholds).
import { Tag } from '../components';
import { FRESHNESS_COLOURS, FRESHNESS_LABELS } from './labels';

/** The freshness of a return as a coloured tag with its age in days. */
export function FreshnessTag({
  freshness,
  ageDays,
}: {
  freshness: keyof typeof FRESHNESS_LABELS;
  ageDays: number | null;
}) {
  const age =
    ageDays == null ? '' : ageDays === 0 ? ', today' : ageDays === 1 ? ', 1 day old' : `, ${ageDays} days old`;
  return (
    <Tag colour={FRESHNESS_COLOURS[freshness]}>
      {FRESHNESS_LABELS[freshness]}
      {age}
    </Tag>
  );
}
