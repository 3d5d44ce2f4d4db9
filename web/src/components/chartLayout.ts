// Chart layout: margins that fit the tick labels and axis titles, tick counts that fit the width, and whole-number
// ticks on axes of counts. Pure functions over Plot options and measured label boxes, so they can be unit tested;
// the Chart component measures a drawn chart in the browser and calls `fitChartLayout` until nothing is clipped
// or overlapping.
import type * as Plot from '@observablehq/plot';
import { formatNumber } from './format';

/** The chart font size in pixels (Chart's style: 13 px Arial). */
export const CHART_FONT_PX = 13;

/**
 * True when an axis title names a count of people or things (people, beds, places, visits, clients, homes,
 * placements, referrals…): such an axis gets whole-number ticks only ("0.05 people" means nothing). Titles of
 * shares, money, rates, indices and durations are not counts.
 */
export function isCountLabel(label: unknown): boolean {
  if (typeof label !== 'string') return false;
  if (/%|£|share|index|rate|per |price|cost|median|mean|average|score|hours|days? (waited|waiting)/i.test(label)) {
    return /bed-days/i.test(label);
  }
  return /\b(people|persons?|patients|residents|clients?|beds?|bed-days|places?|visits?|placements?|referrals?|discharges?|admissions?|homes?|locations?|providers?|returns?|entries|requests?|procurements?|contracts?|staff|users?|suggestions?|starting)\b/i.test(
    label,
  );
}

/**
 * Whole-number tick values from `min` to `max` (a linear scale's domain), about `count` of them, stepping by 1,
 * 2, 5, 10, 20, 50…: (0, 0.3, 5) → [0, 1]; (0, 137, 5) → [0, 50, 100]; (3, 9, 4) → [4, 6, 8]. The domain to draw
 * is returned with them, widened to at least one whole unit so an all-zero series has ticks 0 and 1, not 0.00,
 * 0.05, 0.10.
 */
export function integerTicks(min: number, max: number, count: number): { ticks: number[]; domain: [number, number] } {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { ticks: [0, 1], domain: [0, 1] };
  if (hi - lo < 1) {
    lo = Math.floor(lo);
    hi = Math.max(lo + 1, Math.ceil(hi));
  }
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);
  return { ticks, domain: [lo, hi] };
}

// Advance widths of Arial glyphs in ems (close enough to size margins; the browser measure corrects the rest).
const NARROW = /[iljtf.,:;'|!I()[\]\s]/;
const WIDE = /[mwMW@%—–]/;
/**
 * Estimated width in pixels of `text` set in Arial at `fontPx`: narrow glyphs 0.28 em, capitals and wide glyphs
 * 0.72–0.89 em, digits and other lower case 0.56 em.
 */
export function estimateTextWidth(text: string, fontPx = CHART_FONT_PX): number {
  let ems = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) ems += 0.28;
    else if (WIDE.test(ch)) ems += 0.89;
    else if (/[A-Z]/.test(ch)) ems += 0.72;
    else ems += 0.56;
  }
  return Math.ceil(ems * fontPx);
}

/** `text` cut to fit `maxPx` (estimated), ending in an ellipsis when cut. */
export function truncateToWidth(text: string, maxPx: number, fontPx = CHART_FONT_PX): string {
  if (estimateTextWidth(text, fontPx) <= maxPx) return text;
  let cut = text;
  while (cut.length > 1 && estimateTextWidth(`${cut}…`, fontPx) > maxPx) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The most lines a wrapped tick label takes (beyond them the last line ends in an ellipsis). */
export const MAX_LABEL_LINES = 3;

/**
 * `text` broken at spaces into lines of at most `maxPx` (estimated), joined by newlines (Plot draws each line of a
 * tick label under the last): a category name is read whole, not cut to "Not split by type in the…". A single word
 * longer than the width, or text needing more than `maxLines` lines, ends its last line in an ellipsis.
 */
export function wrapToWidth(text: string, maxPx: number, maxLines = MAX_LABEL_LINES, fontPx = CHART_FONT_PX): string {
  if (estimateTextWidth(text, fontPx) <= maxPx) return text;
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (!line || estimateTextWidth(next, fontPx) <= maxPx) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  lines.push(line);
  return lines.map((l) => truncateToWidth(l, maxPx, fontPx)).join('\n');
}

/** A box in pixels relative to the chart's SVG (from getBoundingClientRect less the SVG's own). */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the Chart measured on a drawn chart: its size, and the boxes of its tick labels and axis titles. */
export interface ChartMeasure {
  width: number;
  height: number;
  /** Every text in the chart (ticks, titles, facet labels, data labels). */
  texts: Box[];
  /** x tick labels, left to right. */
  xTicks: Box[];
  /** y tick labels. */
  yTicks: Box[];
  xTitle?: Box;
  yTitle?: Box;
}

/** What Plot reports of a drawn chart's scales: type and domain of x and y. */
export interface ScaleInfo {
  type?: string;
  domain?: unknown[];
}

function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
}

