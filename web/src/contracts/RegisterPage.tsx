import { wholePoundsTotal } from '../../../src/domain/core/format';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi, withQuery } from '../api';
import { useAuth } from '../auth';
import {
  DownloadLinks,
  LoadingOrError,
  Page,
  Select,
  Table,
  Tag,
  TextInput,
  formatDate,
  formatWholePounds,
  type Column,
  formatCount,
} from '../components';
import {
  CARE_GROUP_LABELS,
  CONTRACT_OPTIONS,
  CONTRACT_FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  SERVICE_AREA_LABELS,
  label,
} from './labels';
import type { Contract } from './types';

export function RegisterPage() {
  const [filters, setFilters] = useState({
    serviceArea: '',
    careGroup: '',
    contractForm: '',
    fundingSource: '',
    status: 'live',
    search: '',
  });
  const set = (k: keyof typeof filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  const { data, loading, error } = useApi<{ asAt: string; contracts: Contract[] }>(
    withQuery('/api/contracts/contracts', {
      serviceArea: filters.serviceArea || undefined,
      careGroup: filters.careGroup || undefined,
      contractForm: filters.contractForm || undefined,
      fundingSource: filters.fundingSource || undefined,
      status: filters.status || undefined,
      search: filters.search.trim() || undefined,
    }),
  );
  const { hasRole } = useAuth();
  // The sum of the whole pounds the table shows for each contract.
  const totalAnnual = useMemo(() => wholePoundsTotal((data?.contracts ?? []).map((c) => c.annualValuePence)), [data]);

  const columns: Column<Contract>[] = [
    {
      key: 'reference',
      header: 'Reference',
      render: (c) => (
        <Link className="govuk-link" to={`/contracts/register/${c.id}`}>
          {c.reference}
        </Link>
      ),
      sortValue: (c) => c.reference,
    },
    {
      key: 'title',
      header: 'Contract',
      render: (c) => (
        <>
          {c.title}
          <br />
          <span className="govuk-hint govuk-!-font-size-16">{c.providerName ?? 'In-house'}</span>
        </>
      ),
      sortValue: (c) => c.title,
    },
    {
      key: 'serviceArea',
      header: 'Service area',
      render: (c) => label(SERVICE_AREA_LABELS, c.serviceArea),
      sortValue: (c) => c.serviceArea,
    },
    { key: 'contractForm', header: 'Form', render: (c) => label(CONTRACT_FORM_LABELS, c.contractForm) },
    { key: 'fundingSource', header: 'Funding', render: (c) => label(FUNDING_SOURCE_LABELS, c.fundingSource) },
    {
      key: 'annualValuePence',
      header: 'Annual value',
      numeric: true,
      render: (c) => formatWholePounds(c.annualValuePence),
      sortValue: (c) => c.annualValuePence,
    },
    {
      key: 'currentEndDate',
      header: 'Ends',
      render: (c) => (
        <>
          {formatDate(c.currentEndDate)}
          {c.daysToEnd >= 0 && c.daysToEnd <= 365 && (
            <>
              {' '}
              <Tag colour={c.daysToEnd <= 183 ? 'red' : 'orange'}>
                {c.daysToEnd <= 183 ? 'Within 6 months' : 'Within 12 months'}
              </Tag>
            </>
          )}
        </>
      ),
      sortValue: (c) => c.currentEndDate,
    },
    {
      key: 'extensions',
      header: 'Extensions left',
      render: (c) =>
        c.extensionsRemaining.length ? c.extensionsRemaining.map((m) => `${m} months`).join(' + ') : 'None',
    },
  ];

  return (
    <Page
      title="Contract register"
      caption="Contracts and delivery"
      breadcrumbs={[{ text: 'Contracts and delivery', href: '/contracts' }, { text: 'Contract register' }]}
    >
      {hasRole('commissioner', 'admin') && (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/contracts/register/new">
              Add a contract
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/contracts/register/import">
              Import a contract register (CSV or Excel)
            </Link>
          </li>
        </ul>
      )}
      <form className="app-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter contracts">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="serviceArea"
              label="Service area"
              value={filters.serviceArea}
              onChange={set('serviceArea')}
              placeholder="All service areas"
              options={CONTRACT_OPTIONS.serviceArea}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="careGroup"
              label="Care group"
              value={filters.careGroup}
              onChange={set('careGroup')}
              placeholder="All care groups"
              options={CONTRACT_OPTIONS.careGroup}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="contractForm"
              label="Contract form"
              value={filters.contractForm}
              onChange={set('contractForm')}
              placeholder="All forms"
              options={CONTRACT_OPTIONS.contractForm}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="fundingSource"
              label="Funding source"
              value={filters.fundingSource}
              onChange={set('fundingSource')}
              placeholder="All funding sources"
              options={CONTRACT_OPTIONS.fundingSource}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              value={filters.status}
              onChange={set('status')}
              placeholder="Any status"
              options={[
                { value: 'live', text: 'Live' },
                { value: 'ended', text: 'Ended' },
                { value: 'not_started', text: 'Not started' },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              name="search"
              label="Search"
              hint="Reference, title or provider"
              type="search"
              value={filters.search}
              onChange={set('search')}
            />
          </div>
        </div>
      </form>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="contracts" />
      ) : (
        <>
          <p className="govuk-body" role="status">
            {formatCount(data.contracts.length, 'contract')}, {formatWholePounds(totalAnnual)} a year.
          </p>
          <Table
            caption="Contracts"
            captionHidden
            columns={columns}
            rows={data.contracts}
            rowKey={(c) => c.id}
            sortable
            initialSort={{ key: 'currentEndDate', direction: 'ascending' }}
            emptyText="No contracts match these filters."
          />
          <DownloadLinks
            filename={`contract-register-${data.asAt}`}
            what="the contract register"
            rows={data.contracts}
            columns={[
              { key: 'reference', header: 'Reference' },
              { key: 'title', header: 'Title' },
              { key: 'providerName', header: 'Provider' },
              { key: 'serviceArea', header: 'Service area', value: (c) => label(SERVICE_AREA_LABELS, c.serviceArea) },
              { key: 'careGroup', header: 'Care group', value: (c) => label(CARE_GROUP_LABELS, c.careGroup) },
              {
                key: 'contractForm',
                header: 'Contract form',
                value: (c) => label(CONTRACT_FORM_LABELS, c.contractForm),
              },
              {
                key: 'fundingSource',
                header: 'Funding source',
                value: (c) => label(FUNDING_SOURCE_LABELS, c.fundingSource),
              },
              { key: 'totalValue', header: 'Total value (£)', value: (c) => c.totalValuePence / 100, numFmt: '£#,##0' },
              {
                key: 'annualValue',
                header: 'Annual value (£)',
                value: (c) => c.annualValuePence / 100,
                numFmt: '£#,##0',
              },
              { key: 'startDate', header: 'Start date' },
              { key: 'initialEndDate', header: 'End date' },
              { key: 'currentEndDate', header: 'Current end date' },
              {
                key: 'extensionOptions',
                header: 'Extension options (months)',
                value: (c) => c.extensionOptionsMonths.join('+'),
              },
              { key: 'extensionsTaken', header: 'Extensions taken' },
              { key: 'noticePeriodMonths', header: 'Notice period (months)' },
              { key: 'socialValue', header: 'Social value commitments' },
              { key: 'leadOfficer', header: 'Lead officer' },
            ]}
          />
        </>
      )}
    </Page>
  );
}
