// Keeping records up to date in the browser (issue 16, gaps from the fresh-user check): a commissioner edits a
// KPI, removes one added by mistake and retires one with returns (its returns kept), varies a contract's break
// clauses and social value and reads the history with dates in words; a provider submits an action plan, the
// quality officer asks for changes, the provider revises it and the officer accepts it, after which it is fixed;
// the location page shows CQC's rating apart from the council's assessments. axe runs on every page.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProviderSignIn } from '../../../src/demo/market';
import { DEMO_PASSWORD } from '../../../src/demo/users';
import { addMonths, londonToday, longDateText } from '../../../src/domain/core/dates';
import {
  DEMO_ACCOUNTS,
  describeE2E,
  expectAccessible,
  newPage,
  settle,
  signIn,
  signOut,
  useSteward,
} from '../testing/e2e';
import type { Contract, KpiView } from './types';

const today = londonToday();
/** A history row's "When": GOV.UK style in UK time, like "30 November 2026, 4:05pm". */
const WHEN =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{1,2}:\d{2}(am|pm)$/;

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function fillDate(page: Page, name: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(d)));
  await page.locator(`#${name}-month`).fill(String(Number(m)));
  await page.locator(`#${name}-year`).fill(y);
}

/** The history table's rows as [when, what (first line)]. */
async function historyRows(
  page: Page,
  table = 'Changes to this contract, its KPIs and procurements, newest first',
): Promise<[string, string][]> {
  await page.getByRole('table', { name: table }).waitFor();
  return page
    .getByRole('table', { name: table })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const cells = (r as HTMLTableRowElement).cells;
        return [cells[0]?.textContent ?? '', cells[2]?.firstChild?.textContent ?? ''] as [string, string];
      }),
    );
}

