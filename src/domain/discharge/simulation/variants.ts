import { withCapacityDelta } from './capacitySearch.js';
import { addDays } from './calendar.js';
import type { Scenario } from './scenario.js';

/**
 * The standard what-ifs a discharge capacity meeting asks, built from a baseline:
 * winter (more referrals December to February, winter flex beds), more reablement, fewer D2A beds.
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

  const p1 = baseline.services.find((s) => s.pathway === 1);
  const moreReablement = p1
    ? withCapacityDelta(baseline, p1.id, Math.max(5, Math.round(p1.capacity * 0.1)))
    : structuredClone(baseline);
  moreReablement.name = p1
    ? `More reablement: ${Math.max(5, Math.round(p1.capacity * 0.1))} more pathway 1 slots`
    : 'More reablement';

  const p3 = baseline.services.find((s) => s.pathway === 3);
  const fewerD2a = p3 ? withCapacityDelta(baseline, p3.id, -Math.min(5, p3.capacity)) : structuredClone(baseline);
  fewerD2a.name = 'Fewer D2A beds: 5 fewer pathway 3 beds';

  return [winter, moreReablement, fewerD2a];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
