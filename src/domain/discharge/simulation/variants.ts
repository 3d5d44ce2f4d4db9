import { withCapacityDelta } from './capacitySearch.js';
import { addDays } from '../../core/dates.js';
import type { Scenario } from './scenario.js';

/**
 * The standard what-ifs a discharge capacity meeting asks, built from a baseline: winter (more referrals
 * December to February, winter beds), flex beds opened only when the queue is long (the seed BCF plan's community
 * rehab beds flex from 52 to 61: 9 places, November to April), more reablement, fewer D2A beds.
 * @returns the variants, each named for what it changes
 */
export function standardVariants(baseline: Scenario): Scenario[] {
  const winter = structuredClone(baseline);
  winter.name = 'Winter: 15% more referrals December to February, 4 extra step-down beds';
  for (const service of winter.services) {
    if (service.arrivals.kind !== 'poisson') continue;
    const month = service.arrivals.month ?? Array(12).fill(1);
    service.arrivals.month = month.map((m, i) => (i === 11 || i <= 1 ? round(m * 1.15) : m));
  }
  const p2 = winter.services.find((s) => s.pathway === 2);
  if (p2) {
    const year = Number(baseline.startDate.slice(0, 4)) + (baseline.startDate.slice(5) > '12-01' ? 1 : 0);
    const from = `${year}-12-01`;
    const to = addDays(`${year + 1}-03-01`, 0);
    const base = p2.capacity;
    p2.capacityChanges = [
      ...p2.capacityChanges.filter((c) => c.from < from || c.from >= to),
      { from, capacity: base + 4 },
      { from: to, capacity: base },
    ].sort((a, b) => a.from.localeCompare(b.from));
  }

  const flex = structuredClone(baseline);
  flex.name = 'Winter flex: up to 9 more step-down beds, opened when 5 are waiting (November to April)';
  const flexP2 = flex.services.find((s) => s.pathway === 2);
  if (flexP2)
    flexP2.flex = { places: 9, openWhenWaiting: 5, closeWhenWaiting: 0, leadDays: 1, months: [11, 12, 1, 2, 3, 4] };

  const p1 = baseline.services.find((s) => s.pathway === 1);
  const extra = p1 ? Math.max(5, Math.round(p1.capacity * 0.1)) : 0;
  const moreReablement = p1 ? withCapacityDelta(baseline, p1.id, extra) : structuredClone(baseline);
  moreReablement.name = p1
    ? `More reablement: ${extra} more pathway 1 ${p1.unit === 'visit' ? 'visits a day' : 'slots'}`
    : 'More reablement';

  const p3 = baseline.services.find((s) => s.pathway === 3);
  const fewerD2a = p3 ? withCapacityDelta(baseline, p3.id, -Math.min(5, p3.capacity)) : structuredClone(baseline);
  fewerD2a.name = 'Fewer D2A beds: 5 fewer pathway 3 beds';

  return [winter, flex, moreReablement, fewerD2a];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
