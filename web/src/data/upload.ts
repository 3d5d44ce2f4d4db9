// Uploads a file to `POST /api/data/imports/:kind` with XMLHttpRequest, which (unlike fetch) reports upload
// progress. Resolves with the import summary; rejects with the parsed problem (ApiError) when refused.
import { ApiError, getCsrfToken, problemToError } from '../api';
import type { Wire } from '../../../src/server/schemas';
import type { summarySchema } from '../../../src/server/data/schemas';

export type ImportSummary = Wire<typeof summarySchema>;

/** One problem of a refused file: its line (null for the whole file), the field, and what is wrong. */
export interface FileProblem {
  line: number | null;
  field: string;
  message: string;
}

/** Field names the importers give that are not a column of the file: shown by their label. */
const FIELD_LABELS: Record<string, string> = { file: 'File', locationId: 'CQC location ID' };

/**
 * Splits the API's `line 3: Start date` field back into line and field, and names a whole-file field by its label:
 * `file` → "File", an option's key (`trust`) → the option's label ("NHS trust"), from `optionLabels`. Exported for
 * tests.
 */
export function toFileProblem(
  e: { field: string; message: string },
  optionLabels: Readonly<Record<string, string>> = {},
): FileProblem {
  const label = (field: string) => optionLabels[field] ?? FIELD_LABELS[field] ?? field;
  const m = /^line (\d+)(?::\s*(.*))?$/.exec(e.field);
  return m
    ? { line: Number(m[1]), field: label(m[2] ?? ''), message: e.message }
    : { line: null, field: label(e.field), message: e.message };
}

/**
 * Sends `file` to the named importer with its options (`{ trust: 'RK9' }`, as `steward import -o trust=RK9`).
 * Resolves with the summary; rejects with an ApiError naming each wrong option or each problem in the file.
 */
export function uploadImport(
  kind: string,
  file: File,
  options: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ ...options, fileName: file.name });
    xhr.open('POST', `/api/data/imports/${encodeURIComponent(kind)}?${query.toString()}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          title: 'Steward could not be reached',
          detail: 'Check your connection and try again',
        }),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status === 200) resolve((body as { summary: ImportSummary }).summary);
      else reject(problemToError(xhr.status, body));
    };
    xhr.send(file);
  });
}
