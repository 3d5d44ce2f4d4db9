// The discharge hub pages' shared frame: navigation, breadcrumbs, the choice of what to show, loading and problems.
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { DischargeReportPage } from './DischargeReportPage';

const html = (node: ReactNode) => renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
const PERIODS = [
  { value: 'month', text: 'Month' },
  { value: 'week', text: 'Week' },
] as const;

describe('DischargeReportPage', () => {
  it('frames the body with the caption, breadcrumbs, hub navigation and the choice as small inline radios', () => {
    const out = html(
      <DischargeReportPage
        title="Flow and delay metrics"
        crumb="Metrics"
        what="the metrics"
        state={{ data: { n: 7 }, loading: false, error: undefined }}
        choice={{ name: 'period', legend: 'Show by', value: 'week', onChange: () => {}, items: PERIODS }}
      >
        {(data) => <p className="govuk-body">{`${data.n} discharges`}</p>}
      </DischargeReportPage>,
    );
    expect(out).toContain('Flow and delay metrics');
    expect(out).toContain('<span class="govuk-caption-l">Discharge</span>');
    expect(out).toMatch(/<a class="govuk-breadcrumbs__link"[^>]*href="\/discharge"[^>]*>Discharge hub<\/a>/);
    expect(out).toContain('<span aria-current="page">Metrics</span></li></ol></nav>');
    expect(out).toContain('<nav aria-label="Discharge hub"');
    expect(out).toMatch(/href="\/discharge\/d2a"[^>]*>D2A and rehab beds<\/a>/);
    expect(out).toContain('class="govuk-radios govuk-radios--inline govuk-radios--small"');
    expect(out).toContain('id="period-2" type="radio" name="period" checked="" value="week"');
    // The choice comes before the body.
    expect(out.indexOf('name="period"')).toBeLessThan(out.indexOf('7 discharges'));
  });

  it('shows the hub board as the last breadcrumb when there is no crumb, and no radios without a choice', () => {
    const out = html(
      <DischargeReportPage
        title="Transfer of Care hub"
        what="the hub board"
        state={{ data: [], loading: false, error: undefined }}
      >
        {() => <p>board</p>}
      </DischargeReportPage>,
    );
    expect(out).toContain('<span aria-current="page">Discharge hub</span>');
    expect(out).not.toContain(
      'href="/discharge" data-discover="true">Discharge hub</a></li><li class="govuk-breadcrumbs',
    );
    expect(out).not.toContain('govuk-radios');
    expect(out).toContain('<p>board</p>');
  });

  it('shows “Loading …” and then the problem, without the body', () => {
    const beds = (state: { loading: boolean; error?: ApiError }) =>
      html(
        <DischargeReportPage title="D2A beds" what="the beds" state={{ data: undefined, error: undefined, ...state }}>
          {() => <p>body</p>}
        </DischargeReportPage>,
      );
    const loading = beds({ loading: true });
    expect(loading).toContain('Loading the beds…');
    expect(loading).not.toContain('<p>body</p>');
    const failed = beds({ loading: false, error: new ApiError({ status: 403, title: 'Forbidden' }) });
    expect(failed).toContain('You do not have access to this');
    expect(failed).not.toContain('<p>body</p>');
  });
});
