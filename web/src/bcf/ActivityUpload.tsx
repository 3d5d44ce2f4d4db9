import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { Button, Details, ErrorSummary, NotificationBanner, type SummaryError } from '../components';
import { toFileProblem, uploadImport } from '../data/upload';

/**
 * The hospital activity file (emergency admissions for falls 65+ and chronic ACSC, by age band and quarter) that
 * two of the four metrics are computed from, imported by the BCF's editors from the metrics page: the same
 * importer as the Data page and `steward import bcf-activity`, checked whole, every problem listed by line.
 */
export function ActivityUpload({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!file) {
      setErrors([{ field: 'activity-file', message: 'Choose the hospital activity file to import' }]);
      return;
    }
    setBusy(true);
    try {
      const summary = await uploadImport('bcf-activity', file, {}, () => undefined);
      setErrors([]);
      setDone(`${summary.fileName} imported: ${summary.messages.join('; ') || `${summary.rowsRead} rows`}`);
      onImported();
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      const problems = (api?.errors ?? []).map((e) => toFileProblem(e));
      setErrors(
        problems.length
          ? problems.map((p) => ({
              field: 'activity-file',
              message: `${file.name}${p.line ? `, line ${p.line}` : ''}${p.field && p.field !== 'File' ? ` (${p.field})` : ''}: ${p.message}`,
            }))
          : [{ field: 'activity-file', message: `${file.name} was not imported: ${api?.detail || String(err)}` }],
      );
    } finally {
      setBusy(false);
    }
  };
  const fieldError = errors.find((x) => x.field === 'activity-file');
  return (
    <Details summary="Import hospital activity (falls 65+ and chronic ACSC admissions)">
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="activity-file">
            Hospital activity file
          </label>
          <div className="govuk-hint" id="activity-file-hint">
            CSV or XLSX with one row per place, measure, year, quarter and age band (columns gss_code, measure, year,
            quarter, age_band, admissions). The whole file is checked: if any line is wrong nothing is saved.
          </div>
          {fieldError && (
            <p className="govuk-error-message" id="activity-file-error">
              <span className="govuk-visually-hidden">Error:</span> {fieldError.message}
            </p>
          )}
          <input
            className={`govuk-file-upload${fieldError ? ' govuk-file-upload--error' : ''}`}
            id="activity-file"
            name="activity-file"
            type="file"
            accept=".csv,.xlsx"
            aria-describedby={`activity-file-hint${fieldError ? ' activity-file-error' : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button disabled={busy}>{busy ? 'Importing…' : 'Import hospital activity'}</Button>
      </form>
    </Details>
  );
}
