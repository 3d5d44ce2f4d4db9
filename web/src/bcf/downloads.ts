// The BCF pages' downloads in the pages' words: places, services, changes and levels by name, months and quarters
// as the pages write them, whole people, each metric's unit, Yes/No. No React here, so they can be unit tested.
import { MONTH_NAMES } from '../components/format';
import type { DownloadColumn } from '../components/downloads';
import type { DcRow, DcView, HicmView, MetricsView, PlanView } from './types';

/** A RAG rating as the metrics page says it. */
export const RAG_TEXT = { green: 'On plan', amber: 'Near plan', red: 'Off plan' } as const;

/** How each metric is measured, in words. */
const METRIC_UNIT_TEXT = { percent: 'Percentage (%)', per_100000: 'Per 100,000 in the quarter' } as const;

/** "2026-04" → "April 2026". */
export const monthText = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** One row of the metrics download: a place's metric in a quarter. */
export interface MetricDownloadRow {
  metric: string;
  place: string;
  year: string;
  quarter: string;
  unit: string;
  plan: number | null;
  actual: number | null;
  lower: number | null;
  upper: number | null;
  rag: string;
  lowCount: string;
  inputs: string;
  source: string;
}

/** The metrics by quarter, a row per place, metric and quarter ("Q1"), with the metric's unit in words. */
export function metricDownloadRows(data: MetricsView): MetricDownloadRow[] {
  const placeName = (id: string) => data.places.find((p) => p.id === id)?.name ?? '';
  return data.metrics.flatMap((m) =>
    m.quarters.map((q) => ({
      metric: m.definition.name,
      place: placeName(m.placeId),
      year: q.year,
      quarter: `Q${q.quarter}`,
      unit: METRIC_UNIT_TEXT[m.definition.unit],
      plan: q.plan,
      actual: q.actual,
      lower: q.lower,
      upper: q.upper,
      rag: q.rag ? RAG_TEXT[q.rag] : '',
      lowCount: q.lowCount ? 'Yes' : 'No',
      inputs: q.inputs,
      source: q.source,
    })),
  );
}

/** The metrics download's columns: figures to one decimal place, as the page shows them. */
export const METRIC_DOWNLOAD_COLUMNS: DownloadColumn<MetricDownloadRow>[] = [
  { key: 'metric', header: 'Metric' },
  { key: 'place', header: 'Place' },
  { key: 'year', header: 'Year' },
  { key: 'quarter', header: 'Quarter' },
  { key: 'unit', header: 'Measured as' },
  { key: 'plan', header: 'Plan', numFmt: '#,##0.0' },
  { key: 'actual', header: 'Actual', numFmt: '#,##0.0' },
  { key: 'lower', header: 'Lower 95%', numFmt: '#,##0.0' },
  { key: 'upper', header: 'Upper 95%', numFmt: '#,##0.0' },
  { key: 'rag', header: 'RAG' },
  { key: 'lowCount', header: 'Fewer than 10 events' },
  { key: 'inputs', header: 'Inputs' },
  { key: 'source', header: 'Source' },
];

/** The demand and capacity download's columns: place and service by name, the month in words, whole people. */
export function demandCapacityColumns(data: Pick<DcView, 'places' | 'services'>): DownloadColumn<DcRow>[] {
  return [
    { key: 'place', header: 'Place', value: (r) => data.places.find((p) => p.id === r.placeId)?.name ?? '' },
    {
      key: 'service',
      header: 'Service',
      value: (r) => data.services.find((s) => s.key === r.service)?.label ?? r.service,
    },
    { key: 'month', header: 'Month', value: (r) => monthText(r.month) },
    { key: 'demand', header: 'Demand (people)', numFmt: '#,##0' },
    { key: 'capacity', header: 'Capacity (people)', numFmt: '#,##0' },
    { key: 'shortfall', header: 'Shortfall (people)', numFmt: '#,##0' },
    { key: 'demandSource', header: 'Demand source' },
    { key: 'capacitySource', header: 'Capacity source' },
  ];
}

type HicmAssessment = HicmView['history'][number];

/** The HICM download's columns: place, change ("4. Home first") and levels by name. */
export function hicmColumns(data: Pick<HicmView, 'places' | 'changes' | 'levels'>): DownloadColumn<HicmAssessment>[] {
  const levelLabel = (k: string | null) => data.levels.find((l) => l.key === k)?.label ?? '';
  return [
    { key: 'assessedOn', header: 'Date assessed' },
    { key: 'place', header: 'Place', value: (a) => data.places.find((p) => p.id === a.placeId)?.name ?? '' },
    {
      key: 'change',
      header: 'Change',
      value: (a) => {
        const c = data.changes.find((x) => x.number === a.change);
        return c ? `${c.number}. ${c.name}` : a.change;
      },
    },
    { key: 'level', header: 'Level', value: (a) => levelLabel(a.level) },
    { key: 'evidence', header: 'Evidence' },
    { key: 'plannedLevel', header: 'Planned next level', value: (a) => levelLabel(a.plannedLevel) },
    { key: 'plannedBy', header: 'Planned by' },
  ];
}

/** Pence in the whole pounds the BCF pages show (£141,251.24 → 141251), for a "(£)" column. */
export const wholePounds = (pence: number) => Math.round(pence / 100);

/** One funding line of one place, as the funding table shows it. */
export interface FundingDownloadRow {
  place: string;
  fundingLine: string;
  incomePence: number;
  plannedPence: number;
  actualPence: number;
}

/** The funding download's columns: the funding line by name, money in whole pounds as the page shows it. */
export function fundingColumns(lineLabel: (line: string) => string): DownloadColumn<FundingDownloadRow>[] {
  return [
    { key: 'place', header: 'Place' },
    { key: 'fundingLine', header: 'Funding line', value: (r) => lineLabel(r.fundingLine) },
    { key: 'income', header: 'Income (£)', value: (r) => wholePounds(r.incomePence), numFmt: '£#,##0' },
    { key: 'planned', header: 'Planned (£)', value: (r) => wholePounds(r.plannedPence), numFmt: '£#,##0' },
    { key: 'actual', header: 'Actual to date (£)', value: (r) => wholePounds(r.actualPence), numFmt: '£#,##0' },
  ];
}

type Scheme = PlanView['schemes'][number];

/** The schemes download's columns for a year: the place by name, planned and actual spend in whole pounds. */
export function schemeColumns(year: string, placeName: (id: string | null) => string): DownloadColumn<Scheme>[] {
  const planned = (s: Scheme) => s.funding.filter((f) => f.year === year).reduce((a, f) => a + f.plannedPence, 0);
  const actual = (s: Scheme) => s.actuals.filter((a) => a.year === year).reduce((a, f) => a + f.actualPence, 0);
  return [
    { key: 'ref', header: 'Scheme ID' },
    { key: 'name', header: 'Scheme name' },
    { key: 'place', header: 'Place', value: (s) => placeName(s.placeId) },
    { key: 'schemeType', header: 'Scheme type' },
    { key: 'subType', header: 'Sub type' },
    { key: 'commissioner', header: 'Commissioner' },
    { key: 'provider', header: 'Provider' },
    { key: 'planned', header: `Planned ${year} (£)`, value: (s) => wholePounds(planned(s)), numFmt: '£#,##0' },
    { key: 'actual', header: 'Actual to date (£)', value: (s) => wholePounds(actual(s)), numFmt: '£#,##0' },
  ];
}
