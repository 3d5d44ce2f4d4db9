// A delivery plan or workplan written in the browser: its priorities → commissioning intentions → actions with add,
// edit, move, retire and restore, and the Halton-layout export. Viewers read only; the server checks every change
// (commissioners and admins) and audits it.
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  ErrorSummary,
  LoadingOrError,
  Page,
  SuccessBanner,
  Table,
  Tag,
  type SummaryError,
  type TagColour,
  formatSpan,
} from '../components';
import { HistoryTable } from './HistoryTable';
import type { HistoryEntry } from './types';
import { crumbs, errorsOf, KIND_LABEL, type ActionView, type PlanRag, type PlanView } from './deliveryPlanParts';
import { MoveRetire, InlineForm } from './PlanEditorForms';

const RAG_TAG: Record<PlanRag, TagColour> = {
  red: 'red',
  amber: 'orange',
  green: 'green',
  complete: 'blue',
  not_assessed: 'grey',
};

/** A plan: its priorities, intentions and actions, editable by commissioners. */
export function DeliveryPlanEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data, error, loading, reload } = useApi<PlanView>(`/api/delivery-plans/${id}`);
  const history = useApi<{ history: HistoryEntry[] }>(`/api/delivery-plans/${id}/history`, { keepPrevious: true });
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
    history.reload();
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
      caption={`${KIND_LABEL[plan.kind]}${plan.careGroup ? ` – ${plan.careGroup}` : ''}, ${formatSpan(years[0], years[years.length - 1], ' – ')}`}
      breadcrumbs={crumbs([{ text: plan.title }])}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      <SuccessBanner heading={banner} href="#history" linkText="See the plan’s history" />
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/delivery-plans/${plan.id}/export.xlsx`} download>
          Download this plan (Excel XLSX, Halton’s layout)
        </a>
      </p>
      {data.priorities.length === 0 && <p className="govuk-body">This plan has no priorities yet.</p>}
      {data.priorities.map((p, pi) => (
        <section key={p.id} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">
            Priority {p.number} – {p.title}
          </h2>
          {data.canEdit && (
            <>
              <MoveRetire
                path={`/api/delivery-plans/priorities/${p.id}`}
                label={`Priority ${p.number}`}
                index={pi}
                count={data.priorities.length}
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
                    index={n}
                    count={p.intentions.length}
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
                              index={i.actions.indexOf(a)}
                              count={i.actions.length}
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
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="history">
        History
      </h2>
      {history.data ? (
        <HistoryTable caption="Changes to this plan, newest first" rows={history.data.history} />
      ) : (
        <LoadingOrError loading={history.loading} error={history.error} what="the plan’s history" />
      )}
    </Page>
  );
}
