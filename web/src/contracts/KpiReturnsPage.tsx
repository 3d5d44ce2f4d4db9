import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import { amendmentReasonProblem, kpiValueProblem, nextReturnPeriod } from '../../../src/domain/contracts/kpi';
import {
  Button,
  ButtonGroup,
  Chart,
  Details,
  InsetText,
  ErrorSummary,
  LoadingOrError,
  chartColours,
  NotificationBanner,
  Page,
  Select,
  Table,
  Tag,
  TextInput,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  type PlotOptions,
  type SummaryError,
  type TagColour,
  formatCount,
} from '../components';
import { KPI_FREQUENCY_LABELS, RETURN_STATE_LABELS, label } from './labels';
import type { KpiView, ReturnStatus } from './types';

const STATE_COLOUR: Record<string, TagColour> = { on_time: 'green', late: 'orange', overdue: 'red', awaited: 'grey' };

export function ReturnStateTag({ state }: { state: string }) {
  return <Tag colour={STATE_COLOUR[state]}>{label(RETURN_STATE_LABELS, state)}</Tag>;
}

/** A KPI's target in words: "At least 95%", "At most 4 hours". */
export function kpiTargetText(k: Pick<KpiView, 'direction' | 'target' | 'unit'>): string {
  return `${k.direction === 'higher_is_better' ? 'At least' : 'At most'} ${k.target}${k.unit === '%' ? '%' : ` ${k.unit}`}`;
}

/** Maps the server's field names onto this KPI's form fields (several KPIs' forms share a page). */
function summaryFor(err: unknown, prefix: string): SummaryError[] {
  return err instanceof ApiError
    ? apiErrorsToSummary(err).map((x) => ({
        ...x,
        field:
          x.field === 'value'
            ? `${prefix}-value`
            : x.field === 'periodStart'
              ? `${prefix}-period`
              : x.field === 'reason'
                ? `${prefix}-reason`
                : x.field,
      }))
    : [{ message: String(err) }];
}

