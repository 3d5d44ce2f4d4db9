// Observable Plot charts inside a GOV.UK-styled <figure>: visible title, text description for everyone,
// responsive width, and an optional "Show the data" table for people who can't see the chart.
import type * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CHART_FONT_PX, fitChartLayout, initialChartLayout, type Box, type ScaleInfo } from './chartLayout';
import { Details } from './NotificationBanner';

/** GOV.UK Frontend 6 palette, in an order that keeps neighbouring series distinguishable. */
export const chartColours = {
  blue: '#1d70b8',
  orange: '#f47738',
  teal: '#158187',
  purple: '#54319f',
  magenta: '#ca357c',
  green: '#0f7a52',
  red: '#ca3535',
  brown: '#99704a',
  yellow: '#ffdd00',
  black: '#0b0c0c',
  darkGrey: '#484949',
  midGrey: '#cecece',
} as const;

/** Categorical scheme for `color: { range: categoricalColours }`. */
export const categoricalColours: string[] = [
  chartColours.blue,
  chartColours.orange,
  chartColours.teal,
  chartColours.purple,
  chartColours.magenta,
  chartColours.green,
  chartColours.brown,
  chartColours.darkGrey,
];

/** RAG colours for charts (text labels must still carry the meaning). */
export const ragColours = { red: chartColours.red, amber: chartColours.orange, green: chartColours.green } as const;

export type PlotOptions = Plot.PlotOptions;

let plotModule: Promise<typeof import('./plotRender')> | null = null;
/** Observable Plot's `plot`, imported once on first use. */
function loadPlot(): Promise<typeof import('./plotRender')> {
  plotModule ??= import('./plotRender');
  return plotModule;
}

/**
 * Marks that only decorate (targets, zero lines, frames, labels, ticks, grids, axes), known by their ARIA label
 * (class names do not survive minifying): a chart with nothing else has no data.
 */
const DECORATION = /^(rule|frame|text|tick)$|grid|axis/;

/** Position channels: the ones a quantity is drawn along. */
const POSITION = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2']);

/**
 * True when a mark draws nothing: it has no rows, or every number along its axes is null, NaN or zero (a bar
 * chart of zeros, a line of nulls). Categories and dates do not count as quantities; a mark whose axes hold
 * no quantity at all (a grid of cells) is kept. A mark Plot cannot initialise on its own is kept.
 */
function markIsEmpty(mark: { data?: unknown; initialize?: () => { channels?: Record<string, unknown> } }): boolean {
  const data = mark.data as ArrayLike<unknown> | null | undefined;
  if (data == null || data.length === 0) return true;
  if (typeof mark.initialize !== 'function') return false;
  let channels: Record<string, unknown>;
  try {
    channels = mark.initialize().channels ?? {};
  } catch {
    return false;
  }
  let quantitative = false;
  for (const [name, channel] of Object.entries(channels)) {
    const c = channel as { scale?: string; value?: ArrayLike<unknown> } | undefined;
    if (!c?.value || !(POSITION.has(name) || POSITION.has(c.scale ?? ''))) continue;
    const values = Array.from(c.value);
    // A channel of categories or dates is where things are drawn, not how much: skip it.
    if (values.some((v) => v != null && typeof v !== 'number')) continue;
    quantitative = true;
    if (values.some((v) => typeof v === 'number' && Number.isFinite(v) && v !== 0)) return false;
  }
  return quantitative;
}

/**
 * True when a chart's marks hold no data to draw: every mark that is not a decoration has no rows, or only
 * nulls or zeros along its axes. Such a chart would draw an empty plot, full-width bars or "0.000000" ticks
 * from an empty domain; the Chart shows its "no data" sentence instead.
 */
export function plotIsEmpty(options: Plot.PlotOptions): boolean {
  const marks = (options.marks ?? []).flat(Infinity as 1) as unknown[];
  const dataMarks = marks.filter(
    (m): m is { data?: unknown; ariaLabel?: string } =>
      !!m && typeof m === 'object' && !DECORATION.test(String((m as { ariaLabel?: unknown }).ariaLabel ?? '')),
  );
  if (dataMarks.length === 0) return false;
  return dataMarks.every((m) => markIsEmpty(m as Parameters<typeof markIsEmpty>[0]));
}

/** The narrowest a chart is drawn: its margins plus 120 px to draw in. */
function minWidth(options: Plot.PlotOptions): number {
  return (options.marginLeft ?? 60) + (options.marginRight ?? 20) + 120;
}

/** The boxes of a drawn chart's texts, relative to its plot SVG (the last SVG: legends come first). */
function measureChart(chart: Element) {
  const svg = chart instanceof SVGSVGElement ? chart : [...chart.querySelectorAll('svg')].at(-1);
  if (!svg) return null;
  const frame = svg.getBoundingClientRect();
  if (frame.width === 0) return null;
  const boxes = (selector: string): Box[] =>
    [...svg.querySelectorAll(selector)]
      .map((t) => t.getBoundingClientRect())
      .filter((b) => b.width > 0)
      .map((b) => ({
        left: b.left - frame.left,
        right: b.right - frame.left,
        top: b.top - frame.top,
        bottom: b.bottom - frame.top,
      }));
  return {
    width: frame.width,
    height: frame.height,
    texts: boxes('text'),
    xTicks: boxes('[aria-label="x-axis tick label"] text'),
    yTicks: boxes('[aria-label="y-axis tick label"] text'),
    xTitle: boxes('[aria-label="x-axis label"] text')[0],
    yTitle: boxes('[aria-label="y-axis label"] text')[0],
  };
}

