import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api';
import {
  Chart,
  LoadingOrError,
  Page,
  Radios,
  Table,
  Tag,
  formatDate,
  ragColours,
  chartColours,
  type PlotOptions,
  type TagColour,
  formatSpan,
} from '../components';
import { RAG_LABELS, label } from './labels';
import type { ActionView, PlanRag, PriorityGroup } from './types';

const RAG_TAG: Record<PlanRag, TagColour> = {
  red: 'red',
  amber: 'orange',
  green: 'green',
  complete: 'blue',
  not_assessed: 'grey',
};
const RAG_ORDER: PlanRag[] = ['red', 'amber', 'green', 'complete', 'not_assessed'];

interface PlanResponse {
  asAt: string;
  plan: { id: string; title: string; years: string[] } | null;
  byPriority: PriorityGroup[];
  byServiceArea: { serviceArea: string; actions: ActionView[]; ragCounts: Record<PlanRag, number> }[];
}

function ActionsTable({
  caption,
  actions,
  years,
  showIntention,
}: {
  caption: string;
  actions: ActionView[];
  years: string[];
  showIntention: boolean;
}) {
  return (
    <Table<ActionView>
      caption={caption}
      captionSize="s"
      rows={actions}
      rowKey={(a) => a.id}
      columns={[
        ...(showIntention
          ? [
              {
                key: 'priority',
                header: 'Priority',
                render: (a: ActionView) => `${a.priorityNumber}. ${a.priorityTitle}`,
              },
            ]
          : []),
        {
          key: 'text',
          header: 'Action to be undertaken',
          render: (a) => (
            <>
              {a.text}
              {a.milestones.length > 0 && (
                <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-top-1">
                  {a.milestones.map((m) => (
                    <li key={m.title}>
                      {m.title}: {m.completedOn ? `done ${formatDate(m.completedOn)}` : `due ${formatDate(m.dueDate)}`}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ),
        },
        ...years.map((y, i) => ({
          key: `y${i}`,
          header: `Year ${i + 1} (${y})`,
          render: (a: ActionView) => a.yearStatuses[i] ?? '',
        })),
        { key: 'areas', header: 'Responsible service area', render: (a) => a.responsibleServiceAreas.join('; ') },
        {
          key: 'rag',
          header: 'Progress',
          render: (a) => <Tag colour={RAG_TAG[a.rag]}>{label(RAG_LABELS, a.rag)}</Tag>,
        },
      ]}
    />
  );
}

export function DeliveryPlanPage() {
  const { data, loading, error } = useApi<PlanResponse>('/api/contracts/delivery-plan');
  const [view, setView] = useState('priority');
  const counts = useMemo(
    () =>
      (data?.byPriority ?? [])
        .flatMap((g) =>
          RAG_ORDER.map((rag) => ({
            priority: `${g.number}. ${g.title}`,
            rag: label(RAG_LABELS, rag),
            n: g.ragCounts[rag],
          })),
        )
        .filter((c) => c.n > 0),
    [data],
  );
  const plot = useCallback(
    (width: number): PlotOptions => ({
      marginLeft: Math.min(300, width * 0.4),
      x: { label: 'Actions', grid: true },
      y: { label: null, domain: (data?.byPriority ?? []).map((g) => `${g.number}. ${g.title}`) },
      color: {
        domain: RAG_ORDER.map((r) => RAG_LABELS[r]),
        range: [ragColours.red, ragColours.amber, ragColours.green, chartColours.blue, chartColours.midGrey],
        legend: true,
      },
      marks: [
        Plot.barX(
          counts,
          Plot.stackX({ y: 'priority', x: 'n', fill: 'rag', order: RAG_ORDER.map((r) => RAG_LABELS[r]) }),
        ),
        Plot.ruleX([0]),
      ],
    }),
    [counts, data],
  );
  const crumbs = [{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Delivery plan' }];
  if (!data)
    return (
      <Page title="Delivery plan" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the delivery plan" />
      </Page>
    );
  if (!data.plan)
    return (
      <Page title="Delivery plan" breadcrumbs={crumbs}>
        <p className="govuk-body">No delivery plan has been set up yet.</p>
      </Page>
    );
  const years = data.plan.years;
  const all = data.byPriority.flatMap((g) => g.intentions.flatMap((i) => i.actions));
  const red = all.filter((a) => a.rag === 'red').length;
  return (
    <Page
      title={`${data.plan.title} ${formatSpan(years[0], years[years.length - 1], ' – ')}`}
      caption="Contracts and delivery"
      breadcrumbs={crumbs}
    >
      <p className="govuk-body">
        {all.length} actions under {data.byPriority.length} priorities. Progress comes from each action’s milestones:
        red when one is more than 28 days overdue, amber when one is overdue or due within 14 days, green otherwise.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/contracts/delivery-plan.xlsx`} download>
          Download the delivery plan as Excel (XLSX), in the published plan’s layout
        </a>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/contracts/delivery-plans">
          All delivery plans and workplans: add, edit, reorder and retire priorities, intentions and actions
        </Link>
      </p>
      <Chart
        title="Progress of actions by priority"
        description={`${red} of ${all.length} actions are red (a milestone more than four weeks overdue); ${all.filter((a) => a.rag === 'complete').length} are complete.`}
        plot={plot}
        height={60 + data.byPriority.length * 40}
        dataTable={
          <Table
            caption="Actions by priority and progress"
            captionHidden
            rows={counts}
            rowKey={(c) => `${c.priority}-${c.rag}`}
            columns={[
              { key: 'priority', header: 'Priority' },
              { key: 'rag', header: 'Progress' },
              { key: 'n', header: 'Actions', numeric: true },
            ]}
          />
        }
      />
      <Radios
        name="view"
        legend="Show the plan"
        inline
        small
        value={view}
        onChange={setView}
        items={[
          { value: 'priority', text: 'By priority' },
          { value: 'area', text: 'By responsible service area' },
        ]}
      />
      {view === 'priority'
        ? data.byPriority.map((g) => (
            <section key={g.number} aria-labelledby={`priority-${g.number}`}>
              <h2 className="govuk-heading-m" id={`priority-${g.number}`}>
                Priority {g.number} – {g.title}
              </h2>
              {g.intentions.map((i, n) => (
                <ActionsTable
                  key={i.id}
                  caption={`Commissioning intention ${g.number}.${n + 1}: ${i.text}`}
                  actions={i.actions}
                  years={years}
                  showIntention={false}
                />
              ))}
            </section>
          ))
        : data.byServiceArea.map((s) => (
            <section key={s.serviceArea} aria-label={s.serviceArea}>
              <h2 className="govuk-heading-m">{s.serviceArea}</h2>
              <ActionsTable caption={`${s.actions.length} actions`} actions={s.actions} years={years} showIntention />
            </section>
          ))}
    </Page>
  );
}
