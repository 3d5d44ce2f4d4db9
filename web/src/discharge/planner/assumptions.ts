// The planner's editable assumptions: a scenario shown as form fields (strings), and back again with errors
// named by the field path the server uses (services.1.capacity), so one error summary serves both.
import type { Scenario } from '../../../../src/domain/discharge/simulation/scenario.js';

export interface ServiceAssumptions {
  capacity: string;
  perDay: string;
  losMean: string;
  losSd: string;
  costPerPlaceDay: string;
}

export interface Assumptions {
  costPerAcuteBedDay: string;
  withinDays: string;
  sharePercent: string;
  replications: string;
  services: ServiceAssumptions[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

const text = (n: number) => String(Math.round(n * 1000) / 1000);

export function assumptionsOf(scenario: Scenario): Assumptions {
  return {
    costPerAcuteBedDay: text(scenario.costPerAcuteBedDay),
    withinDays: text(scenario.target.withinDays),
    sharePercent: text(scenario.target.share * 100),
    replications: String(scenario.replications),
    services: scenario.services.map((s) => {
      const los = s.lengthOfStay;
      const mean =
        los.kind === 'fixed'
          ? los.days
          : los.kind === 'empirical'
            ? los.days.reduce((a, b) => a + b, 0) / los.days.length
            : los.mean;
      const sd = los.kind === 'lognormal' || los.kind === 'gamma' ? los.sd : los.kind === 'exponential' ? los.mean : 0;
      return {
        capacity: String(s.capacity),
        perDay: s.arrivals.kind === 'poisson' ? text(s.arrivals.perDay) : text(s.arrivals.times.length / 365),
        losMean: text(mean),
        losSd: text(sd),
        costPerPlaceDay: text(s.costPerPlaceDay),
      };
    }),
  };
}

/** The scenario with the edited assumptions applied, or the fields that are wrong. */
export function applyAssumptions(
  base: Scenario,
  a: Assumptions,
): { scenario: Scenario; problems: [] } | { scenario: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const num = (
    field: string,
    label: string,
    value: string,
    opts: { min?: number; max?: number; integer?: boolean; positive?: boolean },
  ) => {
    const v = Number(value.trim().replace(/,/g, '').replace(/^£/, ''));
    if (value.trim() === '' || !Number.isFinite(v)) {
      problems.push({ field, message: `Enter ${label} as a number` });
      return NaN;
    }
    if (opts.integer && !Number.isInteger(v)) problems.push({ field, message: `${cap(label)} must be a whole number` });
    else if (opts.positive && v <= 0) problems.push({ field, message: `${cap(label)} must be more than 0` });
    else if (opts.min !== undefined && v < opts.min)
      problems.push({ field, message: `${cap(label)} must be ${opts.min} or more` });
    else if (opts.max !== undefined && v > opts.max)
      problems.push({ field, message: `${cap(label)} must be ${opts.max} or less` });
    return v;
  };
  const costPerAcuteBedDay = num('costPerAcuteBedDay', 'the cost of an acute bed-day', a.costPerAcuteBedDay, {
    min: 0,
  });
  const withinDays = num('target.withinDays', 'the target wait in days', a.withinDays, { positive: true, max: 90 });
  const share = num('target.share', 'the target share', a.sharePercent, { positive: true, max: 99.9 });
  const replications = num('replications', 'the number of replications', a.replications, {
    integer: true,
    min: 10,
    max: 2000,
  });
  const services = base.services.map((s, i) => {
    const e = a.services[i];
    const capacity = num(`services.${i}.capacity`, `${s.name} places`, e.capacity, { integer: true, min: 0 });
    const perDay = num(`services.${i}.arrivals.perDay`, `${s.name} referrals a day`, e.perDay, { min: 0 });
    const mean = num(`services.${i}.lengthOfStay.mean`, `${s.name} mean length of stay`, e.losMean, { positive: true });
    const sd = num(`services.${i}.lengthOfStay.sd`, `${s.name} spread of length of stay`, e.losSd, { positive: true });
    const cost = num(`services.${i}.costPerPlaceDay`, `${s.name} cost per place-day`, e.costPerPlaceDay, { min: 0 });
    const delta = capacity - s.capacity;
    return {
      ...s,
      capacity,
      capacityChanges: s.capacityChanges.map((c) => ({ ...c, capacity: Math.max(0, c.capacity + delta) })),
      arrivals: s.arrivals.kind === 'poisson' ? { ...s.arrivals, perDay } : s.arrivals,
      lengthOfStay:
        s.lengthOfStay.kind === 'lognormal' || s.lengthOfStay.kind === 'gamma'
          ? { ...s.lengthOfStay, mean, sd }
          : s.lengthOfStay.kind === 'exponential'
            ? { kind: 'exponential' as const, mean }
            : s.lengthOfStay,
      costPerPlaceDay: cost,
    };
  });
  if (problems.length) return { scenario: null, problems };
  return {
    scenario: {
      ...base,
      costPerAcuteBedDay,
      replications,
      target: { withinDays, share: share / 100 },
      services,
    } as Scenario,
    problems: [],
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
