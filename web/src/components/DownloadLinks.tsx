import { useState } from 'react';
import { saveFile, toCsv, toXlsx, type DownloadColumn } from './downloads';

export interface DownloadLinksProps<T> {
  /** File name without extension, e.g. "care-homes-2026-11-23". */
  filename: string;
  columns: readonly DownloadColumn<T>[];
  rows: readonly T[];
  /** What is being downloaded, for the link text: "Download care homes as CSV". */
  what?: string;
  sheetName?: string;
}

/** "Download as CSV" / "Download as Excel (XLSX)" for the rows on screen. */
export function DownloadLinks<T>({ filename, columns, rows, what = 'this data', sheetName }: DownloadLinksProps<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const csv = () => saveFile(`\uFEFF${toCsv(columns, rows)}`, `${filename}.csv`, 'text/csv;charset=utf-8');
  const xlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      const bytes = await toXlsx(columns, rows, sheetName);
      saveFile(bytes, `${filename}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      setError(`The Excel file could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="app-download-links">
      <ul className="govuk-list">
        <li>
          <button type="button" className="app-link-button" data-download="csv" onClick={csv}>
            Download {what} as CSV
          </button>
        </li>
        <li>
          <button
            type="button"
            className="app-link-button"
            data-download="xlsx"
            onClick={xlsx}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            Download {what} as Excel (XLSX)
          </button>
        </li>
      </ul>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
