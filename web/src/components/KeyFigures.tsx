import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FigureUnit, KeyFigure } from '../../../src/domain/core/figures';
import { formatFigure } from './format';

export type { KeyFigure };

/** A figure a page computes itself with no unit given: a count. */
type CountFigure = Omit<Extract<KeyFigure, { unit: 'count' }>, 'unit'> & { unit?: undefined };

/**
 * The figure ("£1,030.92", "90.6%", "12") is one unbreakable piece; its unit in words ("a week", "days") is
 * smaller beside it and, when the card is narrow, goes whole to the next line: a figure never breaks mid-number.
 */
export function splitFigure(text: string): { figure: string; unit: string | null } {
  const m = /^([−-]?£?[\d.,]+%?) (.+)$/.exec(text);
  return m ? { figure: m[1], unit: m[2] } : { figure: text, unit: null };
}

function FigureValue({ value, unit }: { value: number | null; unit: FigureUnit }) {
  const { figure, unit: words } = splitFigure(formatFigure(value, unit));
  return (
    <span className="app-key-figure__value">
      <span className="app-key-figure__number">{figure}</span>
      {words && (
        <>
          {' '}
          <span className="app-key-figure__unit">{words}</span>
        </>
      )}
    </span>
  );
}

/** Headline figures as cards (a list, so screen readers announce the count). */
export function KeyFigures({ figures, label }: { figures: readonly (KeyFigure | CountFigure)[]; label?: string }) {
  return (
    <ul className="app-key-figures" aria-label={label}>
      {figures.map((f) => (
        <li className="app-key-figure" key={f.key} data-figure={f.key}>
          <h3 className="app-key-figure__label">
            {f.href ? (
              <Link className="govuk-link" to={f.href}>
                {f.label}
              </Link>
            ) : (
              f.label
            )}
          </h3>
          <FigureValue value={f.value} unit={f.unit ?? 'count'} />
          {f.hint && <p className="app-key-figure__hint">{f.hint}</p>}
        </li>
      ))}
    </ul>
  );
}

/** GOV.UK panel: a confirmation or one key figure that the page is about. */
export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children && <div className="govuk-panel__body">{children}</div>}
    </div>
  );
}
