import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  Chart,
  Details,
  DownloadLinks,
  InsetText,
  KeyFigures,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  Table,
  WarningText,
  categoricalColours,
  chartColours,
  formatGbp,
  formatMultiplier,
  formatShortfall,
  formatNumber,
  type Column,
  type DownloadColumn,
} from '../components';
import type {
  AreasResponse,
  MeasureView,
  PopulationResponse,
  ProjectionResponse,
  ScenariosResponse,
  ServiceView,
} from './types';

const KEY_YEARS = [2030, 2035, 2040, 2045];

/** People, beds and hours are shown to the nearest whole one (downloads keep the decimals). */
const whole = (v: number | null | undefined) => formatNumber(v === null || v === undefined ? v : Math.round(v));

function yearsShown(all: number[]): number[] {
  return [all[0], ...KEY_YEARS.filter((y) => y > all[0] && all.includes(y))];
}

export function explainHref(scenario: string, measure: string, year: number, area?: string): string {
  return withQuery('/demand/explain', { scenario, measure, year, area });
}

export function DemandOverviewPage() {
  const [search, setSearch] = useSearchParams();
  const scenario = search.get('scenario') ?? 'default';
  const area = search.get('area') ?? undefined;
  const projection = useApi<ProjectionResponse>(withQuery('/api/demand/projection', { scenario, area }));
  const population = useApi<PopulationResponse>(withQuery('/api/demand/population', { area }));
  const scenarios = useApi<ScenariosResponse>('/api/demand/scenarios');
  const areas = useApi<AreasResponse>('/api/demand/areas');
  const [choice, setChoice] = useState(scenario);
  const [areaChoice, setAreaChoice] = useState(area ?? '');
  const { hasRole } = useAuth();
  // A confirmation carried from the page that saved: a rate changed or a scenario saved.
  const saved = (useLocation().state as { changed?: string; saved?: string } | null) ?? null;

  if (!projection.data || !population.data) {
    return (
      <Page title="Need and demand">
        <LoadingOrError
          loading={projection.loading || population.loading}
          error={projection.error ?? population.error}
          what="projections"
        />
      </Page>
    );
  }
  const p = projection.data;
  const pop = population.data;
  const choose = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (choice !== 'default') next.scenario = choice;
    if (areaChoice && areaChoice !== areas.data?.borough?.gssCode) next.area = areaChoice;
    setSearch(next);
  };
  const areaOptions = (areas.data?.areas ?? [])
    .filter((a) => a.figures > 0)
    .map((a) => ({ value: a.code, text: `${a.name} (${a.code})` }));
  const chGap = p.services.find((s) => s.service === 'care_home_residential')?.gap ?? null;
  const at2035 = <T extends { year: number }>(rows: T[] | undefined): T | undefined =>
    rows?.find((r) => r.year === 2035);
  // The latest mid-year estimate; a council holding only projections (the SNPP) gets this year's projected figure.
  const kindOf = (year: number) => pop.sources.find((s) => s.year === year)?.kind;
  const allAges = pop.rows.filter((r) => r.band === '0+').sort((a, b) => b.year - a.year);
  const thisYear = new Date().getFullYear();
  const residents =
    allAges.find((r) => kindOf(r.year) === 'estimate') ??
    allAges.find((r) => r.year === thisYear) ??
    allAges.filter((r) => r.year < thisYear)[0];
  const residentsEstimated = residents !== undefined && kindOf(residents.year) === 'estimate';
  const over65 = residents
    ? pop.rows
        .filter((r) => r.year === residents.year && (r.band === '65-74' || r.band === '75-84' || r.band === '85+'))
        .reduce((s, r) => s + r.people, 0)
    : null;
  const budget2035 = at2035(p.budget.rows);

  return (
    <Page title="Need and demand" caption={pop.area.name}>
      {saved?.changed && (
        <NotificationBanner type="success" heading={`Rate saved: ${saved.changed}`}>
          The projections below use the new rate.
        </NotificationBanner>
      )}
      {saved?.saved && (
        <NotificationBanner type="success" heading={`Scenario saved: ${saved.saved}`}>
          The projections below use it.
        </NotificationBanner>
      )}
      {pop.area.synthetic && (
        <WarningText>
          This is a synthetic demo borough: the population and services are made up. Do not quote these figures.
        </WarningText>
      )}
      <p className="govuk-body">
        How many people will need care, of what kind, by when, against what the market has today and at what cost.
        Demand = population × rate × share known to adult social care; service-use rates are scaled so that {p.baseYear}{' '}
        matches today’s placements and packages.
      </p>
      <form onSubmit={choose} aria-label="Choose an area and a scenario">
        {areaOptions.length > 1 && (
          <Select
            name="area"
            label="Area"
            value={areaChoice || pop.area.code}
            onChange={setAreaChoice}
            options={areaOptions}
          />
        )}
        <Select
          name="scenario"
          label="Scenario"
          value={choice}
          onChange={setChoice}
          options={[
            { value: 'default', text: 'Default (constant rates, no uplift)' },
            ...(scenarios.data?.scenarios ?? []).map((s) => ({ value: s.id, text: s.name })),
          ]}
        />
        <Button variant="secondary">Show</Button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/demand/scenarios">
          Compare scenarios
        </Link>
        {' · '}
        <Link className="govuk-link" to="/demand/rates">
          Rates and their sources
        </Link>
        {hasRole('commissioner', 'admin') && (
          <>
            {' · '}
            <Link className="govuk-link" to="/demand/scenarios/new">
              Add a scenario
            </Link>
          </>
        )}
      </p>
      <InsetText>
        <strong>{p.scenario.name}.</strong> {scenarioSummary(p)}
      </InsetText>

      <KeyFigures
        label="Key figures"
        figures={[
          {
            key: 'residents',
            label: residents
              ? `Residents (mid-${residents.year} ${residentsEstimated ? 'estimate' : 'projection'})`
              : 'Residents',
            value: residents?.people ?? null,
          },
          {
            key: 'over65',
            label: 'Aged 65 and over',
            value: over65 !== null && residents ? Math.round((over65 / residents.people) * 1000) / 10 : null,
            unit: 'percent',
          },
          {
            key: 'beds2035',
            label: 'Residential beds short in 2035',
            value: chGap ? Math.max(0, Math.round(at2035(chGap.rows)?.gap ?? 0)) : null,
            hint: chGap?.crossingYear
              ? `Capacity runs out in ${chGap.crossingYear}`
              : 'Capacity lasts to the end of the projection',
          },
          {
            key: 'pressure2035',
            label: 'Budget pressure in 2035 (a year)',
            value: budget2035 ? budget2035.pressurePence : null,
            unit: 'pence',
            hint: `Against the ${p.baseYear} commitment`,
          },
        ]}
      />

      <PopulationSection pop={pop} baseYear={p.baseYear} />
      <NeedSection p={p} scenario={scenario} />
      <ServiceSection p={p} />
      <GapSection p={p} />
      <BudgetSection p={p} />

      <h2 className="govuk-heading-l">How these figures are calculated</h2>
      <Details summary="Method, sources and assumptions">
        <ul className="govuk-list govuk-list--bullet">
          <li>Population: {sourceRanges(pop.sources)}. Estimates are used where they exist, then projections.</li>
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {p.services.map(
            (s) =>
              s.gap && (
                <li key={s.service}>
                  {s.label}: {s.gap.note}
                </li>
              ),
          )}
          <li>{p.budget.note}</li>
          {!p.marketLinked && (
            <li>
              This area is not the borough Steward serves, so no placements or market supply are linked: only need is
              projected.
            </li>
          )}
        </ul>
      </Details>
    </Page>
  );
}

