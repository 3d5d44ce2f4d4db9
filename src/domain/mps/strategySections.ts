// The Market Position Statement's chapters about what the council plans: its strategy and each service it buys.
import { CONTRACT_FORM_LABELS, type ContractForm } from '../contracts/contract.js';
import { SERVICE_TYPE_LABELS } from '../market/types.js';
import { PORTFOLIOS, SERVICE_SECTIONS, sectionTakes } from './outline.js';
import type { StatementSection, ValueDisclosure } from './statement.js';
import type { StatementInputs } from './inputs.js';
import { chapter, fig, narrativeOf } from './sectionParts.js';

/** The "strategy" chapter: the delivery plan's priorities and commissioning intentions (none without a plan). */
export function strategySection(inputs: StatementInputs): StatementSection {
  const plan = inputs.plan;
  return {
    ...chapter('strategy'),
    kind: 'strategy',
    narrative: narrativeOf(inputs, 'strategy'),
    figures: plan
      ? [
          fig('priorities', 'Commissioning priorities in the delivery plan', plan.priorities.length, 'count'),
          fig('intentions', 'Commissioning intentions', plan.intentions.length, 'count'),
        ]
      : [],
    sources: plan ? [`The council’s commissioning delivery plan: ${plan.title}.`] : [],
    notes: plan ? [] : ['No delivery plan has been set up.'],
    plan: plan
      ? {
          title: plan.title,
          years: plan.years,
          priorities: [...plan.priorities]
            .sort((a, b) => a.number - b.number)
            .map((p) => ({
              number: p.number,
              title: p.title,
              intentions: plan.intentions
                .filter((i) => i.priorityId === p.id)
                .sort((a, b) => a.sortOrder - b.sortOrder)
                .map((i) => i.text),
            })),
        }
      : null,
  };
}

/**
 * One section per service in the outline, portfolio by portfolio: live contracts, their annual value (pence; 0 and no
 * figure when the council discloses no values), providers under contract, contract forms and registered services.
 */
export function serviceSections(inputs: StatementInputs, disclosure: ValueDisclosure): StatementSection[] {
  return PORTFOLIOS.flatMap((portfolio) =>
    SERVICE_SECTIONS.filter((s) => s.portfolio === portfolio).map((s): StatementSection => {
      const contracts = inputs.contracts.filter(
        (c) => c.status === 'live' && sectionTakes(s, c.serviceArea, c.careGroup),
      );
      const forms = new Map<string, number>();
      for (const c of contracts) forms.set(c.contractForm, (forms.get(c.contractForm) ?? 0) + 1);
      const annual = contracts.reduce((sum, c) => sum + c.annualValuePence, 0);
      const market = s.marketServiceTypes.map((t) => {
        const here = inputs.locations.filter((l) => l.serviceTypes.includes(t));
        return {
          serviceType: t,
          label: SERVICE_TYPE_LABELS[t],
          locations: here.length,
          registeredBeds: here.reduce((sum, l) => sum + (l.registeredBeds ?? 0), 0),
          goodOrOutstanding: here.filter((l) => l.cqcRating === 'Good' || l.cqcRating === 'Outstanding').length,
        };
      });
      const providers = new Set(contracts.map((c) => c.providerId).filter(Boolean)).size;
      return {
        key: s.key,
        title: s.title,
        shortTitle: s.title,
        kind: 'service',
        portfolio,
        narrative: narrativeOf(inputs, s.key),
        figures: [
          fig('contracts', 'Live contracts', contracts.length, 'count'),
          ...(disclosure === 'none' ? [] : [fig('annual_value', 'Annual value of live contracts', annual, 'pence')]),
          fig('providers', 'Providers under contract', providers, 'count'),
          ...market.map((m) =>
            fig(`${m.serviceType}_locations`, `${m.label}: registered services in the borough`, m.locations, 'count'),
          ),
        ],
        sources: [
          'The council’s contract register and procurement plans in Steward.',
          ...(market.length ? ['Care Quality Commission register of services in the borough.'] : []),
        ],
        notes: [],
        provision: {
          contracts: contracts.length,
          annualValuePence: disclosure === 'none' ? 0 : annual,
          providers,
          forms: [...forms].map(([form, n]) => ({
            form,
            label: CONTRACT_FORM_LABELS[form as ContractForm] ?? form,
            contracts: n,
          })),
          market,
        },
      };
    }),
  );
}
