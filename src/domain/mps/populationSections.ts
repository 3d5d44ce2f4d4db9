// The Market Position Statement's chapters about the borough's people: its population and their projected need.
import { type AgeBand, bandLabel } from '../demand/ages.js';
import { type PopulationGrid, populationIn } from '../demand/population.js';
import type { Figure, StatementSection } from './statement.js';
import type { StatementInputs } from './inputs.js';
import { chapter, fig, narrativeOf } from './sectionParts.js';

const BROAD_GROUPS: { group: string; band: AgeBand }[] = [
  { group: '0 to 17', band: { from: 0, to: 17 } },
  { group: '18 to 64', band: { from: 18, to: 64 } },
  { group: '65 to 84', band: { from: 65, to: 84 } },
  { group: '85 and over', band: { from: 85, to: null } },
];

function populationSources(grid: PopulationGrid): string[] {
  const estimates = [...new Set(grid.sources.filter((s) => s.kind === 'estimate').map((s) => s.vintage))];
  const projections = [...new Set(grid.sources.filter((s) => s.kind === 'projection').map((s) => s.vintage))];
  const out: string[] = [];
  if (estimates.length) out.push(`Population estimates: ONS mid-year estimates, ${estimates.join(', ')}.`);
  if (projections.length)
    out.push(`Population projections: ONS sub-national population projections, ${projections.join(', ')}.`);
  return out;
}

/**
 * The "area" chapter: residents by age band now and projected, with growth to ten years on and the population
 * pyramid for `currentYear`; a section with no figures when no population has been imported for that year.
 */
export function areaSection(inputs: StatementInputs, currentYear: number): StatementSection {
  const grid = inputs.population;
  const base = { ...chapter('area'), narrative: narrativeOf(inputs, 'area'), deprivation: null };
  const notes = ['No indices of deprivation have been imported for this borough.'];
  if (!grid || !grid.years.includes(currentYear)) {
    return {
      ...base,
      kind: 'area',
      figures: [],
      sources: [],
      notes: [...notes, 'No population figures have been imported for this borough.'],
      population: null,
    };
  }
  const years = [currentYear, currentYear + 5, currentYear + 10].filter((y) => grid.years.includes(y));
  const estimateYear = grid.sources.filter((s) => s.kind === 'estimate').at(-1)?.year ?? null;
  const at = (year: number, band: AgeBand) => Math.round(populationIn(grid, year, band));
  const all: AgeBand = { from: 0, to: null };
  const older: AgeBand = { from: 65, to: null };
  const oldest: AgeBand = { from: 85, to: null };
  const later = years.at(-1)!;
  const growth = (band: AgeBand) =>
    later > currentYear && at(currentYear, band) > 0 ? at(later, band) / at(currentYear, band) - 1 : null;
  const split = grid.sexes.includes('female') && grid.sexes.includes('male');
  const pyramid: { band: string; female: number; male: number }[] = [];
  if (split) {
    for (let from = 0; from <= 90; from += 5) {
      const band: AgeBand = { from, to: from === 90 ? null : from + 4 };
      pyramid.push({
        band: bandLabel(band),
        female: Math.round(populationIn(grid, currentYear, band, 'female')),
        male: Math.round(populationIn(grid, currentYear, band, 'male')),
      });
    }
  } else notes.push('The population is given for persons only, so no population pyramid is drawn.');
  const figures: Figure[] = [
    fig('population', `Residents in ${currentYear}`, at(currentYear, all), 'count'),
    fig('population_65_plus', `Residents aged 65 and over in ${currentYear}`, at(currentYear, older), 'count'),
    fig('population_85_plus', `Residents aged 85 and over in ${currentYear}`, at(currentYear, oldest), 'count'),
    fig('growth_all', `Population growth to ${later}`, growth(all), 'share'),
    fig('growth_65_plus', `Growth in residents aged 65 and over to ${later}`, growth(older), 'share'),
    fig('growth_85_plus', `Growth in residents aged 85 and over to ${later}`, growth(oldest), 'share'),
  ];
  if (estimateYear !== null)
    figures.push(
      fig(
        'population_estimate',
        `Residents in ${estimateYear} (latest mid-year estimate)`,
        at(estimateYear, all),
        'count',
      ),
    );
  return {
    ...base,
    kind: 'area',
    figures,
    sources: populationSources(grid),
    notes: [...notes, ...grid.notes],
    population: {
      estimateYear,
      currentYear,
      ageGroups: BROAD_GROUPS.map((g) => ({
        group: g.group,
        values: years.map((year) => ({ year, people: at(year, g.band) })),
      })),
      pyramid,
      pyramidYear: currentYear,
    },
  };
}

/**
 * The "need" chapter: the demand model's measures (people) in its base year and ten years on, with each measure's
 * source; a section with no measures when the model could not run (no population).
 */
export function needSection(inputs: StatementInputs): StatementSection {
  const model = inputs.model;
  const base = { ...chapter('need'), kind: 'need' as const, narrative: narrativeOf(inputs, 'need') };
  if (!model)
    return {
      ...base,
      figures: [],
      sources: [],
      notes: ['No population figures have been imported, so need cannot be projected.'],
      baseYear: null,
      measures: [],
    };
  const yi10 = model.years.indexOf(model.baseYear + 10);
  const measures = model.measures.map((m) => ({
    key: m.key,
    label: m.label,
    careGroup: m.careGroup,
    careGroupLabel: m.careGroupLabel,
    kind: m.kind,
    scope: m.scope,
    values: model.years.map((year, i) => ({ year, people: Math.round(m.projection.totals[i]) })),
    source: m.source,
  }));
  const figures: Figure[] = measures.flatMap((m) => [
    fig(`${m.key}_now`, `${m.label}, ${model.baseYear}`, m.values[0]?.people ?? null, 'count'),
    ...(yi10 >= 0
      ? [fig(`${m.key}_in_10_years`, `${m.label}, ${model.baseYear + 10}`, m.values[yi10].people, 'count')]
      : []),
  ]);
  return {
    ...base,
    figures,
    sources: [...new Set(model.measures.map((m) => `${m.label}: ${m.source}.`))],
    notes: [
      'Need = population × prevalence or service-use rate × share known to adult social care, rates held at today’s level (the conservative case in Islington’s statement). Service-use rates are scaled so that they reproduce today’s council-supported clients.',
      ...model.notes,
    ],
    baseYear: model.baseYear,
    measures,
  };
}
