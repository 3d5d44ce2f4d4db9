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
 * Errors in page order: those about no field first (they concern the whole form), then those whose field is on
 * the page in `order` (fields in document order), then the rest as given.
 */
export function inPageOrder<E extends { field?: string }>(errors: readonly E[], order: readonly string[]): E[] {
  const rank = (e: E) => (!e.field ? -1 : order.includes(e.field) ? order.indexOf(e.field) : order.length);
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * GOV.UK error summary: "There is a problem" with a link to each field, focused when it appears so screen
 * readers announce it. Put it at the top of the page's main column, above the form. Nothing when no errors.
 * The heading is always "There is a problem" (GOV.UK's pattern): what went wrong is in the list, never the heading.
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join('|');
  // Fields not on the page (an error about a field this form does not show) are listed without a link.
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  // Listed in the order the fields come on the page, whichever check found them first (browser or server).
  const [order, setOrder] = useState<readonly string[]>([]);
  useLayoutEffect(() => {
    const missing = errors.map((e) => e.field).filter((f): f is string => !!f && !document.getElementById(fieldId(f)));
    setAbsent((prev) => (prev.size === missing.length && missing.every((f) => prev.has(f)) ? prev : new Set(missing)));
    const placed = errors
      .map((e) => e.field)
      .filter((f): f is string => !!f && !missing.includes(f))
      .map((f) => ({ f, el: document.getElementById(fieldId(f))! }))
      .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map((x) => x.f);
    setOrder((prev) => (prev.join('|') === placed.join('|') ? prev : placed));
  }, [signature]);
  const shown = inPageOrder(errors, order);
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {shown.map((e, i) => (
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
