import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { londonToday } from '../../../src/domain/core/dates';
import { apiSend, useApi, withQuery } from '../api';
import {
  failureToSummary,
  Button,
  Chart,
  Details,
  DownloadLinks,
  LoadingOrError,
  Page,
  Select,
  Table,
  TextInput,
  chartColours,
  formatNumber,
  type PlotOptions,
  type SummaryError,
  formatCount,
} from '../components';
import { BcfPage, bcfCrumbs, usePlanId } from './common';
import { demandCapacityColumns, monthText } from './downloads';
import { dcChartDescription, dcYearNote, monthsShortText, NOT_PLANNED } from './text';
import type { DcRow, DcView } from './types';

const cellKey = (service: string, month: string) => `${service}|${month}`;

export function DemandCapacityPage() {
  const { planId, planName, error: listError, loading: listLoading } = usePlanId();
  const [params, setParams] = useSearchParams();
  const path = planId
    ? withQuery(`/api/bcf/plans/${planId}/demand-capacity`, { year: params.get('year') ?? undefined })
    : null;
  const { data, error, loading, reload } = useApi<DcView>(path, { keepPrevious: true });
  const placeId = params.get('place') ?? data?.places[0]?.id ?? '';
  const [cells, setCells] = useState<Record<string, { demand: string; capacity: string }>>({});
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [scenarioId, setScenarioId] = useState('');
  const [growth, setGrowth] = useState('3');
  const mine = useMemo(() => (data?.rows ?? []).filter((r) => r.placeId === placeId), [data, placeId]);
  useEffect(() => {
    setCells(
      Object.fromEntries(
        mine.map((r) => [
          cellKey(r.service, r.month),
          { demand: r.demand?.toString() ?? '', capacity: r.capacity?.toString() ?? '' },
        ]),
      ),
    );
  }, [mine]);
  const chartRows = useMemo(
    () =>
      data
        ? mine.flatMap((r) => {
            const service = data.services.find((s) => s.key === r.service)?.label ?? r.service;
            const date = new Date(`${r.month}-01T00:00:00Z`);
            return [
              ...(r.demand === null ? [] : [{ service, date, kind: 'Expected demand', people: r.demand }]),
              ...(r.capacity === null ? [] : [{ service, date, kind: 'Planned capacity', people: r.capacity }]),
            ];
          })
        : [],
    [mine, data],
  );
  const services = useMemo(
    () => (data ? data.services.filter((s) => mine.some((r) => r.service === s.key)) : []),
    [data, mine],
  );
  const plot = useCallback(
    (width: number): PlotOptions => ({
      width,
      height: 40 + services.length * 130,
      marginRight: 200,
      x: { type: 'utc', label: 'Month' },
      y: { label: 'People a month', grid: true },
      fy: { label: null, domain: services.map((s) => s.label) },
      color: {
        domain: ['Expected demand', 'Planned capacity'],
        range: [chartColours.orange, chartColours.blue],
        legend: true,
      },
      marks: [
        Plot.line(chartRows, { x: 'date', y: 'people', stroke: 'kind', fy: 'service', strokeWidth: 2 }),
        Plot.frame({ strokeOpacity: 0.1 }),
      ],
    }),
    [chartRows, services],
  );
  const crumbs = bcfCrumbs(planId, 'Demand and capacity');
  if (!data)
    return (
      <Page title="Intermediate care demand and capacity" breadcrumbs={crumbs}>
        <LoadingOrError
          loading={loading || listLoading}
          error={error ?? listError}
          what="the demand and capacity table"
        />
      </Page>
    );
  const place = data.places.find((p) => p.id === placeId);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const out = mine.flatMap((r) => {
      const c = cells[cellKey(r.service, r.month)];
      const parse = (text: string, what: string) => {
        const t = text.trim();
        if (t === '') return null;
        const n = Number(t);
        if (!Number.isInteger(n) || n < 0) {
          problems.push({
            field: `${what}-${r.service}-${r.month}`,
            message: `Enter ${what} for ${monthText(r.month)} as a whole number of people`,
          });
          return null;
        }
        return n;
      };
      const demand = parse(c?.demand ?? '', 'demand');
      const capacity = parse(c?.capacity ?? '', 'capacity');
      return demand === r.demand && capacity === r.capacity
        ? []
        : [{ placeId, service: r.service, month: r.month, demand, capacity }];
    });
    setErrors(problems);
    setDone(null);
    if (problems.length) return;
    if (out.length === 0) {
      setDone('Nothing changed');
      return;
    }
    try {
      await apiSend('PUT', `/api/bcf/plans/${planId}/demand-capacity`, { cells: out });
      setDone(`${formatCount(out.length, 'month')} saved for ${place?.name}`);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  const prefill = async (e: FormEvent) => {
    e.preventDefault();
    const g = Number(growth);
    if (!Number.isFinite(g) || g <= -100) {
      setErrors([{ field: 'growth', message: 'Enter growth as a percentage, like 3' }]);
      return;
    }
    try {
      await apiSend('POST', `/api/bcf/plans/${planId}/demand-capacity/prefill`, {
        year: data.year,
        scenarioId: scenarioId || null,
        growth: g / 100,
      });
      setErrors([]);
      setDone(`Prefilled ${data.year} from the hub’s history${scenarioId ? ' and the scenario' : ''}`);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  const summary = data.summary.filter((s) => s.placeId === placeId);
  return (
    <BcfPage title="Intermediate care demand and capacity" crumbs={crumbs} planId={planId} errors={errors} done={done}>
      <p className="govuk-body">
        Expected demand (people referred) against planned capacity (people the service can take) each month, by place
        and service. Prefilled from the discharge hub’s history (the same month of the latest earlier year, grown) and a
        capacity planner scenario, split between places by their population aged 65 and over; every figure can be
        changed.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            name="place"
            label="Place"
            options={data.places.map((p) => ({ value: p.id, text: p.name }))}
            value={placeId}
            onChange={(v) => setParams((p) => (p.set('place', v), p))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="year"
            label="Financial year"
            options={data.years.map((y) => ({ value: y, text: y }))}
            value={data.year}
            onChange={(v) => setParams((p) => (p.set('year', v), p))}
          />
        </div>
      </div>
      <p className="govuk-body" data-testid="dc-year">
        {dcYearNote(data.year, data.years, londonToday(), summary.length > 0)}
      </p>
      <Table
        caption={`${place?.name}: the year’s totals, ${data.year}`}
        captionSize="s"
        rows={summary}
        rowKey={(s) => s.service}
        emptyText="No figures for this place and year yet"
        columns={[
          { key: 'service', header: 'Service', render: (s) => data.services.find((x) => x.key === s.service)?.label },
          { key: 'demand', header: 'Demand', numeric: true, render: (s) => formatNumber(s.demand, 0) },
          {
            key: 'capacity',
            header: 'Capacity',
            numeric: true,
            render: (s) => (s.capacity === null ? NOT_PLANNED : formatNumber(s.capacity, 0)),
          },
          {
            key: 'shortfall',
            header: 'Shortfall',
            numeric: true,
            render: (s) => (s.shortfall === null ? 'Not available' : formatNumber(s.shortfall)),
          },
          { key: 'monthsShort', header: 'Months short', numeric: true, render: monthsShortText },
        ]}
      />
      {chartRows.length > 0 && (
        <Chart
          title={`${place?.name}: expected demand and planned capacity by month, ${data.year}`}
          description={dcChartDescription(summary, data.services)}
          plot={plot}
          height={40 + services.length * 130}
        />
      )}
      <form onSubmit={save} noValidate>
        {services.map((s) => {
          const rows = mine.filter((r) => r.service === s.key);
          return (
            <Table<DcRow>
              key={s.key}
              caption={s.label}
              captionSize="m"
              rows={rows}
              rowKey={(r) => r.month}
              columns={[
                { key: 'month', header: 'Month', render: (r) => monthText(r.month) },
                {
                  key: 'demand',
                  header: 'Demand',
                  render: (r) =>
                    data.canEdit ? (
                      <input
                        className="govuk-input govuk-input--width-4"
                        id={`demand-${r.service}-${r.month}`}
                        aria-label={`${s.label}: demand, ${monthText(r.month)}`}
                        inputMode="numeric"
                        value={cells[cellKey(r.service, r.month)]?.demand ?? ''}
                        onChange={(e) =>
                          setCells((c) => ({
                            ...c,
                            [cellKey(r.service, r.month)]: {
                              ...c[cellKey(r.service, r.month)],
                              demand: e.target.value,
                            },
                          }))
                        }
                      />
                    ) : (
                      (r.demand ?? '')
                    ),
                },
                {
                  key: 'capacity',
                  header: 'Capacity',
                  render: (r) =>
                    data.canEdit ? (
                      <input
                        className="govuk-input govuk-input--width-4"
                        id={`capacity-${r.service}-${r.month}`}
                        aria-label={`${s.label}: capacity, ${monthText(r.month)}`}
                        inputMode="numeric"
                        value={cells[cellKey(r.service, r.month)]?.capacity ?? ''}
                        onChange={(e) =>
                          setCells((c) => ({
                            ...c,
                            [cellKey(r.service, r.month)]: {
                              ...c[cellKey(r.service, r.month)],
                              capacity: e.target.value,
                            },
                          }))
                        }
                      />
                    ) : (
                      (r.capacity ?? '')
                    ),
                },
                {
                  key: 'shortfall',
                  header: 'Shortfall',
                  numeric: true,
                  render: (r) => (r.shortfall === null ? '' : r.shortfall),
                },
                {
                  key: 'source',
                  header: 'Source',
                  render: (r) => [r.demandSource, r.capacitySource].filter(Boolean).join('; '),
                },
              ]}
            />
          );
        })}
        {data.canEdit && services.length > 0 && <Button>Save changes</Button>}
      </form>
      <DownloadLinks
        filename={`bcf-demand-capacity-${data.year.replace('/', '-')}`}
        filter={planName}
        what="the demand and capacity table"
        rows={data.rows}
        columns={demandCapacityColumns(data)}
      />
      {data.canEdit && (
        <Details summary="Prefill this year from the hub and a capacity planner scenario">
          <form onSubmit={prefill} noValidate>
            <Select
              name="scenarioId"
              label="Capacity planner scenario"
              hint="Capacity per month = places × days in the month ÷ mean length of stay"
              placeholder="No scenario (demand only)"
              options={data.scenarios.map((s) => ({ value: s.id, text: s.name }))}
              value={scenarioId}
              onChange={setScenarioId}
            />
            <TextInput
              name="growth"
              label="Growth in demand a year"
              suffix="%"
              width={3}
              inputMode="decimal"
              value={growth}
              onChange={setGrowth}
            />
            <Button variant="secondary">Prefill {data.year}</Button>
          </form>
        </Details>
      )}
    </BcfPage>
  );
}
