// A viewer reads every page and is never shown a form it would be refused on submitting (issue 13: viewers
// could open edit forms that the server refused only on submit). Every page a viewer can open is checked for
// controls that change anything, and with axe-core; the editing pages answer "You do not have access".
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, settle, signIn, useSteward } from '../testing/e2e';

/**
 * Buttons that change something; a viewer must see none (reading, filtering, downloading and running the planner's
 * forecast, which saves nothing, are fine).
 */
const CHANGING =
  /^(Save|Submit|Add|Update(?! the forecast)|Record|Delete|Publish|Send|Amend|Import|Upload|Share|Award|Confirm|Enter|Change|Revise|Cancel the referral|Cancel referral|No change|Reset|Approve|Reject|Merge|Refresh)\b/i;

async function changingControls(page: Page): Promise<string[]> {
  const names = await page
    .locator('main button:visible, main a.govuk-button:visible, main input[type=submit]:visible')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? (e as HTMLInputElement).value ?? '').trim()));
  const files = await page.locator('main input[type=file]').count();
  // A text area is for writing (no filter uses one): a reader is never shown one, with or without a save button.
  const textareas = await page.locator('main textarea:visible').count();
  return [
    ...names.filter((n) => CHANGING.test(n)),
    ...(files ? [`${files} file upload(s)`] : []),
    ...(textareas ? [`${textareas} text area(s)`] : []),
  ];
}

describeE2E('a viewer sees no editing', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('reads every page without an edit form, and is told it has no access on the editing pages', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    const api = async <T>(url: string): Promise<T> => (await (await page.request.get(`${base}${url}`)).json()) as T;
    const board = await api<{ lanes: { entries: { referralId: string }[] }[] }>('/api/discharge/board');
    const referralId = board.lanes.flatMap((l) => l.entries)[0].referralId;
    const homes = await api<{ rows: { locationId: string; providerId: string }[] }>('/api/market/care-homes');
    const contracts = await api<{ contracts: { id: string }[] }>('/api/contracts/contracts');
    const assessments = await api<{ assessments: { id: string }[] }>('/api/contracts/assessments');

    const readable = [
      '/',
      '/market',
      '/market/care-homes',
      '/market/vacancies',
      '/market/prices',
      '/market/rates',
      `/market/providers/${homes.rows[0].providerId}`,
      `/market/locations/${homes.rows[0].locationId}`,
      '/demand',
      '/demand/rates',
      '/demand/scenarios',
      '/discharge',
      `/discharge/referrals/${referralId}`,
      '/discharge/metrics',
      '/discharge/d2a',
      '/capacity-planner',
      '/contracts',
      '/contracts/register',
      `/contracts/register/${contracts.contracts[0].id}`,
      '/contracts/recommissioning',
      '/contracts/procurements',
      '/contracts/kpis',
      '/contracts/assessments',
      `/contracts/assessments/${assessments.assessments[0].id}`,
      '/contracts/delivery-plan',
      '/contracts/risks',
      '/contracts/concerns',
      '/bcf',
      '/bcf/metrics',
      '/bcf/demand-capacity',
      '/bcf/hicm',
      '/bcf/returns',
      '/directory',
      '/mps',
      // Review 13, finding 14: the MPS section editor showed a viewer its text areas and editing instructions.
      '/mps/sections/introduction',
      '/mps/sections/care_homes',
    ];
    const found: Record<string, string[]> = {};
    for (const url of readable) {
      await page.goto(`${base}${url}`);
      await page.locator('h1').first().waitFor();
      await settle(page);
      const controls = await changingControls(page);
      if (controls.length) found[url] = controls;
    }
    expect(found).toEqual({});

    // The editing pages themselves: no form, a plain "no access".
    for (const url of [
      '/discharge/referrals/new',
      '/demand/scenarios/new',
      '/demand/rates/dementia_65plus',
      '/contracts/assessments/new',
      '/contracts/register/import',
      `/market/locations/${homes.rows[0].locationId}/update`,
    ]) {
      await page.goto(`${base}${url}`);
      await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
      expect(await page.locator('main form').count()).toBe(0);
    }
    await expectAccessible(page, 'no access page');
    expect(errors).toEqual([]);
  }, 600_000);

  it('shows a broker, who only reads the MPS, no editor on its sections (review 13, finding 14)', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.broker.email, DEMO_ACCOUNTS.broker.password);
    for (const url of ['/mps/sections/introduction', '/mps/sections/care_homes']) {
      await page.goto(`${base}${url}`);
      await page.locator('h1').first().waitFor();
      await settle(page);
      await page.getByText('You can read this section.').waitFor();
      expect(await changingControls(page), url).toEqual([]);
      expect(await page.getByText('Start a line with').count(), url).toBe(0);
    }
    expect(errors).toEqual([]);
  }, 300_000);
});