/** "2019–2024 estimates (mid-2024); 2025–2047 projections (2022-based SNPP)" */
export function sourceRanges(sources: { year: number; kind: string; vintage: string }[]): string {
  const groups: { from: number; to: number; kind: string; vintage: string }[] = [];
  for (const s of [...sources].sort((a, b) => a.year - b.year)) {
    const g = groups[groups.length - 1];
    if (g && g.kind === s.kind && g.vintage === s.vintage && g.to === s.year - 1) g.to = s.year;
    else groups.push({ from: s.year, to: s.year, kind: s.kind, vintage: s.vintage });
  }
  return groups.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.kind}s (${g.vintage})`).join('; ');
}

function scenarioSummary(p: ProjectionResponse): string {
  const s = p.scenario.params;
  const parts = [
    s.method === 'constant'
      ? 'Rates held at today’s level'
      : s.method === 'trend'
        ? 'Rates with a history follow their linear trend'
        : 'Custom rate trajectories',
    `to ${s.toYear}`,
    `target occupancy ${Math.round(s.targetOccupancy * 100)}%`,
    s.upliftRate ? `prices uplifted ${(s.upliftRate * 100).toFixed(1)}% a year` : 'no inflation',
  ];
  if (s.lever)
    parts.push(
      `${Math.round(s.lever.share * 100)}% of new admissions moved from ${s.lever.from.replace(/_/g, ' ')} to ${s.lever.to.replace(/_/g, ' ')} from ${s.lever.startYear}`,
    );
  return parts.join('; ') + '.';
}

function PopulationSection({ pop, baseYear }: { pop: PopulationResponse; baseYear: number }) {
  const bands = pop.bands;
  const rows = useMemo(() => pop.rows.filter((r) => r.band !== '0+'), [pop]);
  const years = [...new Set(rows.map((r) => r.year))];
  const first = years[0];
  const last = years[years.length - 1];
  const o65 = (y: number) =>
    rows.filter((r) => r.year === y && ['65-74', '75-84', '85+'].includes(r.band)).reduce((s, r) => s + r.people, 0);
  const o85 = (y: number) => rows.find((r) => r.year === y && r.band === '85+')?.people ?? 0;
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Residents', tickFormat: '~s' },
      x: { label: 'Year (mid-year)', tickFormat: 'd' },
      color: { legend: true, domain: bands, range: categoricalColours },
      marks: [
        Plot.areaY(rows, { x: 'year', y: 'people', fill: 'band', order: bands }),
        Plot.ruleX([baseYear], { stroke: chartColours.black, strokeDasharray: '4 3' }),
        Plot.ruleY([0]),
      ],
    }),
    [rows, bands, baseYear],
  );
  const table = years
    .filter((y) => y === first || y === last || y % 5 === 0)
    .map((year) => ({
      year,
      ...Object.fromEntries(bands.map((b) => [b, rows.find((r) => r.year === year && r.band === b)?.people ?? 0])),
    }));
  const columns: Column<Record<string, number>>[] = [
    { key: 'year', header: 'Year' },
    ...bands.map((b) => ({
      key: b,
      header: `Aged ${b}`,
      numeric: true,
      render: (r: Record<string, number>) => whole(r[b]),
    })),
  ];
  const download: DownloadColumn<{ year: number; band: string; people: number }>[] = [
    { key: 'year', header: 'Year' },
    { key: 'band', header: 'Age band' },
    { key: 'people', header: 'Residents', numFmt: '#,##0' },
  ];
  return (
    <>
      <h2 className="govuk-heading-l">Population by age</h2>
      <Chart
        title={`Residents by age band, ${first} to ${last}`}
        description={`People aged 65 and over: ${whole(o65(first))} in ${first}, ${whole(o65(baseYear))} in ${baseYear} and ${whole(o65(last))} in ${last}; aged 85 and over: ${whole(o85(baseYear))} in ${baseYear}, ${whole(o85(last))} in ${last}. The dashed line marks ${baseYear}.`}
        plot={plot}
        source={<p className="govuk-body-s">Source: {[...new Set(pop.sources.map((s) => s.vintage))].join('; ')}.</p>}
        dataTable={
          <Table
            caption="Residents by age band"
            captionHidden
            columns={columns}
            rows={table}
            rowKey={(r) => String(r.year)}
            firstCellIsHeader
          />
        }
      />
      <DownloadLinks filename="population-by-age" what="population by age" columns={download} rows={rows} />
    </>
  );
}

function NeedSection({ p, scenario }: { p: ProjectionResponse; scenario: string }) {
  const years = yearsShown(p.years);
  const need = p.measures.filter((m) => m.kind !== 'service_use');
  const columns: Column<MeasureView>[] = [
    {
      key: 'label',
      header: 'Need',
      render: (m) => (
        <>
          {m.label}
          <br />
          <span className="govuk-body-s">
            {m.careGroupLabel}; ages {m.scope}
          </span>
        </>
      ),
    },
    ...years.map((y) => ({
      key: String(y),
      header: String(y),
      numeric: true,
      render: (m: MeasureView) => (
        <Link
          className="govuk-link"
          to={explainHref(scenario, m.key, y, p.marketLinked ? undefined : p.areaCode)}
          aria-label={`${whole(m.totals[p.years.indexOf(y)])}: how ${m.label} in ${y} is calculated`}
        >
          {whole(m.totals[p.years.indexOf(y)])}
        </Link>
      ),
    })),
  ];
  const series = need.flatMap((m) =>
    p.years.map((year, i) => ({
      measure: m.label,
      year,
      index: m.totals[0] > 0 ? (m.totals[i] / m.totals[0]) * 100 : 0,
    })),
  );
  const plot = useCallback(
    () => ({
      y: { grid: true, label: `Index (${p.years[0]} = 100)` },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [Plot.ruleY([100]), Plot.lineY(series, { x: 'year', y: 'index', stroke: 'measure', strokeWidth: 2 })],
    }),
    [series, p.years],
  );
  const fastest = [...need].sort(
    (a, b) => b.totals[b.totals.length - 1] / b.totals[0] - a.totals[a.totals.length - 1] / a.totals[0],
  )[0];
  return (
    <>
      <h2 className="govuk-heading-l">Projected need by care group</h2>
      <Chart
        title={`Growth in need, ${p.years[0]} = 100`}
        description={
          fastest
            ? `${fastest.label} grows fastest: from ${whole(fastest.totals[0])} in ${p.years[0]} to ${whole(fastest.totals[fastest.totals.length - 1])} in ${p.years[p.years.length - 1]}.`
            : 'No need measures.'
        }
        plot={plot}
      />
      <Table
        caption="People with each need (select a figure to see how it is calculated)"
        columns={columns}
        rows={need}
        rowKey={(m) => m.key}
      />
      <DownloadLinks filename="projected-need" what="projected need" columns={measureDownload(p)} rows={need} />
    </>
  );
}

function measureDownload(p: ProjectionResponse): DownloadColumn<MeasureView>[] {
  return [
    { key: 'label', header: 'Measure' },
    { key: 'careGroupLabel', header: 'Care group' },
    { key: 'scope', header: 'Ages' },
    { key: 'source', header: 'Rate source' },
    { key: 'shareKnownToAsc', header: 'Share known to ASC', numFmt: '0%' },
    { key: 'method', header: 'Method' },
    ...p.years.map((y, i) => ({
      key: String(y),
      header: String(y),
      value: (m: MeasureView) => m.totals[i],
      numFmt: '#,##0.0',
    })),
  ];
}

function ServiceSection({ p }: { p: ProjectionResponse }) {
  const years = yearsShown(p.years);
  const series = p.services.flatMap((s) =>
    p.years.map((year, i) => ({ service: s.label, year, clients: s.clients[i] })),
  );
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Council-supported clients' },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [Plot.ruleY([0]), Plot.lineY(series, { x: 'year', y: 'clients', stroke: 'service', strokeWidth: 2 })],
    }),
    [series],
  );
  const measures = p.measures.filter((m) => m.kind === 'service_use');
  const lever = p.scenario.params.lever;
  // A service's clients are one service-use measure's people unless a policy lever moves some of them.
  const measureFor = (s: ServiceView) => {
    const ms = measures.filter((m) => m.service === s.service);
    return ms.length === 1 && !(lever && lever.share > 0 && (lever.from === s.service || lever.to === s.service))
      ? ms[0]
      : null;
  };
  const columns: Column<ServiceView>[] = [
    { key: 'label', header: 'Service' },
    ...years.map((y) => ({
      key: String(y),
      header: String(y),
      numeric: true,
      render: (s: ServiceView) => {
        const m = measureFor(s);
        const v = whole(s.clients[p.years.indexOf(y)]);
        return m ? (
          <Link
            className="govuk-link"
            to={explainHref(p.scenario.id, m.key, y, p.marketLinked ? undefined : p.areaCode)}
            aria-label={`${v}: how ${s.label.toLowerCase()} clients in ${y} are calculated`}
          >
            {v}
          </Link>
        ) : (
          v
        );
      },
    })),
  ];
  return (
    <>
      <h2 className="govuk-heading-l">Projected demand by service</h2>
      <Chart
        title="Council-supported clients by service"
        description={
          p.services
            .map(
              (s) =>
                `${s.label}: ${whole(s.clients[0])} in ${p.years[0]}, ${whole(s.clients[s.clients.length - 1])} in ${p.years[p.years.length - 1]}`,
            )
            .join('. ') + '.'
        }
        plot={plot}
      />
      <Table
        caption="Clients by service"
        columns={columns}
        rows={p.services}
        rowKey={(s) => s.service}
        firstCellIsHeader
      />
      <Details summary="How today’s service-use rates were derived">
        <ul className="govuk-list govuk-list--bullet">
          {measures.map((m) => (
            <li key={m.key}>
              {m.label}:{' '}
              {m.calibration
                ? `the age profile (${m.source}) gives ${whole(m.calibration.expected)} clients in ${p.baseYear}; placements and packages show ${whole(m.calibration.observed)}, so each rate is multiplied by ${formatMultiplier(m.calibration.factor).slice(1)}.`
                : `no current placements or packages recorded; the shipped profile is used as it is (${m.source}).`}
            </li>
          ))}
        </ul>
      </Details>
      <DownloadLinks
        filename="projected-clients-by-service"
        what="clients by service"
        columns={[
          { key: 'label', header: 'Service' },
          ...p.years.map((y, i) => ({
            key: String(y),
            header: String(y),
            value: (s: ServiceView) => s.clients[i],
            numFmt: '#,##0.0',
          })),
        ]}
        rows={p.services}
      />
    </>
  );
}

function GapSection({ p }: { p: ProjectionResponse }) {
  const withGap = p.services.filter((s) => s.gap);
  return (
    <>
      <h2 className="govuk-heading-l">Supply gap</h2>
      {withGap.length === 0 && (
        <p className="govuk-body">
          No current supply is recorded in the market register for this area, so no gap can be worked out.
        </p>
      )}
      {withGap.map((s) => (
        <GapChart key={s.service} s={s} baseYear={p.baseYear} />
      ))}
    </>
  );
}

function GapChart({ s, baseYear }: { s: ServiceView; baseYear: number }) {
  const gap = s.gap!;
  const rows = gap.rows;
  const last = rows[rows.length - 1];
  const y2035 = rows.find((r) => r.year === 2035);
  const series = rows.flatMap((r) => [
    { year: r.year, value: r.required, line: `${s.unit} needed` },
    { year: r.year, value: r.capacity, line: `${s.unit} available today` },
  ]);
  const plot = useCallback(
    () => ({
      y: { grid: true, label: s.unit.replace(/^./, (c) => c.toUpperCase()) },
      x: { tickFormat: 'd', label: 'Year' },
      color: {
        legend: true,
        domain: [`${s.unit} needed`, `${s.unit} available today`],
        range: [chartColours.blue, chartColours.black],
      },
      marks: [
        Plot.lineY(series, { x: 'year', y: 'value', stroke: 'line', strokeWidth: 2 }),
        ...(gap.crossingYear
          ? [Plot.ruleX([gap.crossingYear], { stroke: chartColours.red, strokeDasharray: '4 3' })]
          : []),
      ],
    }),
    [series, gap.crossingYear, s.unit],
  );
  const headline = gap.shortToday
    ? `${s.label}: already short in ${baseYear}`
    : gap.crossingYear
      ? `${s.label}: capacity runs out in ${gap.crossingYear}`
      : `${s.label}: capacity lasts to ${last.year}`;
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'year', header: 'Year' },
    { key: 'clients', header: 'Council clients', numeric: true, render: (r) => whole(r.clients) },
    { key: 'inUse', header: `${s.unit} in use (whole market)`, numeric: true, render: (r) => whole(r.inUse) },
    { key: 'required', header: `${s.unit} needed`, numeric: true, render: (r) => whole(r.required) },
    { key: 'capacity', header: 'Available today', numeric: true, render: (r) => whole(r.capacity) },
    { key: 'gap', header: 'Short or spare', numeric: true, render: (r) => formatShortfall(r.gap, s.unit) },
  ];
  return (
    <>
      <Chart
        title={headline}
        description={`${whole(rows[0].required)} ${s.unit} needed in ${rows[0].year} against ${whole(rows[0].capacity)} available; ${whole(last.required)} needed by ${last.year}${y2035 ? `, so ${whole(Math.abs(y2035.gap))} ${s.unit} ${y2035.gap > 0 ? 'more are needed' : 'to spare'} in 2035` : ''}.${gap.crossingYear ? ` The red line marks ${gap.crossingYear}.` : ''}`}
        plot={plot}
        source={<p className="govuk-body-s">{gap.note}</p>}
        dataTable={
          <Table
            caption={`${s.label}: supply gap by year`}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => String(r.year)}
            firstCellIsHeader
          />
        }
      />
      <DownloadLinks
        filename={`supply-gap-${s.service.replace(/_/g, '-')}`}
        what={`the ${s.label.toLowerCase()} gap`}
        columns={[
          { key: 'year', header: 'Year' },
          { key: 'clients', header: 'Council clients', numFmt: '#,##0' },
          { key: 'inUse', header: `${s.unit} in use`, numFmt: '#,##0' },
          { key: 'required', header: `${s.unit} needed`, numFmt: '#,##0' },
          { key: 'capacity', header: 'Available today', numFmt: '#,##0' },
          { key: 'gap', header: `${s.unit} short (+) or spare (−)`, numFmt: '#,##0' },
        ]}
        rows={rows}
      />
    </>
  );
}

/** Whole pounds of a sum in pence, for figures of thousands or millions a year. */
const wholePounds = (pence: number) => formatGbp(Math.round(pence / 100));

function BudgetSection({ p }: { p: ProjectionResponse }) {
  const rows = p.budget.rows.map((r) => ({ ...r, pressurePounds: r.pressurePence / 100 }));
  const last = rows[rows.length - 1];
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Pressure against base year (£ a year)', tickFormat: '~s' },
      x: { tickFormat: 'd', label: 'Year' },
      marks: [Plot.barY(rows, { x: 'year', y: 'pressurePounds', fill: chartColours.blue }), Plot.ruleY([0])],
    }),
    [rows],
  );
  const years = yearsShown(p.years);
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'year', header: 'Year' },
    { key: 'totalPence', header: 'Annual cost', numeric: true, render: (r) => wholePounds(r.totalPence) },
    {
      key: 'pressurePence',
      header: `Pressure against ${p.baseYear}`,
      numeric: true,
      render: (r) => wholePounds(r.pressurePence),
    },
    { key: 'pressureShare', header: 'Change', numeric: true, render: (r) => `${(r.pressureShare * 100).toFixed(1)}%` },
  ];
  // No service has a price yet (a council that has imported no placements): nothing to cost, so no chart of zeros.
  if (rows.every((r) => r.services.length === 0))
    return (
      <>
        <h2 className="govuk-heading-l">Budget pressure</h2>
        <InsetText>
          No council-funded placements with a weekly price yet, so today’s cost per client is not known. Import your
          placements (Data page, or <code>steward import placements</code>) to see the budget pressure.
        </InsetText>
      </>
    );
  return (
    <>
      <h2 className="govuk-heading-l">Budget pressure</h2>
      <Chart
        title="Budget pressure from demographic growth"
        description={`Today’s commitment of ${wholePounds(p.budget.baseTotalPence)} a year grows by ${wholePounds(last.pressurePence)} (${(last.pressureShare * 100).toFixed(1)}%) by ${last.year}.`}
        plot={plot}
        source={<p className="govuk-body-s">{p.budget.note}</p>}
      />
      <Table
        caption="Annual cost and pressure"
        columns={columns}
        rows={rows.filter((r) => years.includes(r.year))}
        rowKey={(r) => String(r.year)}
        firstCellIsHeader
      />
      <DownloadLinks
        filename="budget-pressure"
        what="budget pressure"
        columns={[
          { key: 'year', header: 'Year' },
          { key: 'total', header: 'Annual cost (£)', numFmt: '£#,##0' },
          { key: 'pressure', header: 'Pressure (£)', numFmt: '£#,##0' },
          { key: 'pressureShare', header: 'Change', numFmt: '0.0%' },
          ...p.services.map((s) => ({
            key: s.service,
            header: `${s.label} clients`,
            value: (r: (typeof rows)[number]) => r.services.find((x) => x.service === s.service)?.clients ?? null,
            numFmt: '#,##0.0',
          })),
        ]}
        rows={rows}
      />
    </>
  );
}
