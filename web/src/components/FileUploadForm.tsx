// The one way Steward asks for a file (the BCF return, the contract register, a delivery plan workbook, the Data
// page's imports, a directory feed, a provider's capacity CSV): a labelled file input with its hint and error
// message, any other fields the upload takes, and the import button, marked in error while the upload's problems
// show. The error summary and the outcome banner stay with the page, at its top, where GOV.UK puts them.
import type { ChangeEvent, FormEvent, ReactNode, RefObject } from 'react';
import { Button } from './Button';
import { ErrorMessage, Hint, Label, describedBy } from './fieldParts';

/** The file input and its label, hint and error; with `onSubmit` the form and its button, else it sends on choice. */
export interface FileUploadFormProps {
  /** The file input's id and name (the field the error summary links to). */
  id: string;
  label: string;
  /** The file types offered (the input's `accept`); any file when absent. */
  accept?: string;
  /** What the file should hold, under the label. */
  hint?: ReactNode;
  /** The problem with the file itself, shown above the input. */
  error?: string;
  /** Marks the file's form group in error (the upload's problems are showing) even with no `error` on the file. */
  hasErrors?: boolean;
  /** While true the button (or, sending on choice, the input) is disabled. */
  busy: boolean;
  /** The file input's ref (from `useFileUpload`), for a form that reads the file on submit. */
  input?: RefObject<HTMLInputElement | null>;
  /** Called when a file is chosen (or cleared). Without `onSubmit` this is the upload itself. */
  onChoose?: (e: ChangeEvent<HTMLInputElement>) => void;
  /** The form's submit handler; absent, there is no form or button and choosing a file sends it (`onChoose`). */
  onSubmit?: (e: FormEvent) => void;
  /** The button's text (with `onSubmit`). */
  button?: string;
  /** The form's id (a link's target). */
  formId?: string;
  /** What comes before the file input inside the form: a heading, the summary, the upload's other fields. */
  children?: ReactNode;
  /** What comes between the file input and the button (the upload's progress). */
  progress?: ReactNode;
}

/** A one-file upload: the file field (label, hint, error, input) and, given `onSubmit`, its form and button. */
export function FileUploadForm(p: FileUploadFormProps) {
  const field = (
    <div className={`govuk-form-group${p.hasErrors || p.error ? ' govuk-form-group--error' : ''}`}>
      <Label htmlFor={p.id}>{p.label}</Label>
      {p.hint && <Hint id={p.id}>{p.hint}</Hint>}
      {p.error && <ErrorMessage id={p.id}>{p.error}</ErrorMessage>}
      <input
        className="govuk-file-upload"
        id={p.id}
        name={p.id}
        type="file"
        accept={p.accept}
        ref={p.input}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        onChange={p.onChoose}
        disabled={p.onSubmit ? undefined : p.busy}
      />
    </div>
  );
  if (!p.onSubmit)
    return (
      <>
        {p.children}
        {field}
        {p.progress}
      </>
    );
  return (
    <form onSubmit={p.onSubmit} noValidate id={p.formId}>
      {p.children}
      {field}
      {p.progress}
      <Button disabled={p.busy}>{p.button}</Button>
    </form>
  );
}