/** A drawn scale's type and domain, as Plot reports it. */
function scaleInfo(chart: Element, name: 'x' | 'y'): ScaleInfo | undefined {
  const scale = (chart as unknown as { scale?: (n: string) => ScaleInfo | undefined }).scale;
  try {
    return scale?.call(chart, name);
  } catch {
    return undefined;
  }
}

export interface ChartProps {
  /** Visible title (figcaption). */
  title: string;
  /** What the chart shows in words: the trend or comparison a reader should take away. Read by screen readers. */
  description: string;
  /**
   * Plot options for the current container width (marks, scales, axes). Width, font and aria attributes are
   * filled in. Example: `(width) => ({ marks: [Plot.lineY(rows, { x: 'month', y: 'beds' })], y: { grid: true } })`.
   */
  plot: (width: number) => PlotOptions;
  /** Height in pixels (default 320). */
  height?: number;
  /** An accessible data table shown under "Show the data" (a `<Table>`, for example). */
  dataTable?: ReactNode;
  /** Extra notes under the description (source, method). */
  source?: ReactNode;
  /** Shown instead of the chart when it has no data (default: "No data to show yet."). */
  emptyText?: string;
}

export function Chart({ title, description, plot, height = 320, dataTable, source, emptyText }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [empty, setEmpty] = useState(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = containerRef.current;
    if (!el || width === 0) return;
    const options = plot(width);
    if (plotIsEmpty(options)) {
      el.replaceChildren();
      setEmpty(true);
      return;
    }
    setEmpty(false);
    // Never narrower than the margins plus room to draw: a plot area of zero or less gives negative widths
    // (the browser logs an error for each bar); the plot scrolls inside its own region instead.
    const drawWidth = Math.max(width, minWidth(options));
    // Room under the x axis for its title below the tick labels, and above the plot for the y axis title.
    const xLabelled = options.x?.label !== null && options.x?.axis !== null;
    // Plot is loaded on demand (its own chunk, shared with the chart pages that build marks with it) and the chart
    // is drawn in a later task than the page's first render, so the page's text and controls answer input first.
    let chart: (SVGSVGElement | HTMLElement) | null = null;
    let cancelled = false;
    void loadPlot().then(async (Plot) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) return;
      let drawn: Plot.PlotOptions = initialChartLayout(
        {
          height,
          marginLeft: 60,
          marginTop: 28,
          ...(xLabelled ? { marginBottom: 44 } : {}),
          style: {
            fontFamily: 'arial, sans-serif',
            fontSize: `${CHART_FONT_PX}px`,
            color: chartColours.black,
            background: 'transparent',
          },
          ...options,
          // The x axis title sits at the foot of the bottom margin, clear of the tick labels above it.
          ...(xLabelled && options.x?.labelOffset === undefined
            ? { x: { labelOffset: Math.max(26, (options.marginBottom ?? 44) - 6), ...options.x } }
            : {}),
          width: drawWidth,
        },
        drawWidth,
      );
      // Draw, measure the labels, and redraw with margins and ticks that fit (a few passes at most): no tick label
      // clipped or overlapping its neighbour or an axis title, and whole-number ticks on axes of counts.
      for (let pass = 0; pass < 4 && !cancelled; pass++) {
        const drawing = Plot.plot({ ...drawn, width: Math.max(drawn.width ?? drawWidth, minWidth(drawn)) });
        // The container carries the accessible name/description; the SVG inside is presentational.
        drawing.setAttribute('aria-hidden', 'true');
        el.replaceChildren(drawing);
        chart = drawing;
        const measured = measureChart(drawing);
        if (!measured) break;
        const next = fitChartLayout(drawn, measured, { x: scaleInfo(drawing, 'x'), y: scaleInfo(drawing, 'y') });
        if (!next) break;
        drawn = next;
      }
    });
    return () => {
      cancelled = true;
      chart?.remove();
    };
  }, [plot, width, height]);

  return (
    <figure className="app-chart">
      <figcaption className="app-chart__title" id={titleId}>
        {title}
      </figcaption>
      <div
        className="app-chart__plot"
        ref={containerRef}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        hidden={empty}
      />
      {empty && <p className="govuk-body govuk-inset-text app-chart__empty">{emptyText ?? 'No data to show yet.'}</p>}
      <p className="app-chart__description" id={descriptionId}>
        {description}
      </p>
      {source && <div className="govuk-body-s">{source}</div>}
      {dataTable && <Details summary="Show the data">{dataTable}</Details>}
    </figure>
  );
}