type AxisOptions = NonNullable<Plot.PlotOptions['x']>;

/** The margins Chart draws with when options leave them out. */
export const DEFAULT_MARGINS = { marginLeft: 60, marginRight: 20, marginTop: 28, marginBottom: 30 } as const;

/**
 * Options for the first drawing at `width`: whole-number ticks on count axes are set after the first drawing
 * (they need the domain); here, a band axis of long names (a horizontal bar chart's categories) gets a left
 * margin from its longest label, at most 45% of the width, with longer names wrapped onto lines that fit.
 */
export function initialChartLayout(options: Plot.PlotOptions, width: number): Plot.PlotOptions {
  const y = (options.y ?? {}) as AxisOptions;
  const domain = Array.isArray(y.domain) ? (y.domain as unknown[]) : null;
  if (!domain || !domain.every((d) => typeof d === 'string') || y.axis === null) return options;
  const maxMargin = Math.floor(width * 0.45);
  const longest = Math.max(0, ...domain.map((d) => estimateTextWidth(String(d))));
  const wanted = Math.min(maxMargin, longest + 12);
  const marginLeft = Math.max(options.marginLeft ?? 0, wanted);
  const format = y.tickFormat;
  return {
    ...options,
    marginLeft,
    y: {
      ...y,
      tickFormat:
        longest + 12 > maxMargin
          ? (d: unknown, i: number) =>
              wrapToWidth(typeof format === 'function' ? String(format(d, i)) : String(d), marginLeft - 12)
          : y.tickFormat,
    },
  };
}

/**
 * The next layout for a chart drawn with `options` that measured `m`, or null when it fits: margins grown by
 * however far any text sticks out of the SVG (the left at most to 45% of the width), x ticks thinned while
 * neighbouring labels overlap (a wider tick spacing, or every other category on a band axis), the x title moved
 * below tick labels it overlaps, the y title raised above its tick labels, the chart made taller when y tick labels
 * (wrapped category names) overlap, and on a count axis (see
 * {@link isCountLabel}) whole-number ticks only, from the drawn `scales`.
 */
