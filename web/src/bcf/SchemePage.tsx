import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import {
  Button,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  SummaryList,
  Table,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';
import { poundsText, usePlanId } from './common';
import type { PlanView, Scheme } from './types';

const key = (line: string, year: string) => `${line}|${year}`;
const fieldName = (line: string, year: string) => `spend-${line}-${year.replace('/', '-')}`;

export function SchemePage() {
  const { id } = useParams();
  const { planId } = usePlanId();
  const { data, error, loading, reload } = useApi<PlanView>(planId ? `/api/bcf/plans/${planId}` : null);
  const scheme = data?.schemes.find((s) => s.id === id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (scheme)
      setValues(
        Object.fromEntries(scheme.funding.map((f) => [key(f.fundingLine, f.year), (f.plannedPence / 100).toFixed(2)])),
      );
  }, [scheme]);
  const crumbs = [
    { text: 'Better Care Fund', href: `/bcf${planId ? `?plan=${planId}` : ''}` },
    { text: scheme?.ref ?? 'Scheme' },
  ];
  if (!data || !scheme)
    return (
      <Page title="Scheme" breadcrumbs={crumbs}>
        {data ? (
          <p className="govuk-body">There is no such scheme in this plan.</p>
        ) : (
          <LoadingOrError loading={loading} error={error} what="the scheme" />
        )}
      </Page>
    );
  const label = (line: string) => data.fundingLineLabels[line] ?? line;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const funding = scheme.funding.map((f) => {
      const text = (values[key(f.fundingLine, f.year)] ?? '').replace(/[£,\s]/g, '');
      const n = Number(text);
      if (!text || !Number.isFinite(n) || n < 0 || Math.abs(Math.round(n * 100) - n * 100) > 1e-6)
        problems.push({
          field: fieldName(f.fundingLine, f.year),
          message: `Enter the planned spend from ${label(f.fundingLine)} in ${f.year} in pounds, like 125000.00`,
        });
      return { fundingLine: f.fundingLine, year: f.year, plannedPence: Math.round(n * 100) };
    });
    setErrors(problems);
    setSaved(null);
    if (problems.length) return;
    try {
      await apiSend<Scheme>('PATCH', `/api/bcf/schemes/${scheme.id}/spend`, { funding });
      setSaved(`Planned spend for ${scheme.ref} saved`);
      reload();
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };
  const place = data.places.find((p) => p.id === scheme.placeId)?.name ?? '';
  return (
    <Page
      title={`${scheme.ref} ${scheme.name}`}
      caption={`Better Care Fund scheme, ${place}`}
      breadcrumbs={crumbs}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {saved && <NotificationBanner type="success" heading={saved} />}
      <SummaryList
        rows={[
          { key: 'Scheme type', value: scheme.schemeType },
          { key: 'Sub type', value: scheme.subType },
          { key: 'Objective', value: scheme.objective || 'Not given' },
          { key: 'Commissioner', value: scheme.commissioner },
          { key: 'Provider', value: scheme.provider || 'Not given' },
          {
            key: 'Planned outputs',
            value:
              scheme.plannedOutputs === null
                ? 'Not given'
                : `${scheme.plannedOutputs.toLocaleString('en-GB')} ${scheme.outputUnit} a year`,
          },
        ]}
      />
      <h2 className="govuk-heading-m">Planned spend</h2>
      {data.canEdit ? (
        <form onSubmit={submit} noValidate>
          {scheme.funding.map((f) => (
            <TextInput
              key={key(f.fundingLine, f.year)}
              name={fieldName(f.fundingLine, f.year)}
              label={`${label(f.fundingLine)}, ${f.year}`}
              prefix="£"
              width={10}
              inputMode="decimal"
              value={values[key(f.fundingLine, f.year)] ?? ''}
              onChange={(v) => setValues((x) => ({ ...x, [key(f.fundingLine, f.year)]: v }))}
              error={fieldError(errors, fieldName(f.fundingLine, f.year))}
            />
          ))}
          <Button>Save planned spend</Button>
        </form>
      ) : (
        <Table
          caption="Planned spend"
          captionHidden
          rows={scheme.funding}
          rowKey={(f) => key(f.fundingLine, f.year)}
          columns={[
            { key: 'fundingLine', header: 'Funding line', render: (f) => label(f.fundingLine) },
            { key: 'year', header: 'Year' },
            { key: 'plannedPence', header: 'Planned', numeric: true, render: (f) => poundsText(f.plannedPence) },
          ]}
        />
      )}
      <h2 className="govuk-heading-m">Actual spend and outputs by quarter</h2>
      <Table
        caption="Actual spend by quarter"
        captionHidden
        rows={scheme.actuals}
        rowKey={(a) => `${a.fundingLine}-${a.year}-${a.quarter}`}
        emptyText="No actual spend recorded yet"
        columns={[
          { key: 'year', header: 'Quarter', render: (a) => `${a.year} Q${a.quarter}` },
          { key: 'fundingLine', header: 'Funding line', render: (a) => label(a.fundingLine) },
          { key: 'actualPence', header: 'Actual spend', numeric: true, render: (a) => poundsText(a.actualPence) },
          {
            key: 'outputs',
            header: 'Outputs',
            numeric: true,
            render: (a) => (a.outputs === null ? '' : `${a.outputs.toLocaleString('en-GB')} ${scheme.outputUnit}`),
          },
        ]}
      />
    </Page>
  );
}
