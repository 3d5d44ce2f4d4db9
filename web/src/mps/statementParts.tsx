// Small pieces every Market Position Statement section is built from: headings at a given level, a section's
// generated figures, and its sources and notes.
import type { ReactNode } from 'react';
import { SummaryList } from '../components';
import { formatStatementFigure } from './format';
import type { StatementSection } from './types';

/** A heading at `level` (h1 to h6; deeper levels stay h6), so a section nests under whatever page holds it. */
export const H = ({ level, children, className }: { level: number; children: ReactNode; className: string }) => {
  const Tag = `h${Math.min(6, level)}` as 'h2';
  return <Tag className={className}>{children}</Tag>;
};

/** A section's generated figures as a summary list (label, figure in its unit, hint); nothing when it has none. */
export function Figures({ section }: { section: StatementSection }) {
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
/** A section's sources and notes in small print; nothing when it has neither. */
export function Notes({ section }: { section: StatementSection }) {
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
