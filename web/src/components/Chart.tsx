// Observable Plot charts inside a GOV.UK-styled <figure>: visible title, text description for everyone,
// responsive width, and an optional "Show the data" table for people who can't see the chart.
import type * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
}

export function Chart({ title, description, plot, height = 320, dataTable, source }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
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
    // Plot is loaded on demand (its own chunk, shared with the chart pages that build marks with it) and the chart
    // is drawn in a later task than the page's first render, so the page's text and controls answer input first.
    let chart: (SVGSVGElement | HTMLElement) | null = null;
    let cancelled = false;
    void loadPlot().then(async (Plot) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) return;
      chart = Plot.plot({
        width,
        height,
        marginLeft: 60,
        style: {
          fontFamily: 'arial, sans-serif',
          fontSize: '13px',
          color: chartColours.black,
          background: 'transparent',
        },
        ...plot(width),
      });
      // The container carries the accessible name/description; the SVG inside is presentational.
      chart.setAttribute('aria-hidden', 'true');
      el.replaceChildren(chart);
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
      />
      <p className="app-chart__description" id={descriptionId}>
        {description}
      </p>
      {source && <div className="govuk-body-s">{source}</div>}
      {dataTable && <Details summary="Show the data">{dataTable}</Details>}
    </figure>
  );
}
