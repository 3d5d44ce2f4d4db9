// One section of the Market Position Statement as readers see it: the commissioners' text, the generated figures,
// charts with their data, tables and the opportunities coming up. Used by the public pages, the print page (PDF) and
// the commissioners' live draft, so all three show the same thing.
import { formatNumber, SummaryList } from '../components';
import { PORTFOLIO_LABELS } from '../../../src/domain/mps/outline';
import { formatPounds } from './format';
import { Generated } from './GeneratedSection';
import { Narrative } from './Narrative';
import { OpportunitiesTable } from './OpportunitiesTable';
import { H, Notes } from './statementParts';
import type { Statement, StatementSection } from './types';

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
