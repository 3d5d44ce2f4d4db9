import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../api';
import {
  ErrorSummary,
  FileUploadForm,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  Select,
  TextInput,
  Table,
  Tag,
  formatAge,
  formatDateTime,
  formatNumber,
  fieldError,
  type Column,
  type SummaryError,
} from '../components';
import { toFileProblem, uploadImport, type FileProblem, type ImportSummary } from './upload';
import type { Wire } from '../../../src/server/schemas';
import type { datasetSchema, optionSchema, runSchema } from '../../../src/server/data/schemas';

export type ImportRun = Wire<typeof runSchema>;

/** An option an importer takes (as `steward import -o key=value`), shown as a field of the upload form. */
export type DatasetOption = Wire<typeof optionSchema>;

export type Dataset = Wire<typeof datasetSchema>;

/** Datasets older than this are tagged "Out of date" (national files are republished monthly). */
const STALE_AFTER_DAYS = 35;

const datasetColumns: Column<Dataset>[] = [
  {
    key: 'kind',
    header: 'Dataset',
    render: (d) => (
      <>
        <strong>{d.label}</strong>
        <br />
        <span className="govuk-body-s">{d.description}</span>
      </>
    ),
  },
  { key: 'source', header: 'Source', render: (d) => d.source },
  { key: 'file', header: 'File', render: (d) => d.latest?.fileName ?? 'Never imported' },
  { key: 'importedAt', header: 'Imported', render: (d) => (d.latest ? formatDateTime(d.latest.importedAt) : '') },
  { key: 'by', header: 'By', render: (d) => d.latest?.importedBy ?? '' },
  { key: 'rows', header: 'Rows', numeric: true, render: (d) => (d.latest ? formatNumber(d.latest.rowsRead) : '') },
  {
    key: 'age',
    header: 'Age',
    render: (d) =>
      d.latest ? (
        <>
          {formatAge(d.latest.importedAt)}
          {d.ageDays !== null && d.ageDays > STALE_AFTER_DAYS && (
            <>
              {' '}
              <Tag colour="orange">Out of date</Tag>
            </>
          )}
        </>
      ) : (
        ''
      ),
  },
];

/** The import history's columns; `labelOf` names a run's dataset by its plain name (the importer's `label`). */
const historyColumns = (labelOf: (kind: string) => string): Column<ImportRun>[] => [
  { key: 'importedAt', header: 'When', render: (r) => formatDateTime(r.importedAt) },
  { key: 'kind', header: 'Dataset', render: (r) => labelOf(r.kind) },
  { key: 'fileName', header: 'File' },
  { key: 'importedBy', header: 'By' },
  { key: 'rowsRead', header: 'Rows', numeric: true, render: (r) => formatNumber(r.rowsRead) },
  {
    key: 'changes',
    header: 'Changes',
    render: (r) =>
      [
        r.created !== null ? `${formatNumber(r.created)} new` : null,
        r.updated !== null ? `${formatNumber(r.updated)} updated` : null,
        r.removed ? `${formatNumber(r.removed)} removed` : null,
      ]
        .filter(Boolean)
        .join(', '),
  },
];

const problemColumns: Column<FileProblem & { n: number }>[] = [
  { key: 'line', header: 'Line', numeric: true, render: (p) => (p.line === null ? 'Whole file' : String(p.line)) },
  { key: 'field', header: 'Column or field' },
  { key: 'message', header: 'Problem' },
];

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; sent: number; total: number }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'refused'; fileName: string; detail: string; problems: FileProblem[] };

