import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SummaryAction {
  href: string;
  text: string;
  /** Completes the link text for screen readers, e.g. "name" in "Change name". */
  visuallyHiddenText?: string;
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryAction[];
}

export function SummaryList({ rows, noBorder }: { rows: readonly SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((r) => r.actions && r.actions.length > 0);
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`}>
      {rows.map((r, i) => (
        <div
          className={`govuk-summary-list__row${anyActions && !r.actions?.length ? ' govuk-summary-list__row--no-actions' : ''}`}
          key={i}
        >
          <dt className="govuk-summary-list__key">{r.key}</dt>
          <dd className="govuk-summary-list__value">{r.value}</dd>
          {r.actions && r.actions.length > 0 && (
            <dd className="govuk-summary-list__actions">
              {r.actions.map((a) => (
                <Link className="govuk-link" to={a.href} key={a.href + a.text}>
                  {a.text}
                  {a.visuallyHiddenText && <span className="govuk-visually-hidden"> {a.visuallyHiddenText}</span>}
                </Link>
              ))}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
