// KPI returns: each KPI with its next return due, the return form and the history; council staff may enter or
// amend a provider's return (return forms: KpiReturnForms.tsx; history: KpiReturnHistory.tsx).
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  Chart,
  LoadingOrError,
  chartColours,
  NotificationBanner,
  Page,
  Select,
  Table,
  formatDate,
  type PlotOptions,
  formatCount,
} from '../components';
import { KPI_FREQUENCY_LABELS, RETURN_STATE_LABELS, label } from './labels';
import type { KpiView } from './types';
import { kpiTargetText, kpiValueText } from './kpiReturnParts';
import { ReturnForm } from './KpiReturnForms';
import { History } from './KpiReturnHistory';

export function KpiReturnsPage() {
  const { user } = useAuth();
  const provider = user?.role === 'provider';
  const { data, loading, error, reload } = useApi<{ asAt: string; kpis: KpiView[] }>('/api/contracts/kpis');
  const [message, setMessage] = useState<string | null>(null);
  const [staffKpi, setStaffKpi] = useState('');
  const done = (m: string) => {
    setMessage(m);
    reload();
  };
  // Council staff (commissioners, administrators) may enter or amend a return on a provider's behalf.
  const staffEditor = user?.role === 'commissioner' || user?.role === 'admin';
  // Returns due in each month, by what happened to them (staff view chart).
  const byMonth = useMemo(() => {
    const counts = new Map<string, number>();
    for (const k of data?.kpis ?? [])
      for (const r of k.returns) {
        if (r.state === 'awaited') continue;
        const key = `${r.dueDate.slice(0, 7)}|${r.state}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    return [...counts]
      .map(([key, n]) => {
        const [month, state] = key.split('|');
        return { month: new Date(`${month}-01T00:00:00Z`), state: label(RETURN_STATE_LABELS, state), n };
      })
      .sort((a, b) => a.month.getTime() - b.month.getTime());
  }, [data]);
  const plot = useCallback(
    (): PlotOptions => ({
      x: {
        type: 'band',
        label: null,
        tickFormat: (d: Date) => d.toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
      },
      y: { label: 'Returns', grid: true },
      color: {
        domain: ['On time', 'Late', 'Overdue'],
        range: [chartColours.green, chartColours.orange, chartColours.red],
        legend: true,
      },
      marks: [
        Plot.barY(byMonth, Plot.stackY({ x: 'month', y: 'n', fill: 'state', order: ['On time', 'Late', 'Overdue'] })),
        Plot.ruleY([0]),
      ],
    }),
    [byMonth],
  );
  const title = provider ? 'Your KPI returns' : 'KPI returns';
  const crumbs = [{ text: 'Contracts and delivery', href: '/contracts' }, { text: title }];
  if (!data)
    return (
      <Page title={title} breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="KPIs" />
      </Page>
    );

  if (provider) {
    return (
      <Page title={title} caption={user?.providerName ?? undefined} breadcrumbs={crumbs}>
        {message && <NotificationBanner type="success" heading={message} />}
        {data.kpis.length === 0 && <p className="govuk-body">None of your contracts has KPIs to report.</p>}
        {data.kpis.map((k) => (
          <section key={k.id} className="govuk-!-margin-bottom-8" aria-labelledby={`h-${k.id}`}>
            <h2 className="govuk-heading-m" id={`h-${k.id}`}>
              {k.name}
            </h2>
            <p className="govuk-body">
              {k.contractReference} {k.contractTitle} · {label(KPI_FREQUENCY_LABELS, k.frequency)} · target{' '}
              {kpiTargetText(k).toLowerCase()}
              {k.retiredOn && ` · retired on ${formatDate(k.retiredOn)}: no period ending from then is due`}
            </p>
            <ReturnForm kpi={k} onBehalf={false} onDone={done} />
            <History kpi={k} canAmend onBehalf={false} onDone={done} />
          </section>
        ))}
      </Page>
    );
  }

  const totals = data.kpis.reduce(
    (t, k) => ({ late: t.late + k.late, overdue: t.overdue + k.overdue, offTarget: t.offTarget + k.offTarget }),
    { late: 0, overdue: 0, offTarget: 0 },
  );
  return (
    <Page title={title} caption="Contracts and delivery" breadcrumbs={crumbs}>
      {message && <NotificationBanner type="success" heading={message} />}
      <p className="govuk-body">
        {formatCount(data.kpis.length, 'KPI')} across{' '}
        {formatCount(new Set(data.kpis.map((k) => k.contractId)).size, 'contract')}: {totals.overdue} returns overdue,{' '}
        {totals.late} received late, {totals.offTarget} off target. A return is due 10 days after a month ends, 15 after
        a quarter, 20 after a half-year and 30 after a year unless the contract says otherwise.
      </p>
      <Chart
        title="KPI returns by the month they were due"
        description={`Of ${byMonth.reduce((n, b) => n + b.n, 0)} returns due so far, ${totals.late} arrived late and ${totals.overdue} have not arrived.`}
        plot={plot}
        height={280}
        dataTable={
          <Table
            caption="Returns by month due"
            captionHidden
            rows={byMonth}
            rowKey={(b) => `${b.month.toISOString()}-${b.state}`}
            columns={[
              { key: 'month', header: 'Month due', render: (b) => b.month.toISOString().slice(0, 7) },
              { key: 'state', header: 'Return' },
              { key: 'n', header: 'Returns', numeric: true },
            ]}
          />
        }
      />
      <Table
        caption="KPIs"
        captionHidden
        rows={data.kpis}
        rowKey={(k) => k.id}
        sortable
        initialSort={{ key: 'overdue', direction: 'descending' }}
        columns={[
          {
            key: 'contract',
            header: 'Contract',
            render: (k) => (
              <>
                {k.contractReference}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{k.providerName}</span>
              </>
            ),
            sortValue: (k) => k.contractReference,
          },
          {
            key: 'name',
            header: 'KPI',
            render: (k) => (
              <>
                {k.name}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">
                  {label(KPI_FREQUENCY_LABELS, k.frequency)}, {kpiTargetText(k).toLowerCase()}
                  {k.retiredOn && `; retired on ${formatDate(k.retiredOn)}`}
                </span>
              </>
            ),
            sortValue: (k) => k.name,
          },
          {
            key: 'latest',
            header: 'Latest',
            render: (k) => {
              const r = [...k.returns].reverse().find((x) => x.value !== null);
              return r && r.value !== null ? `${kpiValueText(k, r.value)} (${r.label})` : '–';
            },
          },
          { key: 'overdue', header: 'Overdue', numeric: true, render: (k) => k.overdue, sortValue: (k) => k.overdue },
          { key: 'late', header: 'Late', numeric: true, render: (k) => k.late, sortValue: (k) => k.late },
          {
            key: 'offTarget',
            header: 'Off target',
            numeric: true,
            render: (k) => k.offTarget,
            sortValue: (k) => k.offTarget,
          },
        ]}
      />
      {staffEditor && <StaffEntry kpis={data.kpis} chosen={staffKpi} onChoose={setStaffKpi} onDone={done} />}
    </Page>
  );
}

/** Council staff entering or amending a provider's return (shown everywhere as entered by council staff). */
function StaffEntry({
  kpis,
  chosen,
  onChoose,
  onDone,
}: {
  kpis: KpiView[];
  chosen: string;
  onChoose: (id: string) => void;
  onDone: (message: string) => void;
}) {
  const withProvider = kpis.filter((k) => k.providerId);
  const kpi = withProvider.find((k) => k.id === chosen);
  return (
    <section aria-labelledby="staff-entry" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="staff-entry">
        Enter or amend a return for a provider
      </h2>
      <p className="govuk-body">
        When a provider sends its figure another way (by email or on paper), enter it here. It will show as entered by
        council staff.
      </p>
      <Select
        name="staff-kpi"
        label="KPI"
        value={chosen}
        onChange={onChoose}
        options={[
          { value: '', text: 'Choose a KPI' },
          ...withProvider.map((k) => ({ value: k.id, text: `${k.providerName}: ${k.name} (${k.contractReference})` })),
        ]}
      />
      {kpi && (
        <>
          <ReturnForm kpi={kpi} onBehalf onDone={onDone} />
          <History kpi={kpi} canAmend onBehalf onDone={onDone} />
        </>
      )}
    </section>
  );
}
