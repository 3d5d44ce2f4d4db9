// Charts stay legible at a desktop and a phone width (fresh-user review 15): no tick label or axis title cut off,
// no overlapping x tick labels, no axis title over a tick label — on the charts the review found at fault
// (price by quarter on the MPS market section, the four BCF metrics, BCF demand and capacity rows, market
// occupancy by month).
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, chartTextProblems, describeE2E, newPage, settle, signIn, useSteward } from '../testing/e2e';

describeE2E('charts fit their labels', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('draws every chart on the pages the review named with nothing clipped or overlapping', async () => {
    const base = e2e.steward.baseUrl;
    const visits = [
      { role: 'bcf_lead', paths: ['/bcf/metrics', '/bcf/demand-capacity'] },
      { role: 'commissioner', paths: ['/mps/sections/market', '/market'] },
    ] as const;
    for (const { role, paths } of visits) {
      const { page } = await newPage(e2e.browser);
      await signIn(page, base, DEMO_ACCOUNTS[role].email, DEMO_ACCOUNTS[role].password);
      // The review's BCF charts are the joint plan's (three places, with metric plans and demand and capacity):
      // the borough's own plan, the default, is opened by its id.
      let query = '';
      if (role === 'bcf_lead') {
        const plans = (await (await page.request.get(`${base}/api/bcf/plans`)).json()) as {
          plans: { id: string; places: string[] }[];
        };
        query = `?plan=${plans.plans.find((p) => p.places.length > 1)!.id}`;
      }
      for (const width of [1280, 390])
        for (const path of paths) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${base}${path}${query}`);
          await settle(page);
          await page.locator('figure.app-chart svg').first().waitFor();
          await expect.poll(() => chartTextProblems(page), { timeout: 30_000 }).toEqual([]);
        }
      await page.close();
    }
  });
});
