// What every GOV.UK form field is made of: label, hint, error message, the ids that tie them together
// (aria-describedby), the form group's error class, input widths and the fieldset for groups of inputs.
import type { ReactNode } from 'react';

/** What every field takes: its name (and id), label, hint and error. */
export interface FieldBase {
  /** Field name, as used in the API's field errors. The id is derived from it unless `id` is given. */
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Render the label/legend as the page's h1 (one-question pages). */
  isPageHeading?: boolean;
}

/** The aria-describedby of a field: its hint and error message ids (and any extra), or undefined when none. */
export function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's hint, with the id describedBy names. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

/** A field's error message, with the id describedBy names. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/** A field's label, or the page's h1 wrapping it on a one-question page. */
export function Label({
  htmlFor,
  isPageHeading,
  children,
}: {
  htmlFor: string;
  isPageHeading?: boolean;
  children: ReactNode;
}) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={htmlFor}>
          {children}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={htmlFor}>
      {children}
    </label>
  );
}

/** The form group's classes, with the error modifier when the field has an error. */
export function groupClass(error?: string) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

export type InputWidth =
  2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

/** The GOV.UK width class of an input (fixed characters or a fraction of the column), with a leading space. */
export function widthClass(width?: InputWidth): string {
  if (width === undefined) return '';
  return typeof width === 'number' ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
}

export interface FieldsetProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  isPageHeading?: boolean;
  children: ReactNode;
  role?: string;
}

/** A fieldset with its legend (the page's h1 on a one-question page), hint and error message. */
export function Fieldset({ id, legend, hint, error, isPageHeading, children, role }: FieldsetProps) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)} role={role}>
        <legend
          className={`govuk-fieldset__legend ${isPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}`}
        >
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}

/**
 * A single-value field's form group: its label (or page heading), hint and error message, then `children` (the
 * input, textarea or select), as the GOV.UK design system lays them out.
 */
export function FieldShell({ id, p, children }: { id: string; p: FieldBase; children: ReactNode }) {
  return (
    <div className={groupClass(p.error)}>
      <Label htmlFor={id} isPageHeading={p.isPageHeading}>
        {p.label}
      </Label>
      {p.hint && <Hint id={id}>{p.hint}</Hint>}
      {p.error && <ErrorMessage id={id}>{p.error}</ErrorMessage>}
      {children}
    </div>
  );
}
