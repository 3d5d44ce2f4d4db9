// Markup checks for the shared components (server-rendered to HTML strings; no browser needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { ErrorSummary, apiErrorsToSummary, failureToSummary, fieldError, fieldId } from './ErrorSummary';
import { uploadErrorsToSummary } from './useFileUpload';
import { FileUploadForm } from './FileUploadForm';
import { Checkboxes, DateInput, Radios, Select, TextInput } from './forms';
import { KeyFigures, splitFigure } from './KeyFigures';
import { Breadcrumbs } from './Page';
import { RagTag, RatingTag, ratingColour } from './Tag';
import { Table } from './Table';
import { SummaryList } from './SummaryList';
import { Pagination, Tabs, pageNumbers } from './Navigation';
import { DataFreshness } from './DataFreshness';

const html = (node: ReactNode) => renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
const noop = () => {};

describe('ErrorSummary', () => {
  it('links each field error to its input and shows general errors as text', () => {
    const out = html(
      <ErrorSummary
        errors={[{ field: 'email', message: 'Enter your email address' }, { message: 'Too many attempts' }]}
      />,
    );
    expect(out).toContain('class="govuk-error-summary"');
    expect(out).toContain('There is a problem');
    expect(out).toContain('<a href="#email">Enter your email address</a>');
    expect(out).toContain('<li>Too many attempts</li>');
    expect(out).toContain('role="alert"');
  });

  it('heads a refused upload "There is a problem" and links a problem with the file to its input (issue 13)', () => {
    const image = 'This file is an image, not a CSV or text file: choose the spreadsheet itself and upload it again';
    const err = new ApiError({
      status: 400,
      title: 'There is a problem',
      detail: 'The file was not imported',
      errors: [{ field: 'file', message: image }],
    });
    const entries = uploadErrorsToSummary(err, 'register');
    expect(entries).toEqual([{ message: 'The file was not imported' }, { field: 'register', message: image }]);
    const out = html(<ErrorSummary errors={entries} />);
    expect(out).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(out).not.toMatch(/body:|NUL/);
    const lines = new ApiError({
      status: 422,
      title: 'The file was not imported',
      detail: '1 problem found; nothing was saved',
      errors: [{ field: 'line 3: Start date', message: 'Start date must be a real date' }],
    });
    expect(uploadErrorsToSummary(lines, 'register')).toEqual([
      { message: '1 problem found; nothing was saved' },
      { field: 'register', message: 'line 3: Start date: Start date must be a real date' },
    ]);
  });

  it('renders nothing without errors', () => {
    expect(html(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('turns an ApiError into summary entries', () => {
    const withFields = new ApiError({
      status: 422,
      title: 'Invalid',
      errors: [{ field: 'address.postcode', message: 'Enter a postcode' }],
    });
    expect(apiErrorsToSummary(withFields)).toEqual([{ field: 'address.postcode', message: 'Enter a postcode' }]);
    expect(
      apiErrorsToSummary(new ApiError({ status: 429, title: 'Too many requests', detail: 'Try again in 60 seconds' })),
    ).toEqual([{ message: 'Try again in 60 seconds' }]);
    expect(fieldError(apiErrorsToSummary(withFields), 'address.postcode')).toBe('Enter a postcode');
    expect(fieldId('address.postcode')).toBe('address-postcode');
  });

  it('summarises any failure a form catches: API errors by field, anything else by its message', () => {
    const apiFailure = new ApiError({
      status: 400,
      title: 'Invalid',
      errors: [{ field: 'effectiveFrom', message: 'Effective from must be a real date' }],
    });
    expect(failureToSummary(apiFailure)).toEqual([
      { field: 'effectiveFrom', message: 'Effective from must be a real date' },
    ]);
    expect(failureToSummary(new TypeError('Failed to fetch'))).toEqual([{ message: 'TypeError: Failed to fetch' }]);
  });
});

describe('form inputs', () => {
  it('wires label, hint and error message to a text input', () => {
    const out = html(
      <TextInput
        name="email"
        label="Email address"
        hint="Your work address"
        error="Enter your email address"
        value=""
        onChange={noop}
      />,
    );
    expect(out).toContain('class="govuk-form-group govuk-form-group--error"');
    expect(out).toContain('<label class="govuk-label" for="email">Email address</label>');
    expect(out).toContain('id="email-hint"');
    expect(out).toContain(
      '<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter your email address</p>',
    );
    expect(out).toContain('class="govuk-input govuk-input--error"');
    expect(out).toContain('aria-describedby="email-hint email-error"');
  });

  it('has no error styling or describedby without hint and error', () => {
    const out = html(<TextInput name="name" label="Name" value="Ada" onChange={noop} width={20} prefix="£" />);
    expect(out).not.toContain('error');
    expect(out).not.toContain('aria-describedby');
    expect(out).toContain('govuk-input govuk-input--width-20');
    expect(out).toContain('<div class="govuk-input__prefix" aria-hidden="true">£</div>');
  });

  it('gives the first radio the field id so summary links land on it', () => {
    const out = html(
      <Radios
        name="role"
        legend="Role"
        value="broker"
        onChange={noop}
        error="Choose a role"
        items={[
          { value: 'admin', text: 'Administrator' },
          { value: 'broker', text: 'Broker' },
        ]}
      />,
    );
    expect(out).toContain('id="role"');
    expect(out).toContain('id="role-2"');
    expect(out).toMatch(/id="role-2"[^>]*checked=""|checked=""[^>]*id="role-2"/);
    expect(out).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Role</legend>');
    expect(out).toContain('aria-describedby="role-error"');
  });

  it('renders checkboxes, selects and date inputs with GOV.UK classes', () => {
    const boxes = html(
      <Checkboxes
        name="pathway"
        legend="Pathways"
        value={['1']}
        onChange={noop}
        items={[
          { value: '1', text: 'Pathway 1' },
          { value: '3', text: 'Pathway 3' },
        ]}
      />,
    );
    expect(boxes).toContain('govuk-checkboxes__input');
    expect(boxes.match(/checked=""/g)).toHaveLength(1);
    const select = html(
      <Select
        name="area"
        label="Area"
        value=""
        onChange={noop}
        placeholder="Choose an area"
        options={[{ value: 'market', text: 'Market' }]}
      />,
    );
    expect(select).toContain('<option value="" selected="">Choose an area</option>');
    const date = html(
      <DateInput
        name="dischargeDate"
        legend="Date of discharge"
        value={{ day: '3', month: '', year: '' }}
        onChange={noop}
        error="Date must include a month"
      />,
    );
    expect(date).toContain('id="dischargeDate-day"');
    expect(date).toContain('govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error');
    expect(date).toContain('role="group"');
  });
});

describe('tags', () => {
  it('colours CQC and PAMMS ratings consistently, with grey for unrated', () => {
    expect(['Outstanding', 'Good', 'Requires improvement', 'Inadequate'].map(ratingColour)).toEqual([
      'turquoise',
      'green',
      'yellow',
      'red',
    ]);
    expect(['Excellent', 'Good', 'Requires improvement', 'Poor'].map(ratingColour)).toEqual([
      'turquoise',
      'green',
      'yellow',
      'red',
    ]);
    expect(ratingColour(null)).toBe('grey');
    expect(html(<RatingTag rating="Requires improvement" scheme="cqc" />)).toBe(
      '<strong class="govuk-tag govuk-tag--yellow"><span class="govuk-visually-hidden">CQC rating: </span>Requires improvement</strong>',
    );
    expect(html(<RatingTag rating={null} />)).toBe('<strong class="govuk-tag govuk-tag--grey">Not yet rated</strong>');
  });

  it('shows RAG status as words as well as colour', () => {
    expect(html(<RagTag status="amber" />)).toBe('<strong class="govuk-tag govuk-tag--orange">Amber</strong>');
    expect(html(<RagTag status="red">Over budget</RagTag>)).toBe(
      '<strong class="govuk-tag govuk-tag--red">Over budget</strong>',
    );
    expect(html(<RagTag status={null} />)).toContain('Not rated');
  });
});

describe('Table', () => {
  it('renders a caption, numeric cells, row headers and sortable headers with aria-sort', () => {
    const out = html(
      <Table
        caption="Care homes"
        columns={[
          { key: 'name', header: 'Name' },
          { key: 'beds', header: 'Beds', numeric: true },
        ]}
        rows={[
          { name: 'B', beds: 10 },
          { name: 'A', beds: 20 },
        ]}
        rowKey={(r) => r.name}
        sortable
        firstCellIsHeader
        initialSort={{ key: 'beds', direction: 'descending' }}
      />,
    );
    expect(out).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Care homes</caption>');
    expect(out).toContain('aria-sort="descending"');
    expect(out).toContain('aria-sort="none"');
    expect(out).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">20</td>');
    expect(out.indexOf('>A<')).toBeLessThan(out.indexOf('>B<'));
    expect(out).toContain('<th scope="row" class="govuk-table__header">A</th>');
  });

  it('says when there are no rows', () => {
    const out = html(
      <Table
        caption="Users"
        columns={[{ key: 'name', header: 'Name' }]}
        rows={[]}
        rowKey={() => ''}
        emptyText="No users."
      />,
    );
    expect(out).toContain('<td class="govuk-table__cell" colSpan="1">No users.</td>');
  });

  it('draws the first page of a long list, sorted over every row, and offers the next lot', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ id: `h${i}`, beds: i }));
    const out = html(
      <Table
        caption="Care homes"
        columns={[
          { key: 'id', header: 'Home' },
          { key: 'beds', header: 'Beds', numeric: true },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        sortable
        initialSort={{ key: 'beds', direction: 'descending' }}
      />,
    );
    expect(out.match(/<tr class="govuk-table__row">/g)).toHaveLength(1 + 200); // header row + first 200
    expect(out).toContain('>h2499<'); // the largest, from the end of the input: sorting saw every row
    expect(out).not.toContain('>h2299<');
    expect(out).toContain('Showing the first 200 of 2,500 rows.');
    expect(out).toContain('Show 200 more rows');
  });
});

describe('KeyFigures, SummaryList and Breadcrumbs', () => {
  it('formats each figure by unit and links its label', () => {
    const out = html(
      <KeyFigures
        figures={[
          { key: 'beds', label: 'Care home beds', value: 1530, unit: 'count', href: '/market' },
          { key: 'occ', label: 'Occupancy', value: 91.24, unit: 'percent', hint: 'Last 12 months' },
          { key: 'rate', label: 'Usual rate', value: null, unit: 'pence_per_week' },
        ]}
      />,
    );
    expect(out).toContain('<a class="govuk-link" href="/market" data-discover="true">Care home beds</a>');
    const value = (number: string) =>
      `<span class="app-key-figure__value"><span class="app-key-figure__number">${number}</span></span>`;
    expect(out).toContain(value('1,530'));
    expect(out).toContain(value('91.2%'));
    expect(out).toContain('<p class="app-key-figure__hint">Last 12 months</p>');
    expect(out).toContain(value('Not available'));
  });

  it('keeps the number whole and lets its unit in words go to the next line (issue 13)', () => {
    const out = html(
      <KeyFigures
        figures={[
          { key: 'fee', label: 'Median fee', value: 103092, unit: 'pence_per_week' },
          { key: 'wait', label: 'Wait', value: 12, unit: 'days' },
        ]}
      />,
    );
    expect(out).toContain(
      '<span class="app-key-figure__number">£1,030.92</span> <span class="app-key-figure__unit">a week</span>',
    );
    expect(out).toContain(
      '<span class="app-key-figure__number">12</span> <span class="app-key-figure__unit">days</span>',
    );
    expect(splitFigure('£60,523,931.35')).toEqual({ figure: '£60,523,931.35', unit: null });
    expect(splitFigure('−4.5% a year')).toEqual({ figure: '−4.5%', unit: 'a year' });
    expect(splitFigure('1,234 hours')).toEqual({ figure: '1,234', unit: 'hours' });
    expect(splitFigure('Not available')).toEqual({ figure: 'Not available', unit: null });
  });

  it('renders summary list rows with visually hidden action context', () => {
    const out = html(
      <SummaryList
        rows={[
          { key: 'Name', value: 'Ada', actions: [{ href: '/x', text: 'Change', visuallyHiddenText: 'name' }] },
          { key: 'Role', value: 'Admin' },
        ]}
      />,
    );
    expect(out).toContain('<dt class="govuk-summary-list__key">Name</dt>');
    expect(out).toContain('<span class="govuk-visually-hidden"> name</span>');
    expect(out).toContain('govuk-summary-list__row govuk-summary-list__row--no-actions');
  });

  it('marks the last crumb as the current page', () => {
    const out = html(
      <Breadcrumbs
        items={[{ text: 'Home', href: '/' }, { text: 'Market', href: '/market' }, { text: 'Care homes' }]}
      />,
    );
    expect(out).toContain('aria-label="Breadcrumb"');
    expect(out).toContain('<span aria-current="page">Care homes</span>');
    expect(out.match(/govuk-breadcrumbs__link/g)).toHaveLength(2);
  });
});

describe('Tabs and Pagination', () => {
  it('marks the selected tab and hides the other panels', () => {
    const out = html(
      <Tabs
        tabs={[
          { id: 'chart', label: 'Chart', panel: 'C' },
          { id: 'table', label: 'Table', panel: 'T' },
        ]}
      />,
    );
    expect(out).toContain('role="tablist"');
    expect(out.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(out).toContain('class="govuk-tabs__panel govuk-tabs__panel--hidden" id="table"');
    expect(out).toContain('class="govuk-tabs__panel" id="chart"');
  });

  it('shows first, last and neighbours of the current page with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
    const out = html(<Pagination page={2} pageCount={3} href={(n) => `/x?page=${n}`} />);
    expect(out).toContain('rel="prev"');
    expect(out).toContain('rel="next"');
    expect(out).toContain('aria-current="page"');
    expect(html(<Pagination page={1} pageCount={1} href={() => '/'} />)).toBe('');
  });
});

describe('DataFreshness', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('gives the date and age, and flags data older than the limit', () => {
    expect(html(<DataFreshness source="Capacity returns" asAt="2026-11-20" staleAfterDays={14} now={now} />)).toBe(
      '<p class="govuk-body-s" data-freshness="fresh">Capacity returns: 20 November 2026 (3 days ago)</p>',
    );
    const stale = html(<DataFreshness source="Capacity returns" asAt="2026-10-01" staleAfterDays={14} now={now} />);
    expect(stale).toContain('data-freshness="stale"');
    expect(stale).toContain('1 October 2026 (1 month ago)');
    expect(stale).toContain('<strong class="govuk-tag govuk-tag--orange">Out of date</strong>');
    expect(html(<DataFreshness source="CQC care directory" asAt={null} now={now} />)).toContain('no data yet');
  });
});

describe('FileUploadForm', () => {
  it('lays out the file field as GOV.UK does: label, hint, error, input described by both, then the button', () => {
    const out = html(
      <FileUploadForm
        onSubmit={noop}
        id="plan-file"
        label="Plan workbook (Excel XLSX)"
        hint="Halton’s layout"
        error="Choose a plan workbook (Excel XLSX)"
        accept=".xlsx"
        busy={false}
        button="Import plan"
        formId="import"
      >
        <h2 className="govuk-heading-m">Import a plan from Excel</h2>
      </FileUploadForm>,
    );
    expect(out).toMatch(/^<form noValidate="" id="import"><h2 class="govuk-heading-m">Import a plan from Excel<\/h2>/);
    expect(out).toContain('<div class="govuk-form-group govuk-form-group--error">');
    expect(out).toContain('<label class="govuk-label" for="plan-file">Plan workbook (Excel XLSX)</label>');
    expect(out).toContain('<div id="plan-file-hint" class="govuk-hint">Halton’s layout</div>');
    expect(out).toContain(
      '<p id="plan-file-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Choose a plan workbook (Excel XLSX)</p>',
    );
    expect(out).toContain(
      '<input class="govuk-file-upload" id="plan-file" type="file" accept=".xlsx" aria-describedby="plan-file-hint plan-file-error" name="plan-file"/>',
    );
    expect(out).toMatch(/<button type="submit" class="govuk-button"[^>]*>Import plan<\/button><\/form>$/);
  });

  it('marks the group in error while the upload’s problems show, and disables the button while busy', () => {
    const out = html(
      <FileUploadForm onSubmit={noop} id="register" label="Register" accept=".csv" hasErrors busy button="Import" />,
    );
    expect(out).toContain('govuk-form-group--error');
    expect(out).not.toContain('govuk-error-message');
    expect(out).toMatch(/<button type="submit" class="govuk-button" disabled=""[^>]*>Import<\/button>/);
  });

  it('without a submit handler sends on choice: no form, no button, the input disabled while busy', () => {
    const idle = html(
      <FileUploadForm id="file" label="An ORUK JSON file" accept=".json" onChoose={noop} busy={false} />,
    );
    expect(idle).toBe(
      '<div class="govuk-form-group"><label class="govuk-label" for="file">An ORUK JSON file</label><input class="govuk-file-upload" id="file" type="file" accept=".json" name="file"/></div>',
    );
    const busy = html(<FileUploadForm id="file" label="An ORUK JSON file" accept=".json" onChoose={noop} busy />);
    expect(busy).toContain('disabled=""');
    expect(busy).not.toContain('<form');
  });
});
