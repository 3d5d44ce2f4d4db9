// One file upload form's state (the file input, problems, the outcome banner, busy), shared by the pages that take
// a published file: the BCF return and the contract register import.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { apiErrorsToSummary, type SummaryError } from './ErrorSummary';

/**
 * A refused upload's entries for the error summary (whose heading stays "There is a problem"): the problem's detail
 * ("3 problems found; nothing was saved") when it says more than the entries, then each problem: one about the file
 * itself links to the file input `inputId`; one about a line of it names the line and column ("Expenditure sheet, row
 * 9, Q2 actual (£): enter an amount of £0 or more") and links to the file input too, where the corrected file is
 * chosen.
 */
export function uploadErrorsToSummary(err: unknown, inputId: string): SummaryError[] {
  if (!(err instanceof ApiError)) return [{ field: inputId, message: String(err) }];
  const entries = apiErrorsToSummary(err).map((x) =>
    !x.field || x.field === 'file' || x.field === 'body'
      ? { field: inputId, message: x.message }
      : { field: inputId, message: `${x.field}: ${x.message}` },
  );
  const detail = err.errors.length && err.detail && !entries.some((e) => e.message === err.detail) ? err.detail : null;
  return detail ? [{ message: detail }, ...entries] : entries;
}

/**
 * A file upload form: `submit(field, missing, send, toErrors?)` returns the form's submit handler. With no file
 * chosen it shows `missing` linked to `field`; otherwise it calls `send(file)` (which returns the success banner's
 * text) and lists the server's refusal under the summary's one heading, "There is a problem": as `toErrors(err,
 * file)` words it, by default uploadErrorsToSummary's entries.
 */
export function useFileUpload() {
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit =
    (
      field: string,
      missing: string,
      send: (file: File) => Promise<string>,
      toErrors: (err: unknown, file: File) => SummaryError[] = (err) => uploadErrorsToSummary(err, field),
    ) =>
    async (e: FormEvent) => {
      e.preventDefault();
      const file = input.current?.files?.[0];
      setDone(null);
      if (!file) {
        setErrors([{ field, message: missing }]);
        return;
      }
      setBusy(true);
      try {
        const message = await send(file);
        setErrors([]);
        setDone(message);
      } catch (err) {
        setErrors(toErrors(err, file));
      } finally {
        setBusy(false);
      }
    };
  return { input, errors, done, busy, submit };
}
