// The figures, charts and tables Steward generates for each kind of Market Position Statement section (the area
// and its people, need, the market, spend, strategy, contacts), under the commissioners' text.
import { formatDate, formatNumber, Table } from '../components';
import { BedsByType, NeedProjections, PopulationPyramid, PriceTrend } from './charts';
import { formatPounds, formatStatementFigure } from './format';
import { OpportunitiesTable } from './OpportunitiesTable';
import { Figures, H, Notes } from './statementParts';
import type { Statement, StatementSection } from './types';

/**
 * A section's generated content by its kind; nothing for a kind with none (service sections have their own view).
 * `level` is the heading level of the section's own title.
 */
export function Generated({
  section,
  statement,
  level,
}: {
  section: StatementSection;
  statement: Statement;
  level: number;
}) {
  switch (section.kind) {
    case 'area':
      return (
        <>
          <Figures section={section} />
          {section.population && section.population.pyramid.length > 0 && <PopulationPyramid section={section} />}
          {section.population && (
            <Table
              caption="Residents by age group, now and projected"
              captionSize="s"
              columns={[
                { key: 'group', header: 'Age' },
                ...section.population.ageGroups[0].values.map((v) => ({
                  key: String(v.year),
                  header: String(v.year),
                  numeric: true,
                  render: (g: (typeof section.population.ageGroups)[number]) =>
                    formatNumber(g.values.find((x) => x.year === v.year)?.people ?? null),
                })),
              ]}
              rows={section.population.ageGroups}
              rowKey={(g) => g.group}
              firstCellIsHeader
            />
          )}
          <Notes section={section} />
        </>
      );
    case 'need':
      return (
        <>
          <NeedProjections section={section} />
          <Figures section={section} />
          <Notes section={section} />
        </>
      );
    case 'market':
      return (
        <>
          <Figures section={section} />
          <Table
            caption="Registered services in the borough by type"
            captionSize="s"
            columns={[
              { key: 'label', header: 'Type of service' },
              { key: 'locations', header: 'Services', numeric: true, render: (t) => formatNumber(t.locations) },
              {
                key: 'registeredBeds',
                header: 'Registered beds',
                numeric: true,
                render: (t) => formatNumber(t.registeredBeds),
              },
            ]}
            rows={section.byServiceType}
            rowKey={(t) => t.serviceType}
            firstCellIsHeader
          />
          <p className="govuk-body-s">
            A service registered for more than one type of care (a home offering residential and nursing care, say) is
            counted, with its beds, under each, so this table adds up to more than the totals above. Registered beds are
            those on the CQC register; the beds below are those the homes say they can staff and use (maximum capacity
            in their latest return).
          </p>
          <Table
            caption="Services by CQC rating"
            captionSize="s"
            columns={[
              { key: 'rating', header: 'Rating' },
              { key: 'count', header: 'Services', numeric: true, render: (r) => formatNumber(r.count) },
            ]}
            rows={section.ratings}
            rowKey={(r) => r.rating}
            firstCellIsHeader
          />
          <p className="govuk-body-s">
            Each registered service is counted once here, whatever types of care it offers.
          </p>
          <BedsByType section={section} />
          <PriceTrend section={section} />
          {section.usualRates.length > 0 && (
            <Table
              caption="The council’s usual rates"
              captionSize="s"
              columns={[
                { key: 'label', header: 'Band' },
                {
                  key: 'amountPence',
                  header: 'Rate',
                  numeric: true,
                  render: (r) =>
                    formatStatementFigure(
                      r.amountPence,
                      r.band === 'homecare_hourly' ? 'pence_per_hour' : 'pence_per_week',
                    ),
                },
                { key: 'effectiveFrom', header: 'From', render: (r) => formatDate(r.effectiveFrom) },
              ]}
              rows={section.usualRates}
              rowKey={(r) => r.band}
              firstCellIsHeader
            />
          )}
          <Notes section={section} />
        </>
      );
    case 'spend':
      return (
        <>
          <Figures section={section} />
          <Table
            caption="Live contracts by service area"
            captionSize="s"
            columns={[
              { key: 'label', header: 'Service area' },
              { key: 'contracts', header: 'Contracts', numeric: true, render: (r) => formatNumber(r.contracts) },
              {
                key: 'annualValuePence',
                header: 'Annual value',
                numeric: true,
                render: (r) => formatPounds(r.annualValuePence),
              },
            ]}
            rows={section.byServiceArea}
            rowKey={(r) => r.serviceArea}
            firstCellIsHeader
          />
          <Table
            caption="Council-supported long-term placements and packages"
            captionSize="s"
            columns={[
              { key: 'label', header: 'Service' },
              { key: 'clients', header: 'People', numeric: true, render: (r) => formatNumber(r.clients) },
              {
                key: 'weeklyCostPence',
                header: 'Mean weekly cost',
                numeric: true,
                render: (r) => formatStatementFigure(r.weeklyCostPence, 'pence_per_week'),
              },
              {
                key: 'annualCostPence',
                header: 'Annual cost',
                numeric: true,
                render: (r) => formatPounds(r.annualCostPence),
              },
            ]}
            rows={section.placements}
            rowKey={(r) => r.service}
            firstCellIsHeader
          />
          <Notes section={section} />
        </>
      );
    case 'strategy':
      return (
        <>
          {section.plan && (
            <>
              <H level={level + 1} className="govuk-heading-s">
                Commissioning priorities: {section.plan.title}
              </H>
              <ol className="govuk-list govuk-list--number">
                {section.plan.priorities.map((p) => (
                  <li key={p.number}>
                    <strong>{p.title}</strong>
                    {p.intentions.length > 0 && (
                      <ul className="govuk-list govuk-list--bullet">
                        {p.intentions.map((i) => (
                          <li key={i}>{i}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
          <Notes section={section} />
        </>
      );
    case 'contacts': {
      const unplaced = statement.opportunities.filter((o) => o.sectionKeys.length === 0);
      return (
        <>
          <Figures section={section} />
          {unplaced.length > 0 && (
            <OpportunitiesTable opportunities={unplaced} caption="New services being commissioned" />
          )}
        </>
      );
    }
    default:
      return null;
  }
}
