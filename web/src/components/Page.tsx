import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  text: string;
  /** Leave out for the current page (shown as plain text). */
  href?: string;
}

export const SERVICE_NAME = 'Steward';

/** Sets `<title>` to "Title – Steward" (prefixed with "Error: " when the page shows errors). */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((c, i) => (
          <li className="govuk-breadcrumbs__list-item" key={`${i}-${c.text}`}>
            {c.href ? (
              <Link className="govuk-breadcrumbs__link" to={c.href}>
                {c.text}
              </Link>
            ) : (
              <span aria-current="page">{c.text}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export interface PageProps {
  /** The h1 and the start of `<title>`. */
  title: string;
  /** Overrides the `<title>` text (defaults to `title`). */
  documentTitle?: string;
  /** Small caption above the h1 (e.g. the area or the provider name). */
  caption?: string;
  /** Trail above the heading; "Home" is added in front automatically. Leave out for none. */
  breadcrumbs?: Crumb[];
  /** Prefixes the `<title>` with "Error: " (set when an error summary is showing). */
  hasErrors?: boolean;
  /** `govuk-grid-column-two-thirds` for forms and prose, `full` (default) for tables and dashboards. */
  width?: 'full' | 'two-thirds';
  /** Content shown beside the heading (e.g. a download link). */
  headingAside?: ReactNode;
  children?: ReactNode;
}

/** Every page's frame: breadcrumbs, caption, h1 and `<title>`. Render inside the app layout's `<main>`. */
export function Page({
  title,
  documentTitle,
  caption,
  breadcrumbs,
  hasErrors,
  width = 'full',
  headingAside,
  children,
}: PageProps) {
  usePageTitle(documentTitle ?? title, hasErrors);
  const crumbs = breadcrumbs ? [{ text: 'Home', href: '/' }, ...breadcrumbs] : [];
  const column = width === 'two-thirds' ? 'govuk-grid-column-two-thirds' : 'govuk-grid-column-full';
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <div className="govuk-grid-row">
        <div className={column}>
          {caption && <span className="govuk-caption-l">{caption}</span>}
          <h1 className="govuk-heading-l">{title}</h1>
          {headingAside}
          {children}
        </div>
      </div>
    </>
  );
}
