import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface NotificationBannerProps {
  /** 'success' after an action (announced and focused); 'important' (default) for information. */
  type?: 'important' | 'success';
  /** Banner header text; defaults to "Important" or "Success". */
  title?: string;
  /** The main message (rendered as a heading). */
  heading?: ReactNode;
  children?: ReactNode;
}

export function NotificationBanner({ type = 'important', title, heading, children }: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const success = type === 'success';
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      tabIndex={success ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {typeof children === 'string' ? <p className="govuk-body">{children}</p> : children}
      </div>
    </div>
  );
}

/** GOV.UK inset text, e.g. for data freshness or method notes. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

/** GOV.UK warning text. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** GOV.UK details (progressive disclosure), e.g. "How this figure is calculated". */
export function Details({ summary, children, open }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

/**
 * A success banner headed `heading` with one link to a part of the page, like "See the plan’s history" to
 * `#history`; `before` and `after` are text around the link in the same sentence ("The change is in " … "."). Nothing
 * while `heading` is null or empty.
 */
export function SuccessBanner({
  heading,
  href,
  linkText,
  before,
  after,
}: {
  heading: ReactNode;
  href: string;
  linkText: string;
  before?: string;
  after?: string;
}) {
  if (!heading) return null;
  return (
    <NotificationBanner type="success" heading={heading}>
      <p className="govuk-body">
        {before}
        <a className="govuk-notification-banner__link" href={href}>
          {linkText}
        </a>
        {after}
      </p>
    </NotificationBanner>
  );
}
