import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  Details,
  InsetText,
  KeyFigures,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  WarningText,
  formatSpan,
} from '../components';
import type { AreasResponse, PopulationResponse, ProjectionResponse, ScenariosResponse } from './types';
import { PopulationSection } from './overview/PopulationSection';
import { NeedSection } from './overview/NeedSection';
import { ServiceSection } from './overview/ServiceSection';
import { GapSection } from './overview/GapSection';
import { BudgetSection } from './overview/BudgetSection';

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

  // The downloads name what they were made under: the area and the scenario, in words.
  const downloadFilter = `${pop.area.name}, ${p.scenario.name}`;
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

      <PopulationSection pop={pop} baseYear={p.baseYear} filter={pop.area.name} />
      <NeedSection p={p} scenario={scenario} filter={downloadFilter} />
      <ServiceSection p={p} filter={downloadFilter} />
      <GapSection p={p} filter={downloadFilter} />
      <BudgetSection p={p} filter={downloadFilter} />

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
  return groups.map((g) => `${formatSpan(g.from, g.to)} ${g.kind}s (${g.vintage})`).join('; ');
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