function ReturnForm({
  kpi,
  onBehalf,
  onDone,
}: {
  kpi: KpiView;
  /** Council staff entering the return for the provider. */
  onBehalf: boolean;
  onDone: (message: string) => void;
}) {
  const open = kpi.returns.filter((r) => r.state === 'overdue' || r.state === 'awaited');
  const [chosen, setChosen] = useState('');
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  if (open.length === 0) return <p className="govuk-body">All returns for this KPI are in.</p>;
  // The period offered follows the outstanding list: after a submission it moves on to the next period due,
  // never staying on the one just submitted (which is no longer in the list).
  const period = open.some((r) => r.periodStart === chosen) ? chosen : nextReturnPeriod(kpi.returns)!.periodStart;
  const prefix = `kpi-${kpi.id.slice(0, 8)}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    if (!value.trim() || !Number.isFinite(n)) {
      setErrors([{ field: `${prefix}-value`, message: `Enter the ${kpi.name.toLowerCase()} as a number` }]);
      return;
    }
    try {
      await apiSend('POST', `/api/contracts/kpis/${kpi.id}/returns`, {
        periodStart: period,
        value: n,
        comment: comment.trim() || null,
      });
      setErrors([]);
      setValue('');
      setComment('');
      setChosen('');
      onDone(
        `Return for ${open.find((r) => r.periodStart === period)?.label} submitted${onBehalf ? ` for ${kpi.providerName ?? 'the provider'}, marked as entered by council staff` : ''}`,
      );
    } catch (err) {
      setErrors(summaryFor(err, prefix));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      {onBehalf && (
        <InsetText>
          You are entering this return on behalf of {kpi.providerName ?? 'the provider'}. It will show as entered by
          council staff.
        </InsetText>
      )}
      <Select
        name={`${prefix}-period`}
        label="Period"
        value={period}
        onChange={setChosen}
        options={open.map((r) => ({ value: r.periodStart, text: `${r.label} (due ${formatDate(r.dueDate)})` }))}
        error={fieldError(errors, `${prefix}-period`)}
      />
      <TextInput
        name={`${prefix}-value`}
        label={`${kpi.name} (${kpi.unit})`}
        hint={`Target: ${kpiTargetText(kpi)}`}
        inputMode="decimal"
        width={5}
        value={value}
        onChange={setValue}
        error={fieldError(errors, `${prefix}-value`)}
      />
      <Textarea
        name={`${prefix}-comment`}
        label="Comment (optional)"
        hint="Explain any figure below target."
        value={comment}
        onChange={setComment}
        rows={2}
      />
      <Button>Submit return</Button>
    </form>
  );
}

/** Amends one submitted return: new figure, comment and the reason, kept in the return's history. */
function AmendForm({
  kpi,
  row,
  onBehalf,
  onDone,
  onCancel,
}: {
  kpi: KpiView;
  row: ReturnStatus;
  onBehalf: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const prefix = `amend-${kpi.id.slice(0, 8)}`;
  const [value, setValue] = useState(String(row.value ?? ''));
  const [comment, setComment] = useState(row.comment ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Every problem at once, in the words the server would use.
    const n = Number(value.trim());
    const found: SummaryError[] = [];
    if (!value.trim() || !Number.isFinite(n))
      found.push({ field: `${prefix}-value`, message: `Enter the ${kpi.name.toLowerCase()} as a number` });
    else {
      const bad = kpiValueProblem(kpi, n);
      if (bad) found.push({ field: `${prefix}-value`, message: bad });
    }
    const why = amendmentReasonProblem(reason);
    if (why) found.push({ field: `${prefix}-reason`, message: why });
    if (found.length) {
      setErrors(found);
      return;
    }
    try {
      await apiSend('PUT', `/api/contracts/kpis/${kpi.id}/returns/${row.periodStart}`, {
        value: n,
        comment: comment.trim() || null,
        reason: reason.trim(),
      });
      onDone(`Return for ${row.label} amended from ${row.value} to ${n}; the earlier figure is kept in its history`);
    } catch (err) {
      setErrors(summaryFor(err, prefix));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">Amend the return for {row.label}</h3>
      <ErrorSummary errors={errors} />
      {onBehalf && (
        <InsetText>The amendment will show as made by council staff on behalf of {kpi.providerName}.</InsetText>
      )}
      <TextInput
        name={`${prefix}-value`}
        label={`${kpi.name} (${kpi.unit})`}
        hint={`Submitted: ${row.value}. Target: ${kpiTargetText(kpi)}`}
        inputMode="decimal"
        width={5}
        value={value}
        onChange={setValue}
        error={fieldError(errors, `${prefix}-value`)}
      />
      <Textarea name={`${prefix}-comment`} label="Comment (optional)" value={comment} onChange={setComment} rows={2} />
      <Textarea
        name={`${prefix}-reason`}
        label="Why are you amending it?"
        hint="For example, a figure counted twice or a late correction from the care records."
        value={reason}
        onChange={setReason}
        rows={2}
        error={fieldError(errors, `${prefix}-reason`)}
      />
      <ButtonGroup>
        <Button>Amend return</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Who gave a return's figure, and whether it was amended: shown beside each return. */
function provenance(r: ReturnStatus): string {
  const parts = [r.enteredByStaff ? `Entered by council staff${r.by ? ` (${r.by})` : ''}` : r.by ? `By ${r.by}` : ''];
  if (r.amendedOn) parts.push(`amended ${formatDate(r.amendedOn)}`);
  return parts.filter(Boolean).join('; ');
}

function History({
  kpi,
  canAmend,
  onBehalf,
  onDone,
}: {
  kpi: KpiView;
  canAmend: boolean;
  onBehalf: boolean;
  onDone: (message: string) => void;
}) {
  const [amending, setAmending] = useState<string | null>(null);
  const row = kpi.returns.find((r) => r.periodStart === amending && r.value !== null);
  const amended = kpi.returns.filter((r) => r.history.length > 0);
  return (
    <>
      {row && (
        <AmendForm
          kpi={kpi}
          row={row}
          onBehalf={onBehalf}
          onCancel={() => setAmending(null)}
          onDone={(m) => {
            setAmending(null);
            onDone(m);
          }}
        />
      )}
      <Table<ReturnStatus>
        caption={`Returns for ${kpi.name}`}
        captionHidden
        rows={[...kpi.returns].reverse()}
        rowKey={(r) => r.periodStart}
        columns={[
          { key: 'label', header: 'Period' },
          { key: 'due', header: 'Due', render: (r) => formatDate(r.dueDate) },
          {
            key: 'value',
            header: 'Value',
            numeric: true,
            render: (r) => (r.value === null ? '–' : `${r.value}${kpi.unit === '%' ? '%' : ''}`),
          },
          {
            key: 'rag',
            header: 'Against target',
            render: (r) =>
              r.rag ? (
                <Tag colour={r.rag === 'green' ? 'green' : r.rag === 'amber' ? 'orange' : 'red'}>
                  {r.rag === 'green' ? 'On target' : r.rag === 'amber' ? 'Near target' : 'Off target'}
                </Tag>
              ) : (
                '–'
              ),
          },
          {
            key: 'state',
            header: 'Return',
            render: (r) => (
              <>
                <ReturnStateTag state={r.state} />
                {r.daysLate > 0 && <span className="govuk-body-s"> {r.daysLate} days</span>}
                {r.value !== null && provenance(r) && (
                  <>
                    <br />
                    <span className="govuk-body-s">{provenance(r)}</span>
                  </>
                )}
              </>
            ),
          },
          ...(canAmend
            ? [
                {
                  key: 'action',
                  header: 'Action',
                  render: (r: ReturnStatus) =>
                    r.value === null ? (
                      ''
                    ) : (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => setAmending(r.periodStart)}
                      >
                        Amend<span className="govuk-visually-hidden"> the return for {r.label}</span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {amended.length > 0 && (
        <Details summary={`Amended returns (${amended.length})`}>
          {amended.map((r) => (
            <div key={r.periodStart}>
              <h3 className="govuk-heading-s">{r.label}</h3>
              <ul className="govuk-list govuk-list--bullet">
                {r.history.map((h, i) => (
                  <li key={i}>
                    {h.value}
                    {kpi.unit === '%' ? '%' : ''}
                    {h.enteredByStaff ? ' (entered by council staff)' : ''}
                    {h.by ? ` from ${h.by}` : ''}, replaced {formatDate(h.amendedOn)}
                    {h.amendedBy ? ` by ${h.amendedBy}` : ''}: {h.reason}
                  </li>
                ))}
                <li>
                  Now {r.value}
                  {kpi.unit === '%' ? '%' : ''}
                  {r.enteredByStaff ? ' (entered by council staff)' : ''}
                </li>
              </ul>
            </div>
          ))}
        </Details>
      )}
    </>
  );
}

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
              return r ? `${r.value}${k.unit === '%' ? '%' : ''} (${r.label})` : '–';
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
