// Delivery plans and workplans, written in the browser: the list of plans (the council's delivery plan and a
// workplan per care group), a new plan, and a plan imported from Halton's layout. A plan's priorities, intentions
// and actions: DeliveryPlanEditorPage.tsx; an action's form: PlanActionPage.tsx. Viewers read only; the server
// checks every change (commissioners and admins) and audits it.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiSend, apiUpload, useApi, XLSX_TYPE } from '../api';
import {
  Button,
  ErrorSummary,
  FileUploadForm,
  LoadingOrError,
  Page,
  Radios,
  Select,
  Table,
  TextInput,
  fieldError,
  useFileUpload,
  type SummaryError,
  formatSpan,
} from '../components';
import { crumbs, errorsOf, KIND_LABEL } from './deliveryPlanParts';

interface PlanListItem {
  id: string;
  title: string;
  kind: keyof typeof KIND_LABEL;
  careGroup: string | null;
  years: string[];
  retired: boolean;
  actions: number;
}

/** All plans, with links to start one and import one from Halton's layout. */
export function DeliveryPlansPage() {
  const { data, error, loading } = useApi<{ plans: PlanListItem[]; canEdit: boolean }>('/api/delivery-plans');
  return (
    <Page title="Delivery plans and workplans" caption="Contracts and delivery" breadcrumbs={crumbs()}>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the plans" />
      ) : (
        <>
          <p className="govuk-body">
            The council’s delivery plan and a workplan for each care group or portfolio (for example Start Well, Live
            Well, Age Well): priorities, commissioning intentions and the actions that deliver them.
          </p>
          {data.canEdit && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/contracts/delivery-plans/new">
                Start a plan or workplan
              </Link>{' '}
              or{' '}
              <a className="govuk-link" href="#import">
                import one from Excel
              </a>
            </p>
          )}
          <Table
            caption="Plans"
            captionHidden
            rows={data.plans}
            rowKey={(p) => p.id}
            emptyText="No plans yet"
            columns={[
              {
                key: 'title',
                header: 'Plan',
                render: (p) => (
                  <Link className="govuk-link" to={`/contracts/delivery-plans/${p.id}`}>
                    {p.title}
                  </Link>
                ),
              },
              { key: 'kind', header: 'Kind', render: (p) => KIND_LABEL[p.kind] },
              { key: 'careGroup', header: 'Care group', render: (p) => p.careGroup ?? '' },
              {
                key: 'years',
                header: 'Years',
                render: (p) => formatSpan(p.years[0], p.years[p.years.length - 1], ' – '),
              },
              { key: 'actions', header: 'Actions', numeric: true },
              { key: 'retired', header: 'Status', render: (p) => (p.retired ? 'Retired' : 'Current') },
            ]}
          />
          {data.canEdit && <ImportPlanForm />}
        </>
      )}
    </Page>
  );
}

function ImportPlanForm() {
  const navigate = useNavigate();
  const [kind, setKind] = useState('delivery_plan');
  const [careGroup, setCareGroup] = useState('');
  const { input, errors, busy, submit: uploadWith } = useFileUpload();
  const submit = uploadWith(
    'plan-file',
    'Choose a plan workbook (Excel XLSX)',
    async (file) => {
      const q = new URLSearchParams({ kind, fileName: file.name, ...(careGroup ? { careGroup } : {}) });
      const body = await apiUpload<{ id: string }>(
        `/api/delivery-plans/import?${q}`,
        XLSX_TYPE,
        await file.arrayBuffer(),
      );
      navigate(`/contracts/delivery-plans/${body.id}?imported=${encodeURIComponent(file.name)}`);
      return `${file.name} imported`;
    },
    // Problems inside the file name a row and column, not a field of this form.
    (err, file) =>
      errorsOf(err).map((x) =>
        x.field === 'file'
          ? { field: 'plan-file', message: `${file.name}: ${x.message}` }
          : x.field && x.field !== 'careGroup' && x.field !== 'plan-file'
            ? { message: `${x.field}: ${x.message}` }
            : x,
      ),
  );
  return (
    <FileUploadForm
      formId="import"
      onSubmit={submit}
      input={input}
      id="plan-file"
      label="Plan workbook (Excel XLSX)"
      accept=".xlsx"
      error={fieldError(errors, 'plan-file')}
      busy={busy}
      button="Import plan"
    >
      <h2 className="govuk-heading-m">Import a plan from Excel</h2>
      <p className="govuk-body">
        Halton’s layout: a title row with the years, then for each priority a “Priority 1 – Title” row, the header
        (Commissioning Intention, Action to be Undertaken, Year 1, Year 2…, Responsible Service Area) and one row per
        action. The workbook is checked whole; if anything is wrong nothing is saved.
      </p>
      <ErrorSummary errors={errors} />
      <PlanKindFields
        small
        kind={kind}
        setKind={setKind}
        careGroup={careGroup}
        setCareGroup={setCareGroup}
        errors={errors}
      />
    </FileUploadForm>
  );
}

