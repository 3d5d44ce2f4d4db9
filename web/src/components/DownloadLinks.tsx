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
  /** The filter the rows are shown under, in words ("in the borough, nursing homes"): named in the file name. */
  filter?: string;
}

/**
 * "In the borough, rated Good" → "in-the-borough-rated-good"; file-name safe, at most 80 characters. File names name
 * the filter in words: an id (a UUID) in it is left out.
 */
export function filterSlug(filter: string): string {
  return filter
    .toLowerCase()
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ' ')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** "Download as CSV" / "Download as Excel (XLSX)" for the rows on screen. */
export function DownloadLinks<T>({
  filename: base,
  columns,
  rows,
  what = 'this data',
  sheetName,
  filter,
}: DownloadLinksProps<T>) {
  const slug = filter ? filterSlug(filter) : '';
  const filename = slug ? `${base}-${slug}` : base;
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
