// The BCF pages' sentences, from plain data (no React here, so they can be unit tested).
import { financialYearOf } from '../../../src/domain/core/dates';
import { formatNumber } from '../../../src/domain/core/format';
import type { DcView } from './types';

type DcSummary = DcView['summary'][number];

/** Words for a service with no planned capacity in the year, in the table and in sentences. */
export const NOT_PLANNED = 'Not planned';

/** The months short cell: "Not planned" when the service has no planned capacity, else the count. */
export function monthsShortText(s: Pick<DcSummary, 'capacity' | 'monthsShort'>): string {
  return s.capacity === null ? NOT_PLANNED : formatNumber(s.monthsShort, 0);
}

/**
 * The demand and capacity chart's description: each service's year in words, with thousands separators, and
 * "capacity not planned" (never "null") for a service with no planned capacity.
 */
export function dcChartDescription(summary: readonly DcSummary[], services: DcView['services']): string {
  return summary
    .map((s) => {
      const label = services.find((x) => x.key === s.service)?.label ?? s.service;
      const demand = `demand ${formatNumber(s.demand, 0)}`;
      if (s.capacity === null) return `${label}: ${demand}, capacity not planned over the year`;
      const shortfall = s.shortfall === null ? 'shortfall not available' : `shortfall ${formatNumber(s.shortfall, 0)}`;
      return `${label}: ${demand}, capacity ${formatNumber(s.capacity, 0)}, ${shortfall} over the year`;
    })
    .join('; ');
}

/**
 * Which year the demand and capacity page shows, and why: it opens on the current plan year, as the BCF plan page
 * does; a later year is for planning ahead, and a year with no figures says so and points to the others.
 */
export function dcYearNote(year: string, years: readonly string[], today: string, hasFigures: boolean): string {
  const current = financialYearOf(today);
  const others = years.filter((y) => y !== year);
  const which =
    year === current
      ? `Showing ${year}, the current plan year.`
      : year > current
        ? `Showing ${year}, a later year of the plan, for planning ahead.`
        : `Showing ${year}, an earlier year of the plan.`;
  const none = hasFigures
    ? ''
    : ` There are no figures for this place in ${year} yet: prefill them below or enter them.`;
  const choose = others.length === 0 ? '' : ` Choose another financial year above to see ${others.join(' or ')}.`;
  return `${which}${none}${choose}`;
}
