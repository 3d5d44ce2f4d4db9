// Tabs, pagination and back link: GOV.UK markup with React behaviour (no GOV.UK JavaScript needed).
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Tab {
  id: string;
  label: string;
  panel: ReactNode;
}

/**
 * GOV.UK tabs: a tablist with arrow-key movement; each panel has an h2 of its own (pass it inside `panel`).
 * Use for alternative views of the same data (chart / table), not for steps.
 */
export function Tabs({
  title = 'Contents',
  tabs,
  initial,
}: {
  title?: string;
  tabs: readonly Tab[];
  initial?: string;
}) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const base = useId();
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const move = (e: KeyboardEvent, index: number) => {
    const next = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : -1;
    if (next < 0 || next >= tabs.length) return;
    e.preventDefault();
    setSelected(tabs[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div className="govuk-tabs" data-module="govuk-tabs">
      <h2 className="govuk-tabs__title">{title}</h2>
      <ul className="govuk-tabs__list" role="tablist">
        {tabs.map((t, i) => {
          const active = t.id === selected;
          return (
            <li
              className={`govuk-tabs__list-item${active ? ' govuk-tabs__list-item--selected' : ''}`}
              role="presentation"
              key={t.id}
            >
              <a
                className="govuk-tabs__tab"
                href={`#${t.id}`}
                id={`${base}-tab-${t.id}`}
                role="tab"
                aria-controls={t.id}
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                onClick={(e) => {
                  e.preventDefault();
                  setSelected(t.id);
                }}
                onKeyDown={(e) => move(e, i)}
              >
                {t.label}
              </a>
            </li>
          );
        })}
      </ul>
      {tabs.map((t) => (
        <div
          className={`govuk-tabs__panel${t.id === selected ? '' : ' govuk-tabs__panel--hidden'}`}
          id={t.id}
          role="tabpanel"
          aria-labelledby={`${base}-tab-${t.id}`}
          key={t.id}
        >
          {t.panel}
        </div>
      ))}
    </div>
  );
}

export interface PaginationProps {
  /** Current page, from 1. */
  page: number;
  pageCount: number;
  /** URL of a page (usually the current path with ?page=n). */
  href: (page: number) => string;
  label?: string;
}

/** GOV.UK pagination with previous/next and page numbers (ellipses for long runs). */
export function Pagination({ page, pageCount, href, label = 'Pages' }: PaginationProps) {
  if (pageCount <= 1) return null;
  const shown = pageNumbers(page, pageCount);
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {shown.map((n, i) =>
          n === null ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipses" key={`e${i}`}>
              &ctdot;
            </li>
          ) : (
            <li className={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`} key={n}>
              <Link
                className="govuk-link govuk-pagination__link"
                to={href(n)}
                aria-label={`Page ${n}`}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
    </nav>
  );
}

/** Page numbers to show: first, last, current ±1, with null for a gap. Exported for tests. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev > 1) out.push(n - prev === 2 ? prev + 1 : null);
    out.push(n);
  }
  return out;
}

/** GOV.UK back link (above the h1, outside <main> content flow is not required in an SPA). */
export function BackLink({ href, children = 'Back' }: { href: string; children?: ReactNode }) {
  return (
    <Link className="govuk-back-link" to={href}>
      {children}
    </Link>
  );
}
