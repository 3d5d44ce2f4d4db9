import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  ConfirmBanner,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  SummaryList,
  Table,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';
import { fundingPenceProblem } from '../../../src/domain/bcf/plan';
import { bcfCrumbs, poundsText, usePlanId } from './common';
import { RiskLog } from './RiskLog';
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
  const crumbs = bcfCrumbs(planId, scheme?.ref ?? 'Scheme');
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
      // The same bound as the API and the return import (BOUNDS.fundingLinePence).
      const beyond = text && Number.isFinite(n) ? fundingPenceProblem(Math.round(n * 100)) : null;
      if (!text || !Number.isFinite(n) || n < 0 || Math.abs(Math.round(n * 100) - n * 100) > 1e-6)
        problems.push({
          field: fieldName(f.fundingLine, f.year),
          message: `Enter the planned spend from ${label(f.fundingLine)} in ${f.year} in pounds, like 125000.00`,
        });
      else if (beyond)
        problems.push({
          field: fieldName(f.fundingLine, f.year),
          message: `Planned spend from ${label(f.fundingLine)} in ${f.year}: ${beyond}`,
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
      setErrors(failureToSummary(err));
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
      <h2 className="govuk-heading-m">Contracts</h2>
      <SchemeContracts scheme={scheme} plan={data} onSaved={reload} />
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
      <h2 className="govuk-heading-m">Risks</h2>
      <RiskLog planId={data.id} schemes={data.schemes} scheme={scheme} />
    </Page>
  );
}

/** The register contracts the scheme pays for, with a form to link another or remove one (editors only). */
function SchemeContracts({ scheme, plan, onSaved }: { scheme: Scheme; plan: PlanView; onSaved: () => void }) {
  const { data: register } = useApi<{ contracts: { id: string; reference: string; title: string }[] }>(
    plan.canEdit ? '/api/contracts/contracts' : null,
  );
  const [adding, setAdding] = useState('');
  // The contract whose link the user asked to remove, until they confirm or keep it.
  const [removing, setRemoving] = useState<{ id: string; reference: string } | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const known = (id: string) => plan.contracts.find((c) => c.id === id) ?? register?.contracts.find((c) => c.id === id);
  const save = async (contractIds: string[], message: string) => {
    setSaved(null);
    try {
      await apiSend<Scheme>('PUT', `/api/bcf/schemes/${scheme.id}/contracts`, { contractIds });
      setErrors([]);
      setSaved(message);
      setAdding('');
      setRemoving(null);
      onSaved();
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? apiErrorsToSummary(err).map((x) => ({
              ...x,
              field: x.field?.startsWith('contractIds') ? 'contractId' : x.field,
            }))
          : [{ message: String(err) }],
      );
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!adding) {
      setSaved(null);
      setErrors([{ field: 'contractId', message: 'Choose a contract from the register' }]);
      return;
    }
    await save([...scheme.contractIds, adding], `Contract ${known(adding)?.reference ?? ''} linked to ${scheme.ref}`);
  };
  const rows = scheme.contractIds.map((id) => known(id) ?? { id, reference: id, title: 'Not in the register' });
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved && <NotificationBanner type="success" heading={saved} />}
      {removing && (
        <ConfirmBanner
          id="confirm-contract-unlink"
          title="Remove this contract link?"
          text={`Are you sure ${removing.reference} is no longer paid for by ${scheme.ref}? The contract stays in the register; you can link it again.`}
          yes="Yes, remove the link"
          no="No, keep it"
          onYes={() =>
            void save(
              scheme.contractIds.filter((x) => x !== removing.id),
              `Contract ${removing.reference} is no longer linked to ${scheme.ref}`,
            )
          }
          onNo={() => setRemoving(null)}
        />
      )}
      <Table
        caption={`Contracts ${scheme.ref} pays for`}
        captionHidden
        rows={rows}
        rowKey={(c) => c.id}
        emptyText="No contracts from the register are linked to this scheme"
        columns={[
          {
            key: 'reference',
            header: 'Contract',
            render: (c) => (
              <Link className="govuk-link" to={`/contracts/register/${c.id}`}>
                {c.reference} {c.title}
              </Link>
            ),
          },
          ...(plan.canEdit
            ? [
                {
                  key: 'remove',
                  header: 'Action',
                  render: (c: { id: string; reference: string }) => (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                      onClick={() => {
                        setSaved(null);
                        setRemoving({ id: c.id, reference: c.reference });
                      }}
                    >
                      Remove<span className="govuk-visually-hidden"> {c.reference}</span>
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {plan.canEdit && (
        <form onSubmit={submit} noValidate>
          <Select
            name="contractId"
            label="Link a contract from the register"
            placeholder="Choose a contract"
            options={(register?.contracts ?? [])
              .filter((c) => !scheme.contractIds.includes(c.id))
              .map((c) => ({ value: c.id, text: `${c.reference} ${c.title}` }))}
            value={adding}
            onChange={setAdding}
            error={fieldError(errors, 'contractId')}
          />
          <Button variant="secondary">Link contract</Button>
        </form>
      )}
    </>
  );
}
