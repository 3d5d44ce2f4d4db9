import { useState } from 'react';
import { londonToday } from '../../../src/domain/core/dates';
import { endedQuarters, quarterLabel } from '../../../src/domain/bcf/period';
import { apiUpload, useApi, XLSX_TYPE } from '../api';
import { FileUploadForm, LoadingOrError, Page, Select, useFileUpload } from '../components';
import { BcfPage, bcfCrumbs, usePlanId } from './common';
import type { PlanView } from './types';

interface ImportSummary {
  income: number;
  schemes: number;
  schemesAdded: string[];
  metricPlans: number;
  counts: number;
  demandCapacity: number;
}

async function upload(planId: string, file: File): Promise<ImportSummary> {
  return apiUpload(
    `/api/bcf/plans/${planId}/return?fileName=${encodeURIComponent(file.name)}`,
    XLSX_TYPE,
    await file.arrayBuffer(),
  );
}

export function ReturnsPage() {
  const { planId, error: listError, loading: listLoading } = usePlanId();
  const { data, error, loading } = useApi<PlanView>(planId ? `/api/bcf/plans/${planId}` : null);
  const [quarter, setQuarter] = useState('');
  const { input, errors, done, busy, submit: uploadWith } = useFileUpload();
  const crumbs = bcfCrumbs(planId, 'Returns');
  if (!data || !planId)
    return (
      <Page title="BCF returns" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading || listLoading} error={error ?? listError} what="the plan" />
      </Page>
    );
  // Only quarters that have ended (London time), the latest first and chosen: a return reports a finished quarter.
  const quarters = endedQuarters(data.years, londonToday()).map(quarterLabel);
  const chosen = quarter || quarters[0] || '';
  const submit = uploadWith('return-file', 'Choose a filled return (Excel XLSX)', async (file) => {
    const r = await upload(planId, file);
    return `${file.name} imported: ${r.schemes} schemes${r.schemesAdded.length ? ` (new: ${r.schemesAdded.join(', ')})` : ''}, ${r.income} income lines, ${r.metricPlans} metric plans, ${r.counts} metric counts and ${r.demandCapacity} demand and capacity months`;
  });
  return (
    <BcfPage title="BCF returns" crumbs={crumbs} planId={planId} errors={errors} done={done}>
      <h2 className="govuk-heading-m">Export a return</h2>
      <p className="govuk-body">
        The workbook follows the national template’s sheets: Cover, Income, Expenditure, Metrics, Demand and capacity
        and Narrative, with the plan’s risk log from the risk register. Fill it in and import it below to update the
        plan; a row with a new Scheme ID adds that scheme. Risks are changed in the risk register, not by import.
      </p>
      {quarters.length === 0 ? (
        <p className="govuk-body">
          No quarter of this plan has ended yet, so there is no quarterly return to download.
        </p>
      ) : (
        <>
          <Select
            name="quarter"
            label="Quarter"
            options={quarters.map((q) => ({ value: q, text: q }))}
            value={chosen}
            onChange={setQuarter}
          />
          <p className="govuk-body">
            <a
              className="govuk-link"
              href={`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent(chosen)}`}
              download
            >
              Download the {chosen} return (Excel XLSX)
            </a>
          </p>
        </>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/bcf/plans/${planId}/return.xlsx`} download>
          Download the whole plan (Excel XLSX)
        </a>
      </p>
      {/* Only those who may change the plan are offered the import (a viewer would be refused on submit). */}
      {data.canEdit && (
        <>
          <h2 className="govuk-heading-m">Import a filled return</h2>
          <p className="govuk-body">
            The whole workbook is checked first: if any cell has a problem, nothing is saved and every problem is listed
            with its sheet, row and column.
          </p>
          <FileUploadForm
            onSubmit={submit}
            input={input}
            id="return-file"
            label="Filled return (Excel XLSX)"
            accept=".xlsx"
            hasErrors={errors.length > 0}
            busy={busy}
            button="Import return"
          />
        </>
      )}
    </BcfPage>
  );
}
