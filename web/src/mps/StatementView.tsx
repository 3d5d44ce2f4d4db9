// One section of the Market Position Statement as readers see it: the commissioners' text, the generated figures,
// charts with their data, tables and the opportunities coming up. Used by the public pages, the print page (PDF) and
// the commissioners' live draft, so all three show the same thing.
import type { ReactNode } from 'react';
import { formatDate, formatNumber, SummaryList, Table } from '../components';
import { PORTFOLIO_LABELS } from '../../../src/domain/mps/outline';
import { BedsByType, NeedProjections, PopulationPyramid, PriceTrend } from './charts';
import { formatPounds, formatStatementFigure } from './format';
import { Narrative } from './Narrative';
import type { Opportunity, Statement, StatementSection } from './types';

const H = ({ level, children, className }: { level: number; children: ReactNode; className: string }) => {
  const Tag = `h${Math.min(6, level)}` as 'h2';
  return <Tag className={className}>{children}</Tag>;
};

export function opportunityWhen(o: Opportunity): string {
  if (o.tenderFrom) return `Tender expected ${formatDate(o.tenderFrom)}`;
  if (o.serviceStarts) return `New service from ${formatDate(o.serviceStarts)}`;
  if (o.currentContractEnds) return `Current contract ends ${formatDate(o.currentContractEnds)}`;
  return 'Date to be confirmed';
}

export function opportunityValue(o: Opportunity): string {
  if (o.annualValuePence !== null) return `${formatPounds(o.annualValuePence)} a year`;
  return o.annualValueBand ?? 'Not published';
}

const date = (d: string | null) => (d ? formatDate(d) : '–');

/** The opportunities as a table (all columns, or the short form inside a service section). */
export function OpportunitiesTable({
  opportunities,
  caption,
  full = false,
}: {
  opportunities: Opportunity[];
  caption: string;
  full?: boolean;
}) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      columns={[
        { key: 'title', header: 'Opportunity' },
        ...(full ? [{ key: 'serviceAreaLabel', header: 'Service area' }] : []),
        { key: 'intention', header: 'Council’s intention' },
        { key: 'stage', header: 'Stage now', render: (o: Opportunity) => o.stage ?? '–' },
        ...(full
          ? [
              {
                key: 'marketEngagementFrom',
                header: 'Market engagement',
                render: (o: Opportunity) => date(o.marketEngagementFrom),
              },
            ]
          : []),
        { key: 'tenderFrom', header: 'Tender expected', render: (o: Opportunity) => date(o.tenderFrom) },
        { key: 'serviceStarts', header: 'New service starts', render: (o: Opportunity) => date(o.serviceStarts) },
        {
          key: 'currentContractEnds',
          header: 'Current contract ends',
          render: (o: Opportunity) => date(o.currentContractEnds),
        },
        { key: 'value', header: 'Annual value', render: opportunityValue },
      ]}
      rows={opportunities}
      rowKey={(o) => o.id}
      emptyText="No procurements are planned and no contracts end in the next three years."
    />
  );
}

function Figures({ section }: { section: StatementSection }) {
  if (section.figures.length === 0) return null;
  return (
    <SummaryList
      rows={section.figures.map((f) => ({
        key: f.label,
        value: (
          <>
            {formatStatementFigure(f.value, f.unit)}
            {f.hint && <span className="govuk-body-s app-mps-figure-hint"> ({f.hint})</span>}
          </>
        ),
      }))}
    />
  );
}

function Notes({ section }: { section: StatementSection }) {
  if (section.sources.length === 0 && section.notes.length === 0) return null;
  return (
    <div className="app-mps-sources">
      {section.sources.length > 0 && (
        <p className="govuk-body-s">
          <strong>Sources:</strong> {section.sources.join(' ')}
        </p>
      )}
      {section.notes.map((n) => (
        <p className="govuk-body-s" key={n}>
          {n}
        </p>
      ))}
    </div>
  );
}

