// The delivery plan editor's small forms: move or retire an item, and the inline add/edit form.
import { useState, type FormEvent } from 'react';
import { apiSend } from '../api';
import { Button, TextInput, Textarea, fieldError, type SummaryError } from '../components';
import { errorsOf } from './deliveryPlanParts';

/**
 * Move up, Move down and Retire for one entry; `index` of `count` among its siblings decides which moves are
 * offered (none for a single entry, no Move up for the first, no Move down for the last).
 */
export function MoveRetire({
  path,
  label,
  index,
  count,
  onDone,
  onError,
}: {
  path: string;
  label: string;
  index: number;
  count: number;
  onDone: (message: string) => void;
  onError: (errors: SummaryError[]) => void;
}) {
  const act = async (body: object, message: string) => {
    try {
      await apiSend('PATCH', path, body);
      onDone(message);
    } catch (err) {
      onError(errorsOf(err));
    }
  };
  const btn = (text: string, body: object, message: string) => (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-right-1"
      data-module="govuk-button"
      onClick={() => void act(body, message)}
    >
      {text}
      <span className="govuk-visually-hidden"> {label}</span>
    </button>
  );
  return (
    <span>
      {index > 0 && btn('Move up', { move: 'up' }, `${label} moved up`)}
      {index < count - 1 && btn('Move down', { move: 'down' }, `${label} moved down`)}
      {btn('Retire', { retired: true }, `${label} retired`)}
    </span>
  );
}

export function InlineForm({
  name,
  label,
  button,
  multiline,
  initial = '',
  onSubmit,
  errors,
}: {
  name: string;
  label: string;
  button: string;
  multiline?: boolean;
  initial?: string;
  onSubmit: (value: string) => Promise<boolean>;
  errors: SummaryError[];
}) {
  const [value, setValue] = useState(initial);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSubmit(value)) setValue(initial);
  };
  return (
    <form onSubmit={submit} noValidate>
      {multiline ? (
        <Textarea
          name={name}
          label={label}
          value={value}
          onChange={setValue}
          error={fieldError(errors, name)}
          rows={2}
        />
      ) : (
        <TextInput name={name} label={label} value={value} onChange={setValue} error={fieldError(errors, name)} />
      )}
      <Button variant="secondary">{button}</Button>
    </form>
  );
}
