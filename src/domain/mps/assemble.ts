/**
 * Assembles the Market Position Statement from figures the other areas already produce: the demand area's
 * population grid and projection model, the market area's capacity and price summaries and register, the contracts
 * area's register, procurement forecasts and delivery plan. Pure: the database layer (src/db/mps/generate.ts) reads
 * the inputs with those areas' own repositories and passes them here.
 *
 * Disclosure control: nothing here names a person or a provider. Quarterly new-placement prices are shown only for
 * quarters with at least MIN_PRICE_PLACEMENTS (inputs.ts) placements, so no single provider's price can be read off.
 */
import { opportunitiesComingUp } from './opportunities.js';
import type { Statement, StatementSection } from './statement.js';
import { areaSection, needSection } from './populationSections.js';
import { marketSection, spendSection } from './marketSections.js';
import { serviceSections, strategySection } from './strategySections.js';
import { chapter, fig, narrativeOf } from './sectionParts.js';
import type { StatementInputs } from './inputs.js';

/**
 * The whole statement for `inputs.asAt`, section by section in the order of the outline (src/domain/mps/outline.ts).
 * The current year of population and need is the calendar year of `asAt` (the demand model's base year).
 */
export function assembleStatement(inputs: StatementInputs): Statement {
  const currentYear = Number(inputs.asAt.slice(0, 4));
  const text = (key: 'introduction' | 'contacts'): StatementSection => ({
    ...chapter(key),
    kind: key,
    narrative: narrativeOf(inputs, key),
    figures: [],
    sources: [],
    notes: [],
  });
  const opportunities = opportunitiesComingUp(
    inputs.contracts,
    inputs.procurements,
    inputs.asAt,
    inputs.valueDisclosure,
    inputs.providerNames,
  );
  const contacts = text('contacts');
  contacts.figures = [fig('opportunities', 'Opportunities coming up', opportunities.length, 'count')];
  contacts.sources = ['Procurement plans and the contract register in Steward (contracts ending within three years).'];
  return {
    schemaVersion: 1,
    borough: inputs.borough,
    asAt: inputs.asAt,
    generatedAt: inputs.generatedAt,
    valueDisclosure: inputs.valueDisclosure,
    sections: [
      text('introduction'),
      areaSection(inputs, currentYear),
      needSection(inputs),
      marketSection(inputs),
      spendSection(inputs),
      strategySection(inputs),
      ...serviceSections(inputs, inputs.valueDisclosure),
      contacts,
    ],
    opportunities,
  };
}
