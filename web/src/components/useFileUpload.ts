// One file upload form's state (the file input, problems, the outcome banner, busy), shared by the pages that take
// a published file: the BCF return and the contract register import.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { apiErrorsToSummary, type SummaryError } from './ErrorSummary';

/**
 * A file upload form: `submit(field, missing, send)` returns the form's submit handler. With no file chosen it
 * shows `missing` linked to `field`; otherwise it calls `send(file)` (which returns the success banner's text) and
 * shows the server's refusal as the summary's title (`problem`) with each line of the file at fault listed.
 */
export function useFileUpload() {
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (field: string, missing: string, send: (file: File) => Promise<string>) => async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setDone(null);
    setProblem(null);
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
      const api = err instanceof ApiError ? err : null;
      setProblem(api?.detail ?? String(err));
      setErrors(
        api
          ? apiErrorsToSummary(api).map((x) => ({ message: `${x.field ? `${x.field}: ` : ''}${x.message}` }))
          : [{ message: String(err) }],
      );
    } finally {
      setBusy(false);
    }
  };
  return { input, errors, problem, done, busy, submit };
}
