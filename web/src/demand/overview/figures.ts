// The demand overview's shared figures: the key years shown, whole-number formatting and links to the explanations.
import { withQuery } from '../../api';
import { formatNumber } from '../../components';

/** The years the overview's tables show after the base year. */
export const KEY_YEARS = [2030, 2035, 2040, 2045];

/** People, beds and hours are shown to the nearest whole one (and so are they in the downloads). */
export const whole = (v: number | null | undefined) => formatNumber(v === null || v === undefined ? v : Math.round(v));

/** The base year (the first of `all`), then each key year within the projection. */
export function yearsShown(all: number[]): number[] {
  return [all[0], ...KEY_YEARS.filter((y) => y > all[0] && all.includes(y))];
}

/** The link to the page explaining how one figure (measure, year, scenario, area) was worked out. */
export function explainHref(scenario: string, measure: string, year: number, area?: string): string {
  return withQuery('/demand/explain', { scenario, measure, year, area });
}
