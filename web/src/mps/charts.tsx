// The statement's charts, each with its data table and source line: population pyramid, need projections, care
// home beds and vacancies by type, and the price trend of new care home placements.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import {
  Chart,
  chartColours,
  categoricalColours,
  formatGbp,
  formatNumber,
  formatPence,
  formatQuarter,
  NOT_AVAILABLE,
  Table,
} from '../components';
import type { StatementSection } from './types';

type Area = Extract<StatementSection, { kind: 'area' }>;
type Need = Extract<StatementSection, { kind: 'need' }>;
type Market = Extract<StatementSection, { kind: 'market' }>;

function Source({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return <p className="govuk-body-s app-mps-source">Source: {lines.join(' ')}</p>;
}

export function PopulationPyramid({ section }: { section: Area }) {
  const pop = section.population!;
  const rows = pop.pyramid;
  const plot = useCallback(
    (width: number) => {
      const data = rows.flatMap((r) => [
        { band: r.band, sex: 'Female', people: -r.female },
        { band: r.band, sex: 'Male', people: r.male },
      ]);
      return {
        marginLeft: 60,
        x: { label: '← Female · Male → (people)', tickFormat: (d: number) => formatNumber(Math.abs(d)), grid: true },
        y: { label: 'Age', domain: [...rows.map((r) => r.band)].reverse() },
        color: { domain: ['Female', 'Male'], range: [chartColours.purple, chartColours.teal], legend: true },
        width,
        marks: [Plot.barX(data, { x: 'people', y: 'band', fill: 'sex' }), Plot.ruleX([0])],
      };
    },
    [rows],
  );
  const total = rows.reduce((s, r) => s + r.female + r.male, 0);
  const older = rows.filter((r) => Number.parseInt(r.band, 10) >= 65).reduce((s, r) => s + r.female + r.male, 0);
  return (
    <Chart
      title={`Population by age and sex, ${pop.pyramidYear}`}
      description={`${formatNumber(total)} residents in ${pop.pyramidYear}, of whom ${formatNumber(older)} (${formatNumber(Math.round((older / Math.max(1, total)) * 1000) / 10)}%) are aged 65 or over.`}
      height={420}
      plot={plot}
      source={<Source lines={section.sources} />}
      dataTable={
        <Table
          caption={`Residents by age and sex, ${pop.pyramidYear}`}
          captionSize="s"
          columns={[
            { key: 'band', header: 'Age' },
            { key: 'female', header: 'Female', numeric: true, render: (r) => formatNumber(r.female) },
            { key: 'male', header: 'Male', numeric: true, render: (r) => formatNumber(r.male) },
          ]}
          rows={rows}
          rowKey={(r) => r.band}
          firstCellIsHeader
        />
      }
    />
  );
}

export function NeedProjections({ section }: { section: Need }) {
  const measures = section.measures.filter((m) => m.kind === 'prevalence');
  const plot = useCallback(
    (width: number) => {
      const data = measures.flatMap((m) => {
        const base = m.values[0]?.people || 1;
        return m.values.map((v) => ({
          measure: m.label,
          year: new Date(Date.UTC(v.year, 0, 1)),
          index: (v.people / base) * 100,
        }));
      });
      return {
        width,
        y: { label: 'Index (base year = 100)', grid: true },
        x: { label: 'Year' },
        color: { legend: true, range: categoricalColours },
        marks: [Plot.ruleY([100]), Plot.lineY(data, { x: 'year', y: 'index', stroke: 'measure', strokeWidth: 2 })],
      };
    },
    [measures],
  );
  if (measures.length === 0 || section.baseYear === null) return null;
  const years = measures[0].values.map((v) => v.year).filter((y) => (y - section.baseYear!) % 5 === 0);
  const fastest = [...measures].sort(
    (a, b) => b.values.at(-1)!.people / (b.values[0].people || 1) - a.values.at(-1)!.people / (a.values[0].people || 1),
  )[0];
  const growth = (m: (typeof measures)[number]) =>
    Math.round((m.values.at(-1)!.people / (m.values[0].people || 1) - 1) * 100);
  return (
    <Chart
      title={`Need projected from ${section.baseYear} to ${measures[0].values.at(-1)!.year}`}
      description={`Growth in each measure of need, indexed to ${section.baseYear}. ${fastest.label} grows fastest: by ${growth(fastest)}%, from ${formatNumber(fastest.values[0].people)} to ${formatNumber(fastest.values.at(-1)!.people)} people.`}
      height={360}
      plot={plot}
      source={<Source lines={section.sources} />}
      dataTable={
        <Table
          caption="People with each need, by year"
          captionSize="s"
          columns={[
            { key: 'label', header: 'Measure' },
            { key: 'careGroupLabel', header: 'Care group' },
            ...years.map((y) => ({
              key: String(y),
              header: String(y),
              numeric: true,
              render: (m: (typeof measures)[number]) =>
                formatNumber(m.values.find((v) => v.year === y)?.people ?? null),
            })),
          ]}
          rows={measures}
          rowKey={(m) => m.key}
          firstCellIsHeader
        />
      }
    />
  );
}

export function BedsByType({ section }: { section: Market }) {
  const rows = section.bedsByType.filter((g) => g.maxCapacity > 0);
  const plot = useCallback(
    (width: number) => {
      const data = rows.flatMap((g) => [
        { type: g.label, status: 'Occupied', beds: g.occupied },
        { type: g.label, status: 'Vacant, accepting admissions', beds: g.vacantAccepting },
        {
          type: g.label,
          status: 'Vacant, not accepting',
          beds: Math.max(0, g.maxCapacity - g.occupied - g.vacantAccepting),
        },
      ]);
      return {
        width,
        marginLeft: 130,
        x: { label: 'Beds', grid: true },
        y: { label: null },
        color: {
          legend: true,
          domain: ['Occupied', 'Vacant, accepting admissions', 'Vacant, not accepting'],
          range: [chartColours.blue, chartColours.orange, chartColours.midGrey],
        },
        marks: [Plot.barX(data, Plot.stackX({ x: 'beds', y: 'type', fill: 'status' })), Plot.ruleX([0])],
      };
    },
    [rows],
  );
  if (rows.length === 0) return null;
  const typed = rows.filter((g) => g.group !== 'not_split');
  const tightest = [...(typed.length > 0 ? typed : rows)].sort(
    (a, b) => a.vacantAccepting / a.maxCapacity - b.vacantAccepting / b.maxCapacity,
  )[0];
  const total = (k: 'maxCapacity' | 'vacantAccepting') => rows.reduce((s, g) => s + g[k], 0);
  return (
    <Chart
      title="Care home beds and vacancies by type"
      description={`${rows.map((g) => `${g.label}: ${formatNumber(g.vacantAccepting)} vacant and accepting admissions of ${formatNumber(g.maxCapacity)}`).join('; ')}. ${tightest.label} are the hardest to find. Residential, nursing and dementia beds are separate groups in a return; beds a return gives only as a total are shown as not split by type, so the rows add up to the ${formatNumber(total('maxCapacity'))} beds and ${formatNumber(total('vacantAccepting'))} vacancies accepting admissions in the latest returns.`}
      height={200}
      plot={plot}
      source={<Source lines={[section.sources[1] ?? '']} />}
      dataTable={
        <Table
          caption="Beds by type (latest capacity returns)"
          captionSize="s"
          columns={[
            { key: 'label', header: 'Type' },
            { key: 'maxCapacity', header: 'Beds', numeric: true, render: (g) => formatNumber(g.maxCapacity) },
            { key: 'occupied', header: 'Occupied', numeric: true, render: (g) => formatNumber(g.occupied) },
            {
              key: 'vacantAccepting',
              header: 'Vacant, accepting admissions',
              numeric: true,
              render: (g) => formatNumber(g.vacantAccepting),
            },
          ]}
          rows={rows}
          rowKey={(g) => g.group}
          firstCellIsHeader
        />
      }
    />
  );
}

/** First day of a calendar quarter: "2024-Q2" → 1 April 2024 (UTC), for a time axis. */
function quarterStart(quarter: string): Date {
  return new Date(Date.UTC(Number(quarter.slice(0, 4)), (Number(quarter.slice(6)) - 1) * 3, 1));
}

export function PriceTrend({ section }: { section: Market }) {
  const quarters = section.prices;
  const shown = quarters.filter((q) => q.meanPence !== null);
  const plot = useCallback(
    (width: number) => {
      const data = shown.flatMap((q) => [
        { date: quarterStart(q.quarter), measure: 'Mean', pounds: q.meanPence! / 100 },
        { date: quarterStart(q.quarter), measure: 'Median', pounds: q.medianPence! / 100 },
      ]);
      return {
        width,
        // A time axis, like the market prices page's: the Chart spaces its ticks to fit the width.
        x: { label: 'Quarter placement started', type: 'utc' as const },
        y: { label: '£ a week', grid: true, tickFormat: (d: number) => formatGbp(d) },
        color: { legend: true, domain: ['Mean', 'Median'], range: [chartColours.blue, chartColours.orange] },
        marks: [
          Plot.lineY(data, { x: 'date', y: 'pounds', stroke: 'measure', strokeWidth: 2 }),
          Plot.dot(data, { x: 'date', y: 'pounds', fill: 'measure' }),
        ],
      };
    },
    [shown],
  );
  if (shown.length < 2) return null;
  const first = shown[0];
  const last = shown.at(-1)!;
  return (
    <Chart
      title="Weekly price of new care home placements"
      description={`The mean weekly price of new care home placements went from ${formatPence(first.meanPence)} in ${formatQuarter(first.quarter)} to ${formatPence(last.meanPence)} in ${formatQuarter(last.quarter)}.`}
      height={320}
      plot={plot}
      source={<Source lines={[section.sources[2] ?? '', ...section.notes]} />}
      dataTable={
        <Table
          caption="New care home placements by quarter"
          captionSize="s"
          columns={[
            { key: 'quarter', header: 'Quarter', render: (q) => formatQuarter(q.quarter) },
            { key: 'placements', header: 'Placements', numeric: true, render: (q) => formatNumber(q.placements) },
            {
              key: 'meanPence',
              header: 'Mean a week',
              numeric: true,
              render: (q) => (q.meanPence === null ? NOT_AVAILABLE : formatPence(q.meanPence)),
            },
            {
              key: 'medianPence',
              header: 'Median a week',
              numeric: true,
              render: (q) => (q.medianPence === null ? NOT_AVAILABLE : formatPence(q.medianPence)),
            },
          ]}
          rows={quarters}
          rowKey={(q) => q.quarter}
          firstCellIsHeader
        />
      }
    />
  );
}