/** Start a plan: title, kind, care group and its years. */
export function NewDeliveryPlanPage() {
  const navigate = useNavigate();
  const thisYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('delivery_plan');
  const [careGroup, setCareGroup] = useState('');
  const [firstYear, setFirstYear] = useState(String(thisYear));
  const [count, setCount] = useState('3');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const fy = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const years = Array.from({ length: Number(count) }, (_, i) => fy(Number(firstYear) + i));
    try {
      const r = await apiSend<{ id: string }>('POST', '/api/delivery-plans', {
        title,
        kind,
        careGroup: kind === 'workplan' ? careGroup : null,
        years,
      });
      navigate(`/contracts/delivery-plans/${r.id}?created=1`);
    } catch (err) {
      setErrors(errorsOf(err).map((x) => (x.field?.startsWith('years') ? { ...x, field: 'firstYear' } : x)));
    }
  };
  return (
    <Page title="Start a plan or workplan" breadcrumbs={crumbs([{ text: 'New plan' }])} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput name="title" label="Title" value={title} onChange={setTitle} error={fieldError(errors, 'title')} />
        <PlanKindFields
          kind={kind}
          setKind={setKind}
          careGroup={careGroup}
          setCareGroup={setCareGroup}
          errors={errors}
        />
        <Select
          name="firstYear"
          label="First year"
          value={firstYear}
          onChange={setFirstYear}
          error={fieldError(errors, 'firstYear')}
          options={[-1, 0, 1, 2].map((d) => ({ value: String(thisYear + d), text: fy(thisYear + d) }))}
        />
        <Select
          name="count"
          label="Number of years"
          value={count}
          onChange={setCount}
          options={['1', '2', '3', '4', '5'].map((n) => ({ value: n, text: n }))}
        />
        <Button>Start the plan</Button>
      </form>
    </Page>
  );
}

/** "What is it?" (the council's delivery plan or a workplan) and, for a workplan, its care group or portfolio. */
function PlanKindFields(p: {
  small?: boolean;
  kind: string;
  setKind: (kind: string) => void;
  careGroup: string;
  setCareGroup: (careGroup: string) => void;
  errors: SummaryError[];
}) {
  return (
    <>
      <Radios
        name="kind"
        legend="What is it?"
        small={p.small}
        value={p.kind}
        onChange={p.setKind}
        error={fieldError(p.errors, 'kind')}
        items={[
          {
            value: 'delivery_plan',
            text: 'The council’s delivery plan',
            hint: 'The council has one delivery plan for each year: retire the current one before starting its successor for the same years',
          },
          { value: 'workplan', text: 'A care group’s or portfolio’s workplan' },
        ]}
      />
      {p.kind === 'workplan' && (
        <TextInput
          name="careGroup"
          label="Care group or portfolio"
          hint="For example Start Well, Live Well or Age Well"
          value={p.careGroup}
          onChange={p.setCareGroup}
          error={fieldError(p.errors, 'careGroup')}
        />
      )}
    </>
  );
}
