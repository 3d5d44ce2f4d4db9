// GOV.UK date input (day, month, year) and the conversions between its parts and an ISO date.
import type { ReactNode } from 'react';
import { enterMessage } from '../../../src/domain/core/messages';
import { fieldId } from './ErrorSummary';
import { Fieldset, type FieldBase } from './fieldParts';

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
  if (!day && !month && !year) return { error: enterMessage(label) };
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
