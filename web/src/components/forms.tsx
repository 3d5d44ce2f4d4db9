// GOV.UK form inputs as controlled React components: label, hint and error message wired with
// aria-describedby; `govuk-form-group--error` when `error` is set. The element id is the field name made
// id-safe (see fieldId), so an ErrorSummary entry `{ field: name }` links to it.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { fieldId } from './ErrorSummary';

interface FieldBase {
  /** Field name, as used in the API's field errors. The id is derived from it unless `id` is given. */
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Render the label/legend as the page's h1 (one-question pages). */
  isPageHeading?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

function Label({
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

function groupClass(error?: string) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

export type InputWidth =
  2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

function widthClass(width?: InputWidth): string {
  if (width === undefined) return '';
  return typeof width === 'number' ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
}

export interface TextInputProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'number' | 'tel' | 'url' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search';
  spellCheck?: boolean;
  width?: InputWidth;
  /** Shown before the input, e.g. "£". */
  prefix?: string;
  /** Shown after the input, e.g. "per week". */
  suffix?: string;
  disabled?: boolean;
}

export function TextInput(p: TextInputProps) {
  const id = p.id ?? fieldId(p.name);
  const input = (
    <input
      className={`govuk-input${widthClass(p.width)}${p.error ? ' govuk-input--error' : ''}`}
      id={id}
      name={p.name}
      type={p.type ?? 'text'}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      autoComplete={p.autoComplete}
      inputMode={p.inputMode}
      spellCheck={p.spellCheck}
      disabled={p.disabled}
      aria-describedby={describedBy(id, p.hint, p.error)}
    />
  );
  return (
    <div className={groupClass(p.error)}>
      <Label htmlFor={id} isPageHeading={p.isPageHeading}>
        {p.label}
      </Label>
      {p.hint && <Hint id={id}>{p.hint}</Hint>}
      {p.error && <ErrorMessage id={id}>{p.error}</ErrorMessage>}
      {p.prefix || p.suffix ? (
        <div className="govuk-input__wrapper">
          {p.prefix && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {p.prefix}
            </div>
          )}
          {input}
          {p.suffix && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {p.suffix}
            </div>
          )}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export interface TextareaProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  spellCheck?: boolean;
}

export function Textarea(p: TextareaProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <div className={groupClass(p.error)}>
      <Label htmlFor={id} isPageHeading={p.isPageHeading}>
        {p.label}
      </Label>
      {p.hint && <Hint id={id}>{p.hint}</Hint>}
      {p.error && <ErrorMessage id={id}>{p.error}</ErrorMessage>}
      <textarea
        className={`govuk-textarea${p.error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        value={p.value}
        spellCheck={p.spellCheck}
        onChange={(e) => p.onChange(e.target.value)}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  text: string;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface SelectProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** A first empty option, e.g. "Choose a role". */
  placeholder?: string;
}

export function Select(p: SelectProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <div className={groupClass(p.error)}>
      <Label htmlFor={id} isPageHeading={p.isPageHeading}>
        {p.label}
      </Label>
      {p.hint && <Hint id={id}>{p.hint}</Hint>}
      {p.error && <ErrorMessage id={id}>{p.error}</ErrorMessage>}
      <select
        className={`govuk-select${p.error ? ' govuk-select--error' : ''}`}
        id={id}
        name={p.name}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface FieldsetProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  isPageHeading?: boolean;
  children: ReactNode;
  role?: string;
}

function Fieldset({ id, legend, hint, error, isPageHeading, children, role }: FieldsetProps) {
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

export interface RadiosProps extends Omit<FieldBase, 'label'> {
  legend: ReactNode;
  value: string;
  onChange: (value: string) => void;
  items: readonly Option[];
  inline?: boolean;
  small?: boolean;
}

/** The first radio's id is the field id, so error summary links land on it. */
export function Radios(p: RadiosProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <Fieldset id={id} legend={p.legend} hint={p.hint} error={p.error} isPageHeading={p.isPageHeading}>
      <div className={`govuk-radios${p.inline ? ' govuk-radios--inline' : ''}${p.small ? ' govuk-radios--small' : ''}`}>
        {p.items.map((item, i) => {
          const itemId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div className="govuk-radios__item" key={item.value}>
              <input
                className="govuk-radios__input"
                id={itemId}
                name={p.name}
                type="radio"
                value={item.value}
                checked={p.value === item.value}
                disabled={item.disabled}
                onChange={() => p.onChange(item.value)}
                aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                {item.text}
              </label>
              {item.hint && (
                <div id={`${itemId}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {item.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface CheckboxesProps extends Omit<FieldBase, 'label'> {
  legend: ReactNode;
  value: readonly string[];
  onChange: (value: string[]) => void;
  items: readonly Option[];
  small?: boolean;
}

export function Checkboxes(p: CheckboxesProps) {
  const id = p.id ?? fieldId(p.name);
  const toggle = (v: string, on: boolean) => {
    const next = p.value.filter((x) => x !== v);
    if (on) next.push(v);
    // Keep the items' order so the value is stable.
    p.onChange(p.items.map((i) => i.value).filter((x) => next.includes(x)));
  };
  return (
    <Fieldset id={id} legend={p.legend} hint={p.hint} error={p.error} isPageHeading={p.isPageHeading}>
      <div className={`govuk-checkboxes${p.small ? ' govuk-checkboxes--small' : ''}`} data-module="govuk-checkboxes">
        {p.items.map((item, i) => {
          const itemId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div className="govuk-checkboxes__item" key={item.value}>
              <input
                className="govuk-checkboxes__input"
                id={itemId}
                name={p.name}
                type="checkbox"
                value={item.value}
                checked={p.value.includes(item.value)}
                disabled={item.disabled}
                onChange={(e) => toggle(item.value, e.target.checked)}
                aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                {item.text}
              </label>
              {item.hint && (
                <div id={`${itemId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {item.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

/** "2026-11-23" → {day: "23", month: "11", year: "2026"}; empty parts for null. */
export function isoToDateParts(iso: string | null | undefined): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { day: String(+m[3]), month: String(+m[2]), year: m[1] } : { ...emptyDate };
}

/**
 * Parts → "YYYY-MM-DD", or an error message in GOV.UK wording. `label` names the date in messages
 * ("Date of discharge must be a real date").
 */
export function datePartsToIso(parts: DateParts, label = 'Date'): { iso: string } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { error: `Enter ${label.toLowerCase()}` };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date` };
  const d = new Date(Date.UTC(+year, +month - 1, +day));
  if (d.getUTCFullYear() !== +year || d.getUTCMonth() !== +month - 1 || d.getUTCDate() !== +day) {
    return { error: `${label} must be a real date` };
  }
  return { iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

export interface DateInputProps extends Omit<FieldBase, 'label'> {
  legend: ReactNode;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

/** Day/month/year inputs. The day input's id is `${id}-day`: link summary errors there (field `${name}-day`). */
export function DateInput(p: DateInputProps) {
  const id = p.id ?? fieldId(p.name);
  const part = (key: keyof DateParts, label: string, width: 2 | 4) => (
    <div className="govuk-date-input__item" key={key}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${key}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${p.error ? ' govuk-input--error' : ''}`}
          id={`${id}-${key}`}
          name={`${p.name}-${key}`}
          type="text"
          inputMode="numeric"
          value={p.value[key]}
          onChange={(e) => p.onChange({ ...p.value, [key]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <Fieldset id={id} legend={p.legend} hint={p.hint} error={p.error} isPageHeading={p.isPageHeading} role="group">
      <div className="govuk-date-input" id={id}>
        {part('day', 'Day', 2)}
        {part('month', 'Month', 2)}
        {part('year', 'Year', 4)}
      </div>
    </Fieldset>
  );
}

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