/** The administrator's "Data" page: every dataset and its age, and the upload of any importer's file. */
export function DataPage() {
  const { data, error, loading, reload } = useApi<{ datasets: Dataset[]; history: ImportRun[] }>('/api/data/datasets');
  const [kind, setKind] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [optionValues, setOptionValues] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [upload, setUpload] = useState<UploadState>({ status: 'idle' });
  const kinds = useMemo(
    () =>
      (data?.datasets ?? [])
        .map((d) => ({ value: d.kind, text: d.label }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    [data],
  );
  const chosen = data?.datasets.find((d) => d.kind === kind);
  const options = chosen?.options ?? [];
  const labels = useMemo(() => new Map((data?.datasets ?? []).map((d) => [d.kind, d.label])), [data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: SummaryError[] = [];
    if (!kind) errors.push({ field: 'kind', message: 'Choose what the file is' });
    if (!file) errors.push({ field: 'file', message: 'Choose a file to upload' });
    setFormErrors(errors);
    if (errors.length || !file) return;
    setUpload({ status: 'uploading', fileName: file.name, sent: 0, total: file.size });
    try {
      const given = Object.fromEntries(options.map((o) => [o.key, optionValues[o.key] ?? '']).filter(([, v]) => v));
      const summary = await uploadImport(kind, file, given, (sent, total) =>
        setUpload({ status: 'uploading', fileName: file.name, sent, total }),
      );
      setUpload({ status: 'done', summary });
      reload();
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      // A wrong option is shown on its own field, as the form's other errors are.
      const optionErrors = (api?.errors ?? []).filter((e) => options.some((o) => o.key === e.field));
      if (optionErrors.length) {
        setFormErrors(optionErrors);
        setUpload({ status: 'idle' });
        return;
      }
      setUpload({
        status: 'refused',
        fileName: file.name,
        detail: api?.detail || api?.title || String(err),
        problems: (api?.errors ?? []).map((e) =>
          toFileProblem(e, Object.fromEntries(options.map((o) => [o.key, o.label]))),
        ),
      });
    }
  }

  if (!data)
    return (
      <Page title="Data" breadcrumbs={[{ text: 'Administration', href: '/admin' }, { text: 'Data' }]}>
        <LoadingOrError loading={loading} error={error} what="datasets" />
      </Page>
    );
  const summaryErrors: SummaryError[] =
    upload.status === 'refused'
      ? [{ field: 'file', message: `${upload.fileName} was not imported: ${upload.detail}` }]
      : formErrors;
  const percent = upload.status === 'uploading' && upload.total ? Math.round((100 * upload.sent) / upload.total) : 0;
  return (
    <Page
      title="Data"
      breadcrumbs={[{ text: 'Administration', href: '/admin' }, { text: 'Data' }]}
      hasErrors={summaryErrors.length > 0}
    >
      <ErrorSummary errors={summaryErrors} />
      {upload.status === 'done' && (
        <NotificationBanner type="success" heading={`${upload.summary.fileName} imported`}>
          <ul className="govuk-list">
            {upload.summary.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <p className="govuk-body">
        Every dataset Steward reads, when it was last imported and by whom. A file is checked whole: if any line is
        wrong, nothing is saved and every problem is listed with its line and column. The same importers run from the
        command line as <code>steward import &lt;dataset&gt; &lt;file&gt;</code>.
      </p>

      <h2 className="govuk-heading-m">Import a file</h2>
      <FileUploadForm
        onSubmit={(e) => void submit(e)}
        id="file"
        label="File"
        hint={
          chosen
            ? `${chosen.label}: ${chosen.files}`
            : 'CSV (UTF-8 or as Excel saves it), XLSX, or JSON for CQC API records'
        }
        error={fieldError(summaryErrors, 'file')}
        onChoose={(e) => {
          setFile(e.target.files?.[0] ?? null);
          if (upload.status !== 'uploading') setUpload({ status: 'idle' });
        }}
        busy={upload.status === 'uploading'}
        button="Upload and import"
        progress={
          upload.status === 'uploading' && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="upload-progress">
                {percent < 100
                  ? `Uploading ${upload.fileName}: ${percent}%`
                  : `Checking and importing ${upload.fileName}…`}
              </label>
              <progress id="upload-progress" className="app-progress" max={100} value={percent}>
                {percent}%
              </progress>
            </div>
          )
        }
      >
        <Select
          name="kind"
          label="What the file is"
          placeholder="Choose a dataset"
          options={kinds}
          hint={chosen ? `What it holds: ${chosen.description}` : undefined}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setOptionValues({});
          }}
          error={formErrors.find((e) => e.field === 'kind')?.message}
        />
        {options.map((o) =>
          o.choices ? (
            <Radios
              key={o.key}
              name={o.key}
              legend={o.label}
              hint={o.hint}
              small
              value={optionValues[o.key] ?? ''}
              onChange={(v) => setOptionValues((all) => ({ ...all, [o.key]: v }))}
              items={[{ value: '', text: 'Let Steward choose' }, ...o.choices]}
              error={formErrors.find((e) => e.field === o.key)?.message}
            />
          ) : (
            <TextInput
              key={o.key}
              name={o.key}
              label={o.label}
              hint={o.hint}
              width={20}
              spellCheck={false}
              value={optionValues[o.key] ?? ''}
              onChange={(v) => setOptionValues((all) => ({ ...all, [o.key]: v }))}
              error={formErrors.find((e) => e.field === o.key)?.message}
            />
          ),
        )}
      </FileUploadForm>

      {upload.status === 'refused' && upload.problems.length > 0 && (
        <Table
          caption={`Problems in ${upload.fileName}`}
          columns={problemColumns}
          rows={upload.problems.map((p, n) => ({ ...p, n }))}
          rowKey={(p) => String(p.n)}
        />
      )}

      <Table caption="Datasets" columns={datasetColumns} rows={data.datasets} rowKey={(d) => d.kind} />
      {data.history.length > 0 && (
        <Table
          caption="Recent imports"
          columns={historyColumns((k) => labels.get(k) ?? k)}
          rows={data.history}
          rowKey={(r) => r.id}
        />
      )}
    </Page>
  );
}
