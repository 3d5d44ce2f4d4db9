// The form of a page that takes one published file (the BCF return, the contract register): a labelled file input
// and the import button, marked in error while the upload's problems show.
import type { FormEvent, RefObject } from 'react';
import { Button } from './Button';

/**
 * A one-file upload form. `input` is the file input's ref (from `useFileUpload`), `id` its id and name (the
 * field the error summary links to), `accept` the file types offered; the button is disabled while `busy`.
 */
export function FileUploadForm(p: {
  onSubmit: (e: FormEvent) => void;
  input: RefObject<HTMLInputElement | null>;
  id: string;
  label: string;
  accept: string;
  hasErrors: boolean;
  busy: boolean;
  button: string;
}) {
  return (
    <form onSubmit={p.onSubmit} noValidate>
      <div className={`govuk-form-group${p.hasErrors ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={p.id}>
          {p.label}
        </label>
        <input className="govuk-file-upload" id={p.id} name={p.id} type="file" accept={p.accept} ref={p.input} />
      </div>
      <Button disabled={p.busy}>{p.button}</Button>
    </form>
  );
}
