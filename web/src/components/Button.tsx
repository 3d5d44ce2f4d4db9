// GOV.UK buttons, as buttons or as links styled as buttons, and the group that lays them out.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface ButtonProps {
  children: ReactNode;
  type?: 'submit' | 'button';
  variant?: 'primary' | 'secondary' | 'warning' | 'inverse';
  disabled?: boolean;
  onClick?: () => void;
  /** Renders a link styled as a button (start pages, "Add user"). Internal paths use the router. */
  href?: string;
  start?: boolean;
}

export function Button({
  children,
  type = 'submit',
  variant = 'primary',
  disabled,
  onClick,
  href,
  start,
}: ButtonProps) {
  const cls = `govuk-button${variant !== 'primary' ? ` govuk-button--${variant}` : ''}${start ? ' govuk-button--start' : ''}`;
  if (href) {
    return href.startsWith('/') ? (
      <Link to={href} role="button" draggable={false} className={cls} data-module="govuk-button">
        {children}
      </Link>
    ) : (
      <a href={href} role="button" draggable={false} className={cls} data-module="govuk-button">
        {children}
      </a>
    );
  }
  return (
    <button
      type={type}
      className={cls}
      disabled={disabled}
      aria-disabled={disabled || undefined}
      onClick={onClick}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
