// GOV.UK choices: radios (one of several) and checkboxes (any of several), each in a fieldset.
import type { ReactNode } from 'react';
import { fieldId } from './ErrorSummary';
import { Fieldset, type FieldBase } from './fieldParts';
import type { Option } from './Inputs';

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
