// Delivery plans and workplans, written in the browser: the list of plans (the council's delivery plan and a
// workplan per care group), a new plan, a plan's priorities → commissioning intentions → actions with add, edit,
// move, retire and restore, the Halton-layout export and import. Viewers read only; the server checks every
// change (commissioners and admins) and audits it.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, apiSend, getCsrfToken, problemToError, useApi } from '../api';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  Select,
  Table,
  Tag,
  TextInput,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
  type TagColour,
} from '../components';

type PlanRag = 'green' | 'amber' | 'red' | 'complete' | 'not_assessed';
const RAG_TAG: Record<PlanRag, TagColour> = {
  red: 'red',
  amber: 'orange',
  green: 'green',
  complete: 'blue',
  not_assessed: 'grey',
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KIND_LABEL = { delivery_plan: 'Delivery plan', workplan: 'Workplan' } as const;

interface PlanListItem {
  id: string;
  title: string;
  kind: keyof typeof KIND_LABEL;
  careGroup: string | null;
  years: string[];
  retired: boolean;
  actions: number;
}

interface ActionView {
  id: string;
  text: string;
  owner: string | null;
  responsibleServiceAreas: string[];
  yearStatuses: string[];
  ragOverride: 'green' | 'amber' | 'red' | 'complete' | null;
  rag: PlanRag;
  ragLabel: string;
  contracts: { id: string; reference: string; title: string }[];
  procurements: { id: string; title: string }[];
}

interface PlanView {
  asAt: string;
  plan: {
    id: string;
    title: string;
    kind: keyof typeof KIND_LABEL;
    careGroup: string | null;
    years: string[];
    retired: boolean;
  };
  priorities: {
    id: string;
    number: number;
    title: string;
    intentions: { id: string; text: string; actions: ActionView[] }[];
  }[];
  retiredEntries: { kind: 'priority' | 'intention' | 'action'; id: string; text: string; retiredAt: string }[];
  canEdit: boolean;
}

const errorsOf = (err: unknown): SummaryError[] =>
  err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }];

