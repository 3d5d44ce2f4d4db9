import { apiUpload, XLSX_TYPE } from '../api';
import {
  FileUploadForm,
  ErrorSummary,
  NotificationBanner,
  Page,
  Table,
  formatCount,
  useFileUpload,
  formatNumber,
} from '../components';
import { REGISTER_COLUMNS } from '../../../src/domain/contracts/register';

async function upload(file: File): Promise<{ created: number; updated: number }> {
  const xlsx = /\.xlsx$/i.test(file.name);
  return apiUpload(
    `/api/contracts/import?fileName=${encodeURIComponent(file.name)}`,
    xlsx ? XLSX_TYPE : 'text/csv',
    xlsx ? await file.arrayBuffer() : await file.text(),
  );
}

export function ImportRegisterPage() {
  const { input, errors, problem, done, busy, submit: uploadWith } = useFileUpload();
  const submit = uploadWith('register', 'Choose a CSV or Excel file', async (file) => {
    const r = await upload(file);
    return `${file.name} imported: ${formatCount(r.created, 'contract')} added, ${formatNumber(r.updated)} updated`;
  });
  const columns = Object.entries(REGISTER_COLUMNS).map(([field, spec]) => ({
    field,
    header: spec.headers[1] ?? spec.headers[0],
    required: spec.required,
  }));
  return (
    <Page
      title="Import a contract register"
      hasErrors={errors.length > 0}
      width="two-thirds"
      breadcrumbs={[
        { text: 'Contracts and delivery', href: '/contracts' },
        { text: 'Contract register', href: '/contracts/register' },
        { text: 'Import' },
      ]}
    >
      <ErrorSummary errors={errors} title={problem ?? 'There is a problem'} />
      {done && <NotificationBanner type="success" heading={done} />}
      <p className="govuk-body">
        The whole file is checked first: if any row has a problem, nothing is saved and every problem is listed with its
        line. Contracts with a reference already in the register are updated. Providers are matched by CQC provider ID,
        or by their exact name in the market register.
      </p>
      <FileUploadForm
        onSubmit={submit}
        input={input}
        id="register"
        label="Contract register (CSV or Excel)"
        accept=".csv,.xlsx,text/csv"
        hasErrors={errors.length > 0}
        busy={busy}
        button="Import register"
      />
      <Table
        caption="Columns"
        captionSize="s"
        rows={columns}
        rowKey={(c) => c.field}
        columns={[
          { key: 'header', header: 'Column heading' },
          { key: 'required', header: 'Required', render: (c) => (c.required ? 'Yes' : 'No') },
        ]}
      />
    </Page>
  );
}
