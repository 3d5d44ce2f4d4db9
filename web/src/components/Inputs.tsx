// GOV.UK single-value inputs: text input, textarea and select.
import type { ReactNode } from 'react';
import { fieldId } from './ErrorSummary';
import { describedBy, FieldShell, widthClass, type FieldBase, type InputWidth } from './fieldParts';

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
    <FieldShell id={id} p={p}>
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
    </FieldShell>
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
    <FieldShell id={id} p={p}>
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
    </FieldShell>
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
    <FieldShell id={id} p={p}>
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
    </FieldShell>
  );
}
