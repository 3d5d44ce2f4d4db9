// Steward must not depend on the calendar (issue 21): on the moments most likely to break date arithmetic
// (29 February, an hour after the clocks go forward, just after midnight in summer when the London date is a day
// ahead of UTC), the demo is loaded as at that day, the server's and the browser's clocks are set there, and
// every page a commissioner uses is opened: each must show its heading and content, with no error message, no
// uncaught error in the page and no 5xx answer from the API. The capacity planner must show its fitted
// assumptions. `src/demo/calendar.int.test.ts` calls every API operation for a wider spread of dates.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, newPage, settle, signIn, useSteward } from '../testing/e2e';

const MOMENTS = ['2028-02-29T12:00:00Z', '2027-03-28T01:30:00Z', '2027-06-30T23:30:00Z'];

/** Pages by path, with the level-1 heading each shows (a pattern, for pages named after a record). */
const PAGES: [path: string, heading: RegExp][] = [
  ['/', /Steward|Home|Eastbrook/],
  ['/market', /Care market/],
  ['/market/prices', /Prices/],
  ['/market/rates', /Usual rates/],
  ['/market/care-homes', /Care homes/],
  ['/market/vacancies', /Vacancies/],
  ['/market/providers/{provider}', /./],
  ['/market/locations/{location}', /./],
  ['/demand', /Need and demand/],
  ['/demand/rates', /rates/i],
  ['/demand/scenarios', /Scenarios/],
  ['/discharge', /Transfer of Care hub/],
  ['/discharge/referrals/{referral}', /./],
  ['/discharge/metrics', /Flow and delays|metrics/i],
  ['/discharge/d2a', /D2A/],
  ['/capacity-planner', /Capacity planner/],
  ['/contracts', /Contracts and delivery/],
  ['/contracts/register', /Contract register/],
  ['/contracts/register/{contract}', /./],
  ['/contracts/recommissioning', /Recommissioning/],
  ['/contracts/procurements', /Procurement timeline/],
  ['/contracts/kpis', /KPI/],
  ['/contracts/assessments', /assessments/i],
  ['/contracts/delivery-plan', /delivery plan/i],
  ['/contracts/risks', /Risk/],
  ['/contracts/concerns', /concerns/i],
  ['/mps', /Market Position Statement/],
  ['/mps/sections/care_homes', /Care homes/],
  ['/mps/compare?from=1&to=draft', /Compare editions/],
  ['/market-position-statement', /Market Position Statement/],
  ['/market-position-statement/market', /The current market/],
  ['/opportunities', /Opportunities coming up/],
];

async function idsFrom(page: Page, baseUrl: string): Promise<Record<string, string>> {
  const get = async (path: string) => (await page.request.get(`${baseUrl}${path}`)).json();
  const homes = await get('/api/market/care-homes');
  const location = homes.homes?.[0] ?? homes.page?.rows?.[0] ?? homes.rows?.[0];
  const referrals = await get('/api/discharge/referrals?limit=1');
  const contracts = await get('/api/contracts/contracts');
  const providers = await get('/api/market/providers');
  return {
    location: location?.id ?? location?.locationId,
    provider: (providers.providers ?? providers)[0]?.id,
    referral: (referrals.referrals ?? referrals)[0]?.id,
    contract: contracts.contracts[0]?.id,
  };
}

describeE2E('every page across the calendar', () => {
  for (const moment of MOMENTS) {
    describeE2E(`as at ${moment}`, () => {
      const e2e = useSteward({ asAt: moment });

      it('opens every page a commissioner uses, with no error', async () => {
        const { page, errors } = await newPage(e2e.browser);
        const serverErrors: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
        });
        expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).toBe(moment.slice(0, 10));
        await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
        const ids = await idsFrom(page, e2e.steward.baseUrl);
        for (const [template, heading] of PAGES) {
          const path = template.replace(/\{(\w+)\}/, (_, key: string) => {
            if (!ids[key]) throw new Error(`no demo ${key} for ${template} as at ${moment}`);
            return ids[key];
          });
          await page.goto(`${e2e.steward.baseUrl}${path}`);
          await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
          await settle(page);
          const problems = await page.locator('.govuk-error-summary, [data-testid="load-error"]').allTextContents();
          expect(problems, `${path} as at ${moment}`).toEqual([]);
          expect(
            await page.getByText(/Something went wrong|could not be loaded|Sorry, there is a problem/i).count(),
            `${path} as at ${moment}`,
          ).toBe(0);
        }
        await page.goto(`${e2e.steward.baseUrl}/capacity-planner`);
        await page.getByRole('heading', { level: 2, name: 'Assumptions' }).waitFor();
        await page.getByText('How the model was fitted from the hub’s records').click();
        await page.getByRole('table', { name: /Fitted from history/ }).waitFor();
        expect(Number(await page.getByLabel('Beds').nth(1).inputValue())).toBeGreaterThan(0);
        expect(serverErrors).toEqual([]);
        expect(errors).toEqual([]);
      });
    });
  }
});
