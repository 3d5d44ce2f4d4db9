import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FigureUnit, KeyFigure } from '../../../src/domain/core/figures';
import { formatFigure } from './format';

export type { KeyFigure };

/** A figure a page computes itself with no unit given: a count. */
type CountFigure = Omit<Extract<KeyFigure, { unit: 'count' }>, 'unit'> & { unit?: undefined };

/** The number large, a per-period unit ("a week") small beside it: "£1,030.92 a week". */
function FigureValue({ value, unit }: { value: number | null; unit: FigureUnit }) {
  const text = formatFigure(value, unit);
  const m = /^(.*?)( a week)$/.exec(text);
  if (!m) return <span className="app-key-figure__value">{text}</span>;
  return (
    <span className="app-key-figure__value">
      {m[1]}
      <span className="app-key-figure__unit">{m[2]}</span>
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
