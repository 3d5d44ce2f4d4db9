import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, type FieldError } from '../api';

export interface SummaryError {
  /** The id of the field to link to (first input for a date: `${id}-day`). Leave out for a general error. */
  field?: string;
  message: string;
}

/** Turns an ApiError into summary entries: the field errors, or the problem's detail/title when there are none. */
export function apiErrorsToSummary(err: ApiError | null | undefined): SummaryError[] {
  if (!err) return [];
  if (err.errors.length > 0) return err.errors.map((e) => ({ field: e.field || undefined, message: e.message }));
  return [{ message: err.detail || err.title }];
}

/**
 * The error summary's entries for a failed request or action: the API's field errors (or its problem's detail), or
 * the message of any other error. What every form's `catch` shows.
 */
export function failureToSummary(err: unknown): SummaryError[] {
  return err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }];
}

/** The message for `field` among `errors` (for a form input's `error` prop). */
export function fieldError(errors: readonly (SummaryError | FieldError)[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** Turns a field name into a safe element id: `address.postcode` → `address-postcode`. */
export function fieldId(field: string): string {
  return field.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * GOV.UK error summary: "There is a problem" with a link to each field, focused when it appears so screen
 * readers announce it. Put it at the top of the page's main column, above the form. Nothing when no errors.
 */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
}: {
  errors: readonly SummaryError[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join('|');
  // Fields not on the page (an error about a field this form does not show) are listed without a link.
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  useLayoutEffect(() => {
    const missing = errors.map((e) => e.field).filter((f): f is string => !!f && !document.getElementById(fieldId(f)));
    setAbsent((prev) => (prev.size === missing.length && missing.every((f) => prev.has(f)) ? prev : new Set(missing)));
  }, [signature]);
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e, i) => (
              <li key={`${i}-${e.field ?? ''}`}>
                {e.field && !absent.has(e.field) ? (
                  <a
                    href={`#${fieldId(e.field)}`}
                    onClick={(ev) => {
                      // Focus the field and scroll its label into view, as GOV.UK Frontend's script does.
                      const input = document.getElementById(fieldId(e.field!));
                      if (!input) return;
                      ev.preventDefault();
                      const legendOrLabel =
                        input.closest('fieldset')?.querySelector('legend') ??
                        document.querySelector(`label[for="${input.id}"]`);
                      (legendOrLabel ?? input).scrollIntoView();
                      input.focus({ preventScroll: true });
                    }}
                  >
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