const crumbs = (extra: { text: string; href?: string }[] = []) => [
  { text: 'Contracts and delivery', href: '/contracts' },
  { text: 'Delivery plans and workplans', href: extra.length ? '/contracts/delivery-plans' : undefined },
  ...extra,
];

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
              { key: 'years', header: 'Years', render: (p) => `${p.years[0]} – ${p.years[p.years.length - 1]}` },
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
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [kind, setKind] = useState('delivery_plan');
  const [careGroup, setCareGroup] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setErrors([{ field: 'plan-file', message: 'Choose a plan workbook (Excel XLSX)' }]);
      return;
    }
    setBusy(true);
    try {
      const q = new URLSearchParams({ kind, fileName: file.name, ...(careGroup ? { careGroup } : {}) });
      const res = await fetch(`/api/delivery-plans/import?${q}`, {
        method: 'POST',
        headers: { 'content-type': XLSX_TYPE, 'x-csrf-token': getCsrfToken() ?? '', accept: 'application/json' },
        credentials: 'same-origin',
        body: await file.arrayBuffer(),
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      if (!res.ok) throw problemToError(res.status, body);
      navigate(`/contracts/delivery-plans/${body.id}?imported=${encodeURIComponent(file.name)}`);
    } catch (err) {
      const list = errorsOf(err);
      // Problems inside the file name a row and column, not a field of this form.
      setErrors(
        list.map((x) =>
          x.field === 'file'
            ? { field: 'plan-file', message: `${file.name}: ${x.message}` }
            : x.field && x.field !== 'careGroup' && x.field !== 'plan-file'
              ? { message: `${x.field}: ${x.message}` }
              : x,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate id="import">
      <h2 className="govuk-heading-m">Import a plan from Excel</h2>
      <p className="govuk-body">
        Halton’s layout: a title row with the years, then for each priority a “Priority 1 – Title” row, the header
        (Commissioning Intention, Action to be Undertaken, Year 1, Year 2…, Responsible Service Area) and one row per
        action. The workbook is checked whole; if anything is wrong nothing is saved.
      </p>
      <ErrorSummary errors={errors} />
      <Radios
        name="kind"
        legend="What is it?"
        small
        value={kind}
        onChange={setKind}
        items={[
          { value: 'delivery_plan', text: 'The council’s delivery plan' },
          { value: 'workplan', text: 'A care group’s or portfolio’s workplan' },
        ]}
      />
      {kind === 'workplan' && (
        <TextInput
          name="careGroup"
          label="Care group or portfolio"
          hint="For example Start Well, Live Well or Age Well"
          value={careGroup}
          onChange={setCareGroup}
          error={fieldError(errors, 'careGroup')}
        />
      )}
      <div className={`govuk-form-group${fieldError(errors, 'plan-file') ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="plan-file">
          Plan workbook (Excel XLSX)
        </label>
        {fieldError(errors, 'plan-file') && (
          <p id="plan-file-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {fieldError(errors, 'plan-file')}
          </p>
        )}
        <input className="govuk-file-upload" id="plan-file" name="plan-file" type="file" accept=".xlsx" ref={input} />
      </div>
      <Button disabled={busy}>Import plan</Button>
    </form>
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
        <Radios
          name="kind"
          legend="What is it?"
          value={kind}
          onChange={setKind}
          items={[
            { value: 'delivery_plan', text: 'The council’s delivery plan' },
            { value: 'workplan', text: 'A care group’s or portfolio’s workplan' },
          ]}
        />
        {kind === 'workplan' && (
          <TextInput
            name="careGroup"
            label="Care group or portfolio"
            hint="For example Start Well, Live Well or Age Well"
            value={careGroup}
            onChange={setCareGroup}
            error={fieldError(errors, 'careGroup')}
          />
        )}
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

function MoveRetire({
  path,
  label,
  onDone,
  onError,
}: {
  path: string;
  label: string;
  onDone: (message: string) => void;
  onError: (errors: SummaryError[]) => void;
}) {
  const act = async (body: object, message: string) => {
    try {
      await apiSend('PATCH', path, body);
      onDone(message);
    } catch (err) {
      onError(errorsOf(err));
    }
  };
  const btn = (text: string, body: object, message: string) => (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-right-1"
      data-module="govuk-button"
      onClick={() => void act(body, message)}
    >
      {text}
      <span className="govuk-visually-hidden"> {label}</span>
    </button>
  );
  return (
    <span>
      {btn('Move up', { move: 'up' }, `${label} moved up`)}
      {btn('Move down', { move: 'down' }, `${label} moved down`)}
      {btn('Retire', { retired: true }, `${label} retired`)}
    </span>
  );
}

function InlineForm({
  name,
  label,
  button,
  multiline,
  initial = '',
  onSubmit,
  errors,
}: {
  name: string;
  label: string;
  button: string;
  multiline?: boolean;
  initial?: string;
  onSubmit: (value: string) => Promise<boolean>;
  errors: SummaryError[];
}) {
  const [value, setValue] = useState(initial);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSubmit(value)) setValue(initial);
  };
  return (
    <form onSubmit={submit} noValidate>
      {multiline ? (
        <Textarea
          name={name}
          label={label}
          value={value}
          onChange={setValue}
          error={fieldError(errors, name)}
          rows={2}
        />
      ) : (
        <TextInput name={name} label={label} value={value} onChange={setValue} error={fieldError(errors, name)} />
      )}
      <Button variant="secondary">{button}</Button>
    </form>
  );
}

/** A plan: its priorities, intentions and actions, editable by commissioners. */
export function DeliveryPlanEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data, error, loading, reload } = useApi<PlanView>(`/api/delivery-plans/${id}`);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [banner, setBanner] = useState<ReactNode>(
    params.get('imported')
      ? `${params.get('imported')} imported as a new plan`
      : params.get('created')
        ? 'Plan started: add its priorities below'
        : params.get('saved')
          ? `Action saved`
          : null,
  );
  if (!data)
    return (
      <Page title="Delivery plan" breadcrumbs={crumbs([{ text: 'Plan' }])}>
        <LoadingOrError loading={loading} error={error} what="the plan" />
      </Page>
    );
  const done = (message: string) => {
    setErrors([]);
    setBanner(message);
    reload();
  };
  const failed = (list: SummaryError[]) => {
    setBanner(null);
    setErrors(list);
  };
  /** Send, keeping the form's field names in the error summary; true when saved. */
  const post = async (path: string, body: object, field: string, message: string) => {
    try {
      await apiSend('POST', path, body);
      done(message);
      return true;
    } catch (err) {
      failed(errorsOf(err).map((x) => ({ ...x, field: x.field ? field : undefined })));
      return false;
    }
  };
  const patch = async (path: string, body: object, field: string, message: string) => {
    try {
      await apiSend('PATCH', path, body);
      done(message);
      return true;
    } catch (err) {
      failed(errorsOf(err).map((x) => ({ ...x, field: x.field ? field : undefined })));
      return false;
    }
  };
  /** A collapsed form to change a priority's title or an intention's wording. */
  const reword = (kind: 'priorities' | 'intentions', id: string, label: string, current: string) => (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Change the wording of {label.toLowerCase()}</span>
      </summary>
      <div className="govuk-details__text">
        <InlineForm
          name={`reword-${id}`}
          label={`${label}, reworded`}
          button="Save wording"
          multiline={kind === 'intentions'}
          initial={current}
          errors={errors}
          onSubmit={(value) =>
            patch(
              `/api/delivery-plans/${kind}/${id}`,
              kind === 'priorities' ? { title: value } : { text: value },
              `reword-${id}`,
              `${label} reworded`,
            )
          }
        />
      </div>
    </details>
  );
  const { plan } = data;
  const years = plan.years;
  return (
    <Page
      title={plan.title}
      caption={`${KIND_LABEL[plan.kind]}${plan.careGroup ? ` – ${plan.careGroup}` : ''}, ${years[0]} – ${years[years.length - 1]}`}
      breadcrumbs={crumbs([{ text: plan.title }])}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {banner && <NotificationBanner type="success" heading={banner} />}
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/delivery-plans/${plan.id}/export.xlsx`} download>
          Download this plan (Excel XLSX, Halton’s layout)
        </a>
      </p>
      {data.priorities.length === 0 && <p className="govuk-body">This plan has no priorities yet.</p>}
      {data.priorities.map((p) => (
        <section key={p.id} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">
            Priority {p.number} – {p.title}
          </h2>
          {data.canEdit && (
            <>
              <MoveRetire
                path={`/api/delivery-plans/priorities/${p.id}`}
                label={`Priority ${p.number}`}
                onDone={done}
                onError={failed}
              />
              {reword('priorities', p.id, `Priority ${p.number}`, p.title)}
            </>
          )}
          {p.intentions.map((i, n) => (
            <div key={i.id} className="govuk-!-margin-top-4">
              <h3 className="govuk-heading-s">
                Commissioning intention {p.number}.{n + 1}: {i.text}
              </h3>
              {data.canEdit && (
                <p className="govuk-body">
                  <Link
                    className="govuk-link govuk-!-margin-right-3"
                    to={`/contracts/delivery-plans/${plan.id}/actions/new?intention=${i.id}`}
                  >
                    Add an action
                    <span className="govuk-visually-hidden">
                      {' '}
                      to intention {p.number}.{n + 1}
                    </span>
                  </Link>
                  <Link
                    className="govuk-link govuk-!-margin-right-3"
                    to={`/contracts/procurements/new?intention=${i.id}&plan=${plan.id}`}
                  >
                    Start a procurement
                    <span className="govuk-visually-hidden">
                      {' '}
                      for intention {p.number}.{n + 1}
                    </span>
                  </Link>
                  <MoveRetire
                    path={`/api/delivery-plans/intentions/${i.id}`}
                    label={`Intention ${p.number}.${n + 1}`}
                    onDone={done}
                    onError={failed}
                  />
                </p>
              )}
              {data.canEdit && reword('intentions', i.id, `Intention ${p.number}.${n + 1}`, i.text)}
              <Table
                caption={`Actions for intention ${p.number}.${n + 1}`}
                captionHidden
                rows={i.actions}
                rowKey={(a) => a.id}
                emptyText="No actions yet"
                columns={[
                  {
                    key: 'text',
                    header: 'Action to be undertaken',
                    render: (a) =>
                      data.canEdit ? (
                        <Link className="govuk-link" to={`/contracts/delivery-plans/${plan.id}/actions/${a.id}`}>
                          {a.text}
                        </Link>
                      ) : (
                        a.text
                      ),
                  },
                  { key: 'owner', header: 'Owner', render: (a) => a.owner ?? '' },
                  ...years.map((y, k) => ({
                    key: `y${k}`,
                    header: y,
                    render: (a: ActionView) => a.yearStatuses[k] ?? '',
                  })),
                  { key: 'areas', header: 'Service area', render: (a) => a.responsibleServiceAreas.join('; ') },
                  {
                    key: 'delivered',
                    header: 'Delivered by',
                    render: (a) =>
                      [...a.contracts.map((c) => c.reference), ...a.procurements.map((x) => x.title)].join('; '),
                  },
                  { key: 'rag', header: 'RAG', render: (a) => <Tag colour={RAG_TAG[a.rag]}>{a.ragLabel}</Tag> },
                  ...(data.canEdit
                    ? [
                        {
                          key: 'do',
                          header: 'Change',
                          render: (a: ActionView) => (
                            <MoveRetire
                              path={`/api/delivery-plans/actions/${a.id}`}
                              label={`Action “${a.text.slice(0, 40)}”`}
                              onDone={done}
                              onError={failed}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          ))}
          {data.canEdit && (
            <InlineForm
              name={`intention-${p.id}`}
              label={`New commissioning intention for priority ${p.number}`}
              button="Add intention"
              multiline
              errors={errors}
              onSubmit={(text) =>
                post(
                  `/api/delivery-plans/priorities/${p.id}/intentions`,
                  { text },
                  `intention-${p.id}`,
                  'Intention added',
                )
              }
            />
          )}
        </section>
      ))}
      {data.canEdit && (
        <InlineForm
          name="priority-title"
          label="New priority"
          button="Add priority"
          errors={errors}
          onSubmit={(title) =>
            post(`/api/delivery-plans/${plan.id}/priorities`, { title }, 'priority-title', `Priority “${title}” added`)
          }
        />
      )}
      {data.retiredEntries.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Retired</h2>
          <Table
            caption="Retired entries"
            captionHidden
            rows={data.retiredEntries}
            rowKey={(e) => e.id}
            columns={[
              { key: 'kind', header: 'Entry', render: (e) => e.kind[0].toUpperCase() + e.kind.slice(1) },
              { key: 'text', header: 'Text' },
              ...(data.canEdit
                ? [
                    {
                      key: 'restore',
                      header: 'Change',
                      render: (e: PlanView['retiredEntries'][number]) => (
                        <button
                          type="button"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          data-module="govuk-button"
                          onClick={() =>
                            void apiSend(
                              'PATCH',
                              `/api/delivery-plans/${e.kind === 'priority' ? 'priorities' : e.kind === 'intention' ? 'intentions' : 'actions'}/${e.id}`,
                              { retired: false },
                            ).then(
                              () => done(`${e.kind[0].toUpperCase() + e.kind.slice(1)} restored`),
                              (err) => failed(errorsOf(err)),
                            )
                          }
                        >
                          Restore<span className="govuk-visually-hidden"> {e.text.slice(0, 40)}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Page>
  );
}

/** Add or change an action: text, owner, service areas, a status per year, RAG, the contracts and procurements that deliver it. */
export function PlanActionPage() {
  const { id: planId, actionId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<PlanView>(`/api/delivery-plans/${planId}`);
  const { data: register } = useApi<{ contracts: { id: string; reference: string; title: string }[] }>(
    '/api/contracts/contracts',
  );
  const { data: procs } = useApi<{ procurements: { id: string; title: string }[] }>('/api/contracts/procurements');
  const existing = data?.priorities
    .flatMap((p) => p.intentions.flatMap((i) => i.actions.map((a) => ({ a, i }))))
    .find((x) => x.a.id === actionId);
  const intentionId = existing?.i.id ?? params.get('intention') ?? '';
  const [form, setForm] = useState<{
    text: string;
    owner: string;
    areas: string;
    statuses: string[];
    rag: string;
    contractIds: string[];
    procurementIds: string[];
  } | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  if (!data)
    return (
      <Page title="Action" breadcrumbs={crumbs([{ text: 'Action' }])}>
        <LoadingOrError loading={loading} error={error} what="the plan" />
      </Page>
    );
  const intention = data.priorities.flatMap((p) => p.intentions).find((i) => i.id === intentionId);
  const f = form ?? {
    text: existing?.a.text ?? '',
    owner: existing?.a.owner ?? '',
    areas: existing?.a.responsibleServiceAreas.join('\n') ?? '',
    statuses: data.plan.years.map((_, k) => existing?.a.yearStatuses[k] ?? ''),
    rag: existing?.a.ragOverride ?? '',
    contractIds: existing?.a.contracts.map((c) => c.id) ?? [],
    procurementIds: existing?.a.procurements.map((c) => c.id) ?? [],
  };
  const set = (patch: Partial<typeof f>) => setForm({ ...f, ...patch });
  const title = existing ? 'Change the action' : 'Add an action';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      text: f.text,
      owner: f.owner || null,
      responsibleServiceAreas: f.areas
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      yearStatuses: f.statuses,
      ragOverride: f.rag || null,
      contractIds: f.contractIds,
      procurementIds: f.procurementIds,
    };
    try {
      if (existing) await apiSend('PUT', `/api/delivery-plans/actions/${existing.a.id}`, body);
      else await apiSend('POST', `/api/delivery-plans/intentions/${intentionId}/actions`, body);
      navigate(`/contracts/delivery-plans/${planId}?saved=1`);
    } catch (err) {
      setErrors(
        errorsOf(err).map((x) => ({
          ...x,
          field: x.field?.startsWith('contractIds')
            ? 'contractIds'
            : x.field?.startsWith('procurementIds')
              ? 'procurementIds'
              : x.field === 'yearStatuses'
                ? 'yearStatuses.0'
                : x.field,
        })),
      );
    }
  };
  return (
    <Page
      title={title}
      caption={intention ? `Intention: ${intention.text.slice(0, 120)}` : data.plan.title}
      breadcrumbs={crumbs([{ text: data.plan.title, href: `/contracts/delivery-plans/${planId}` }, { text: title }])}
      hasErrors={errors.length > 0}
    >
      {!data.canEdit || !intention ? (
        <p className="govuk-body">
          {!data.canEdit ? 'You can read this plan but not change it.' : 'There is no such intention in this plan.'}
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Textarea
              name="text"
              label="Action to be undertaken"
              value={f.text}
              onChange={(v) => set({ text: v })}
              error={fieldError(errors, 'text')}
              rows={3}
            />
            <TextInput
              name="owner"
              label="Owner"
              hint="The officer responsible, for example Commissioning Manager – Age Well"
              value={f.owner}
              onChange={(v) => set({ owner: v })}
              error={fieldError(errors, 'owner')}
            />
            <Textarea
              name="responsibleServiceAreas"
              label="Responsible service areas"
              hint="One a line"
              value={f.areas}
              onChange={(v) => set({ areas: v })}
              error={fieldError(errors, 'responsibleServiceAreas')}
              rows={2}
            />
            {data.plan.years.map((y, k) => (
              <TextInput
                key={y}
                name={`yearStatuses.${k}`}
                label={`Status in year ${k + 1} (${y})`}
                hint={k === 0 ? 'For example Develop & Implement, Re-Tender, Ongoing Monitoring' : undefined}
                value={f.statuses[k]}
                onChange={(v) => set({ statuses: f.statuses.map((s, j) => (j === k ? v : s)) })}
                error={fieldError(errors, `yearStatuses.${k}`)}
              />
            ))}
            <Radios
              name="ragOverride"
              legend="RAG"
              hint="Leave it to the milestones, or set it"
              small
              value={f.rag}
              onChange={(v) => set({ rag: v })}
              items={[
                { value: '', text: 'From the milestones' },
                { value: 'green', text: 'Green' },
                { value: 'amber', text: 'Amber' },
                { value: 'red', text: 'Red' },
                { value: 'complete', text: 'Complete' },
              ]}
              error={fieldError(errors, 'ragOverride')}
            />
            <Checkboxes
              name="procurementIds"
              legend="Procurements that deliver it"
              small
              value={f.procurementIds}
              onChange={(v) => set({ procurementIds: v })}
              items={(procs?.procurements ?? []).map((p) => ({ value: p.id, text: p.title }))}
              error={fieldError(errors, 'procurementIds')}
            />
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Contracts that deliver it ({f.contractIds.length} chosen)
                </span>
              </summary>
              <div className="govuk-details__text">
                <Checkboxes
                  name="contractIds"
                  legend="Contracts"
                  small
                  value={f.contractIds}
                  onChange={(v) => set({ contractIds: v })}
                  items={(register?.contracts ?? []).map((c) => ({ value: c.id, text: `${c.reference} ${c.title}` }))}
                  error={fieldError(errors, 'contractIds')}
                />
              </div>
            </details>
            <Button>Save action</Button>
          </form>
        </>
      )}
    </Page>
  );
}