function Generated({ section, statement, level }: { section: StatementSection; statement: Statement; level: number }) {
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

/** A service-area section: current provision, what the council wants, opportunities coming up, contacts. */
function ServiceSectionView({
  section,
  statement,
  level,
}: {
  section: Extract<StatementSection, { kind: 'service' }>;
  statement: Statement;
  level: number;
}) {
  const text = (key: string) => section.narrative.find((n) => n.key === key)?.text ?? '';
  const opportunities = statement.opportunities.filter((o) => o.sectionKeys.includes(section.key));
  const p = section.provision;
  return (
    <>
      <H level={level + 1} className="govuk-heading-m">
        Current provision
      </H>
      <Narrative text={text('provision')} headingLevel={level + 2} />
      <SummaryList
        rows={[
          { key: 'Live contracts', value: formatNumber(p.contracts) },
          ...(statement.valueDisclosure === 'none'
            ? []
            : [{ key: 'Annual value of live contracts', value: formatPounds(p.annualValuePence) }]),
          { key: 'Providers under contract', value: formatNumber(p.providers) },
          ...(p.forms.length
            ? [{ key: 'How services are bought', value: p.forms.map((f) => `${f.label} (${f.contracts})`).join(', ') }]
            : []),
          ...p.market.map((m) => ({
            key: `${m.label} in the borough`,
            value: `${formatNumber(m.locations)} registered services${m.registeredBeds ? `, ${formatNumber(m.registeredBeds)} registered places` : ''}; ${formatNumber(m.goodOrOutstanding)} rated Good or Outstanding`,
          })),
        ]}
      />
      <H level={level + 1} className="govuk-heading-m">
        What the council wants
      </H>
      <Narrative text={text('aspirations')} headingLevel={level + 2} />
      <H level={level + 1} className="govuk-heading-m">
        Opportunities coming up
      </H>
      <Narrative text={text('opportunities')} headingLevel={level + 2} />
      <OpportunitiesTable
        opportunities={opportunities}
        caption={`Procurements and contracts ending: ${section.title.toLowerCase()}`}
      />
      <H level={level + 1} className="govuk-heading-m">
        Contacts
      </H>
      <Narrative text={text('contacts')} headingLevel={level + 2} />
      <Notes section={section} />
    </>
  );
}

/**
 * One section's body. `level` is the heading level of the section's own title (rendered by the caller): 1 on a
 * page of its own, 2 inside the whole document.
 */
export function SectionBody({
  section,
  statement,
  level,
}: {
  section: StatementSection;
  statement: Statement;
  level: number;
}) {
  if (section.kind === 'service') return <ServiceSectionView section={section} statement={statement} level={level} />;
  return (
    <>
      {section.narrative.map((n) => (
        <div key={n.key}>
          {n.heading && (
            <H level={level + 1} className="govuk-heading-m">
              {n.heading}
            </H>
          )}
          <Narrative text={n.text} headingLevel={level + 1} />
        </div>
      ))}
      <Generated section={section} statement={statement} level={level} />
    </>
  );
}

/** The caption above a section title: its portfolio for service areas. */
export function sectionCaption(section: StatementSection): string | undefined {
  return section.kind === 'service' ? `Commissioning intentions: ${PORTFOLIO_LABELS[section.portfolio]}` : undefined;
}

/** The whole statement on one page: contents, then every section (the print page and the commissioners' preview). */
export function WholeStatement({ statement, headingLevel = 2 }: { statement: Statement; headingLevel?: number }) {
  return (
    <>
      <nav aria-label="Contents" className="app-mps-contents">
        <H level={headingLevel} className="govuk-heading-m">
          Contents
        </H>
        <ol className="govuk-list govuk-list--number">
          {statement.sections.map((s) => (
            <li key={s.key}>
              <a className="govuk-link" href={`#section-${s.key}`}>
                {sectionCaption(s)
                  ? `${s.title} (${sectionCaption(s)!.replace('Commissioning intentions: ', '')})`
                  : s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {statement.sections.map((s) => (
        <section key={s.key} id={`section-${s.key}`} className="app-mps-section" aria-labelledby={`heading-${s.key}`}>
          {sectionCaption(s) && <p className="govuk-caption-m">{sectionCaption(s)}</p>}
          <H level={headingLevel} className="govuk-heading-l">
            <span id={`heading-${s.key}`}>{s.title}</span>
          </H>
          <SectionBody section={s} statement={statement} level={headingLevel} />
        </section>
      ))}
    </>
  );
}