export function fitChartLayout(
  options: Plot.PlotOptions,
  m: ChartMeasure,
  scales: { x?: ScaleInfo; y?: ScaleInfo } = {},
): Plot.PlotOptions | null {
  const next: Plot.PlotOptions = { ...options };
  let x = { ...((options.x ?? {}) as AxisOptions) };
  let y = { ...((options.y ?? {}) as AxisOptions) };
  let changed = false;
  const margin = (k: keyof typeof DEFAULT_MARGINS) => (options[k] as number | undefined) ?? DEFAULT_MARGINS[k];

  // Text outside the SVG is clipped: grow that side's margin by the overflow.
  const overLeft = Math.max(0, ...m.texts.map((t) => -t.left));
  const overRight = Math.max(0, ...m.texts.map((t) => t.right - m.width));
  const overTop = Math.max(0, ...m.texts.map((t) => -t.top));
  const overBottom = Math.max(0, ...m.texts.map((t) => t.bottom - m.height));
  if (overLeft > 0.5) {
    const cap = Math.floor(m.width * 0.45);
    const wanted = Math.min(cap, Math.ceil(margin('marginLeft') + overLeft + 4));
    if (wanted > margin('marginLeft')) {
      next.marginLeft = wanted;
      changed = true;
    }
    if (margin('marginLeft') + overLeft + 4 > cap) {
      // Still too long at the cap: the y labels wrap onto lines that fit (read whole, not cut to an ellipsis).
      const format = y.tickFormat;
      y.tickFormat = (d: unknown, i: number) =>
        wrapToWidth(typeof format === 'function' ? String(format(d, i)) : String(d), cap - 12);
      changed = true;
    }
  }
  if (overRight > 0.5) {
    const cap = Math.floor(m.width * 0.45);
    const wanted = Math.ceil(margin('marginRight') + overRight + 4);
    next.marginRight = Math.min(cap, wanted);
    if (wanted > cap && options.fy) {
      // Facet row labels on the right that are still too long: wrap them onto lines that fit.
      const fy = options.fy as AxisOptions;
      const format = fy.tickFormat;
      next.fy = {
        ...fy,
        tickFormat: (d: unknown, i: number) =>
          // A facet row is tall (a chart of its own): its label may take more lines than a tick label.
          wrapToWidth(typeof format === 'function' ? String(format(d, i)) : String(d), cap - 16, 6),
      };
    }
    changed = true;
  }
  if (overTop > 0.5) {
    next.marginTop = Math.ceil(margin('marginTop') + overTop + 2);
    changed = true;
  }
  if (overBottom > 0.5) {
    next.marginBottom = Math.ceil(margin('marginBottom') + overBottom + 2);
    changed = true;
  }

  // Neighbouring x tick labels that touch: fewer ticks.
  const xs = [...m.xTicks].sort((a, b) => a.left - b.left);
  const widest = Math.max(0, ...xs.map((b) => b.right - b.left));
  if (xs.some((b, i) => i > 0 && overlaps(xs[i - 1], b, 4))) {
    const domain = scales.x?.domain;
    const ordinal = scales.x?.type === 'band' || scales.x?.type === 'point';
    if (ordinal && domain && domain.length > 1) {
      const current = Array.isArray(x.ticks) ? (x.ticks as unknown[]) : domain;
      const every = Math.max(2, Math.round(domain.length / Math.max(1, Math.ceil(current.length / 2))));
      x.ticks = domain.filter((_, i) => i % every === 0);
    } else {
      x.tickSpacing = Math.ceil(Math.max((x.tickSpacing as number | undefined) ?? 80, widest + 16) * 1.5);
    }
    changed = true;
  }

  // y tick labels over each other (category names wrapped onto several lines): a taller chart, so each band has
  // room for its label.
  const ys = [...m.yTicks].sort((a, b) => a.top - b.top);
  const yOverlap = Math.max(0, ...ys.map((b, i) => (i > 0 ? ys[i - 1].bottom - b.top : 0)));
  if (yOverlap > 0.5 && ys.length > 1) {
    next.height = Math.ceil((options.height ?? m.height) + (yOverlap + 4) * (ys.length - 1));
    changed = true;
  }

  // The x title below the tick labels, the y title above them.
  if (m.xTitle && m.xTicks.some((t) => overlaps(t, m.xTitle!, 2))) {
    const ticksBottom = Math.max(...m.xTicks.map((t) => t.bottom));
    const titleHeight = m.xTitle.bottom - m.xTitle.top;
    const axisTop = Math.min(...m.xTicks.map((t) => t.top));
    const needed = Math.ceil(ticksBottom - axisTop + titleHeight + 12);
    next.marginBottom = Math.max(next.marginBottom ?? margin('marginBottom'), needed);
    x.labelOffset = (next.marginBottom as number) - 4;
    changed = true;
  }
  if (m.yTitle && m.yTicks.some((t) => overlaps(t, m.yTitle!, 2))) {
    next.marginTop = Math.ceil((next.marginTop ?? margin('marginTop')) + (m.yTitle.bottom - m.yTitle.top) + 4);
    changed = true;
  }

  // Counts: whole-number ticks only.
  for (const [key, axis] of [
    ['x', x],
    ['y', y],
  ] as const) {
    const info = scales[key];
    if (!isCountLabel(axis.label) || info?.type !== 'linear' || !info.domain || Array.isArray(axis.ticks)) continue;
    const [d0, d1] = info.domain as number[];
    const length = key === 'x' ? m.width : m.height;
    const count = Math.max(2, Math.floor(length / (key === 'x' ? 80 : 40)));
    const { ticks, domain } = integerTicks(d0, d1, count);
    const integerDomain = Math.abs(d1 - d0) < 1;
    const updated: AxisOptions = {
      ...axis,
      ticks,
      tickFormat: typeof axis.tickFormat === 'function' ? axis.tickFormat : (d: number) => formatNumber(d),
      ...(integerDomain ? { domain } : {}),
    };
    if (key === 'x') x = updated;
    else y = updated;
    changed = true;
  }

  if (!changed) return null;
  if (options.x || x.ticks !== undefined || x.tickSpacing !== undefined || x.labelOffset !== undefined) next.x = x;
  if (options.y || y.ticks !== undefined || y.tickFormat !== undefined) next.y = y;
  return next;
}