describeE2E('keeping contracts and quality records up to date', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('a commissioner edits, removes and retires KPIs and varies break clauses and social value; the history reads in words', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    // A live demo contract running at least another year, with a KPI that has returns.
    const { kpis } = await getJson<{ kpis: KpiView[] }>(page, `${base}/api/contracts/kpis`);
    let chosen: { kpi: KpiView; contract: Contract } | null = null;
    for (const kpi of kpis.filter((k) => k.returns.some((r) => r.value !== null) && !k.retiredOn)) {
      const { contract } = await getJson<{ contract: Contract }>(
        page,
        `${base}/api/contracts/contracts/${kpi.contractId}`,
      );
      if (contract.status === 'live' && contract.currentEndDate > addMonths(today, 12)) {
        chosen = { kpi, contract };
        break;
      }
    }
    expect(chosen, 'a live demo contract with KPI returns').not.toBeNull();
    const { kpi, contract } = chosen!;
    const returnsIn = kpi.returns.filter((r) => r.value !== null).length;
    await page.goto(`${base}/contracts/register/${contract.id}`);
    await page.getByRole('heading', { level: 1, name: contract.title }).waitFor();
    await settle(page);

    // Edit: a blank unit is refused in the summary, linked to the field, with everything else kept.
    await page.getByRole('link', { name: `Change ${kpi.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Change a KPI' }).waitFor();
    await expect.poll(() => page.getByLabel('KPI', { exact: true }).inputValue()).toBe(kpi.name);
    // Returns are in, so the frequency is stated rather than offered.
    await page.getByText('This cannot change now that returns are in').waitFor();
    expect(await page.getByRole('group', { name: 'How often is it reported?' }).count()).toBe(0);
    await expectAccessible(page, 'change KPI');
    const newTarget = String(kpi.target + 1);
    await page.getByLabel('Target', { exact: true }).fill(newTarget);
    await page.getByLabel('Unit', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save the KPI' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter the unit, like % or hours' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('unit');
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe(newTarget);
    await expectAccessible(page, 'change KPI with errors');
    await page.getByLabel('Unit', { exact: true }).fill(kpi.unit);
    await page.getByRole('button', { name: 'Save the KPI' }).click();
    await page.getByRole('alert').getByText(`KPI ${kpi.name} changed`).waitFor();
    await page.getByText(`Target: ${kpi.target} → ${newTarget}`).waitFor();
    let rows = await historyRows(page);
    expect(rows[0][1]).toBe(`KPI edited: ${kpi.name}`);
    expect(rows[0][0]).toMatch(WHEN);
    await expectAccessible(page, 'contract after KPI change');

    // A KPI added by mistake has no returns: removing it deletes it.
    await page.getByRole('link', { name: 'Add a KPI' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a KPI' }).waitFor();
    await page.getByLabel('KPI', { exact: true }).fill('Visits on time (added twice)');
    await page.getByLabel('Unit', { exact: true }).fill('%');
    await page.getByLabel('Target', { exact: true }).fill('95');
    await page.getByLabel('Higher is better (the target is a minimum)').check();
    await page.getByLabel('Monthly', { exact: true }).check();
    await fillDate(page, 'reportingFrom', today);
    await page.getByRole('button', { name: 'Add KPI' }).click();
    await page.getByRole('alert').getByText('KPI Visits on time (added twice) added').waitFor();
    await page.getByRole('link', { name: 'Remove Visits on time (added twice)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove a KPI' }).waitFor();
    await page.getByText('No return has come in for this KPI, so it will be removed').waitFor();
    await page.getByRole('button', { name: 'Remove the KPI' }).click();
    await summary.getByRole('link', { name: 'Enter why the KPI is being removed' }).waitFor();
    await expectAccessible(page, 'remove KPI with errors');
    await page.getByLabel('Why is it being removed?').fill('Added twice by mistake');
    await page.getByRole('button', { name: 'Remove the KPI' }).click();
    await page.getByRole('alert').getByText('KPI Visits on time (added twice) removed').waitFor();
    await expect
      .poll(() => page.getByRole('cell', { name: 'Visits on time (added twice)', exact: true }).count())
      .toBe(0);

    // The KPI with returns is retired instead: still listed, marked retired, with nothing more to change.
    await page.getByRole('link', { name: `Remove ${kpi.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove a KPI' }).waitFor();
    await page.getByText(/so it will be retired, not deleted/).waitFor();
    await expectAccessible(page, 'retire KPI');
    await page.getByLabel('Why is it being retired?').fill('Replaced by the outcomes framework');
    await page.getByRole('button', { name: 'Retire the KPI' }).click();
    await page.getByRole('alert').getByText(`KPI ${kpi.name} retired: its returns are kept`).waitFor();
    await page.getByText(`Retired ${longDateText(today)}`).waitFor();
    expect(await page.getByRole('link', { name: `Change ${kpi.name}` }).count()).toBe(0);
    const after = (
      await getJson<{ kpis: KpiView[] }>(page, `${base}/api/contracts/kpis?contractId=${contract.id}`)
    ).kpis.find((k) => k.id === kpi.id)!;
    expect([after.retiredOn, after.returns.filter((r) => r.value !== null).length]).toEqual([today, returnsIn]);
    rows = await historyRows(page);
    expect(rows.slice(0, 2).map((r) => r[1])).toEqual([
      `KPI retired (its returns are kept): ${kpi.name}`,
      'KPI removed (it had no returns): Visits on time (added twice)',
    ]);
    await expectAccessible(page, 'contract with a retired KPI');

    // Vary: break clauses and social value, with a wrong date refused first.
    await page.getByRole('link', { name: 'Vary the contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vary the contract' }).waitFor();
    await page.getByLabel('Break clauses').fill('the end of March');
    await page.getByLabel('Reason for the variation').fill('Break clause and social value agreed at review');
    await fillDate(page, 'effectiveFrom', today);
    await page.getByRole('button', { name: 'Record the variation' }).click();
    await summary
      .getByRole('link', { name: 'Break clauses must be dates like 31/03/2028, separated by commas' })
      .waitFor();
    await expectAccessible(page, 'vary with a wrong break clause');
    const breakDate = addMonths(today, 6);
    const [y, m, d] = breakDate.split('-');
    await page.getByLabel('Break clauses').fill(`${d}/${m}/${y}`);
    await page.getByLabel('Social value commitments').fill('Two local apprenticeships a year');
    await page.getByRole('button', { name: 'Record the variation' }).click();
    await page.getByRole('alert').getByText(`Contract ${contract.reference} varied`).waitFor();
    await page.getByText(new RegExp(`Break clauses: .*→ .*${longDateText(breakDate)}`)).waitFor();
    await page.getByText(/Social value commitments: .* → Two local apprenticeships a year/).waitFor();
    rows = await historyRows(page);
    expect(rows[0][1]).toMatch(new RegExp(`^Varied \\(variation \\d+\\), effective from ${longDateText(today)}$`));
    // Every "When" in the history reads in words, never an ISO timestamp.
    for (const [when] of rows) expect(when).toMatch(WHEN);
    await expectAccessible(page, 'contract after variation');
    await signOut(page);

    // A viewer sees the retired KPI but no way to change or remove KPIs, and the pages say it has no access.
    await signIn(page, base, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.goto(`${base}/contracts/register/${contract.id}`);
    await page.getByText(`Retired ${longDateText(today)}`).waitFor();
    expect(await page.getByRole('link', { name: /^(Change|Remove) / }).count()).toBe(0);
    await page.goto(`${base}/contracts/register/${contract.id}/kpis/${kpi.id}/remove`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a provider submits an action plan, revises it when the quality officer asks for changes, and cannot once it is accepted', async () => {
    const base = e2e.steward.baseUrl;
    const officer = await newPage(e2e.browser);
    await signIn(officer.page, base, DEMO_ACCOUNTS.quality_officer.email, DEMO_ACCOUNTS.quality_officer.password);
    // The demo's published Requires-improvement assessment whose plan is overdue.
    const { assessments } = await getJson<{
      assessments: { id: string; providerName: string; actionPlanState: string; actionPlan: string | null }[];
    }>(officer.page, `${base}/api/contracts/assessments`);
    const due = assessments.find((a) => a.actionPlanState === 'overdue' && a.actionPlan === null);
    expect(due, 'an assessment whose action plan is overdue').toBeDefined();
    const url = `${base}/contracts/assessments/${due!.id}`;

    const provider = await newPage(e2e.browser);
    await signIn(provider.page, base, demoProviderSignIn(due!.providerName), DEMO_PASSWORD);
    await provider.page.goto(url);
    await provider.page.getByLabel('Action plan', { exact: true }).waitFor();
    await provider.page.getByRole('button', { name: 'Submit action plan' }).click();
    await provider.page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the action plan' }).waitFor();
    await expectAccessible(provider.page, 'action plan with errors');
    await provider.page
      .getByLabel('Action plan', { exact: true })
      .fill('Review every care plan by the end of next month');
    await provider.page.getByRole('button', { name: 'Submit action plan' }).click();
    await provider.page.getByRole('alert').getByText('Action plan submitted').waitFor();
    await provider.page.getByRole('alert').getByRole('link', { name: 'See the assessment’s history' }).waitFor();
    await expectAccessible(provider.page, 'action plan submitted');

    // The quality officer asks for changes (saying what), rather than accepting.
    await officer.page.goto(url);
    await officer.page.locator('p', { hasText: 'Review every care plan by the end of next month' }).waitFor();
    await officer.page.getByRole('button', { name: 'Ask for changes' }).click();
    await officer.page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Say what the action plan needs to change' })
      .waitFor();
    await expectAccessible(officer.page, 'ask for changes with errors');
    await officer.page
      .getByLabel('Or ask the provider for changes')
      .fill('Add how night agency use will be reduced, and who leads it');
    await officer.page.getByRole('button', { name: 'Ask for changes' }).click();
    await officer.page
      .getByRole('alert')
      .getByText('Changes asked for: the provider can now revise its action plan')
      .waitFor();
    await expectAccessible(officer.page, 'changes asked for');

    // The provider sees the request and revises the plan.
    await provider.page.reload();
    const request = provider.page.locator('.govuk-inset-text', {
      hasText: 'Add how night agency use will be reduced, and who leads it',
    });
    await request.waitFor();
    await provider.page
      .getByLabel('Action plan', { exact: true })
      .fill('Review every care plan by the end of next month; the deputy manager cuts night agency use to under 10%');
    await provider.page.getByRole('button', { name: 'Submit the revised action plan' }).click();
    await provider.page.getByRole('alert').getByText('Action plan revised').waitFor();
    await expect.poll(() => request.count()).toBe(0);

    // The officer accepts it: the plan is fixed and the page says so.
    await officer.page.reload();
    await officer.page.locator('p', { hasText: /the deputy manager cuts night agency use to under 10%/ }).waitFor();
    await officer.page.getByRole('button', { name: 'Accept the action plan' }).click();
    await officer.page.getByRole('alert').getByText('Action plan accepted').waitFor();
    await officer.page
      .getByText(
        `Accepted by the quality team on ${longDateText(today)}. The plan is now fixed and can no longer be revised.`,
      )
      .waitFor();
    expect(await officer.page.getByRole('button', { name: 'Ask for changes' }).count()).toBe(0);
    // The assessment's history keeps the whole trail, newest first, each text as it was (fresh-user check, fault 4).
    const TRAIL = 'Changes to this assessment and its action plan, newest first';
    // (The table reloads after the acceptance: wait for it to show it.)
    await expect.poll(async () => (await historyRows(officer.page, TRAIL))[0]?.[1]).toBe('Action plan accepted');
    const trail = (await historyRows(officer.page, TRAIL)).slice(0, 4);
    expect(trail).toEqual([
      [expect.stringMatching(WHEN), 'Action plan accepted'],
      [expect.stringMatching(WHEN), 'Action plan revised'],
      [expect.stringMatching(WHEN), 'Changes to the action plan asked for'],
      [expect.stringMatching(WHEN), 'Action plan submitted'],
    ]);
    const history = officer.page.getByRole('table', { name: TRAIL });
    await history.getByText('Add how night agency use will be reduced, and who leads it').waitFor();
    await history
      .getByText(
        'Action plan: Review every care plan by the end of next month → Review every care plan by the end of next month; the deputy manager cuts night agency use to under 10%',
      )
      .waitFor();
    await expectAccessible(officer.page, 'accepted action plan');

    await provider.page.reload();
    await provider.page.getByText(/The plan is now fixed and can no longer be revised/).waitFor();
    expect(await provider.page.getByLabel('Action plan', { exact: true }).count()).toBe(0);
    expect(await provider.page.getByRole('button', { name: /action plan/ }).count()).toBe(0);
    expect((await historyRows(provider.page, TRAIL)).slice(0, 4)).toEqual(trail);
    // (The server refuses a revision too: src/server/contracts/routes.int.test.ts.)
    await expectAccessible(provider.page, 'accepted action plan (provider)');
    expect([...officer.errors, ...provider.errors]).toEqual([]);
    await signOut(officer.page);
  });

  it('shows CQC’s rating as the latest external rating, apart from the council’s own assessments', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    const locations = await getJson<
      { id: string; name: string; cqcRating: string | null; cqcRatingDate: string | null }[]
    >(page, `${base}/api/market/locations`);
    const { assessments } = await getJson<{ assessments: { locationId: string }[] }>(
      page,
      `${base}/api/contracts/assessments`,
    );
    const assessed = new Set(assessments.map((a) => a.locationId));
    const rated = locations.find((l) => l.cqcRating && l.cqcRatingDate && !assessed.has(l.id));
    expect(rated, 'a CQC-rated location the council has not assessed').toBeDefined();
    await page.goto(`${base}/market/locations/${rated!.id}`);
    await page.getByRole('heading', { level: 1, name: rated!.name }).waitFor();
    await page.getByText('No council quality assessments recorded.').waitFor();
    const external = page.locator('.govuk-summary-list__row', { hasText: 'Latest external rating' });
    await external
      .getByText(`CQC’s rating: ${rated!.cqcRating}, published ${longDateText(rated!.cqcRatingDate!)}`)
      .waitFor();
    await external.getByText('From the Care Quality Commission’s register, not a council assessment.').waitFor();
    expect(await page.getByText('No quality assessments recorded.').count()).toBe(0);
    await settle(page);
    await expectAccessible(page, 'location with CQC rating only');
    expect(errors).toEqual([]);
  });
});
