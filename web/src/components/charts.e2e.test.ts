// Charts stay legible at a desktop and a phone width (fresh-user review 15): no tick label or axis title cut off or
// cut to an ellipsis, no overlapping tick labels, no axis title over a tick label, no legend cut off — on the charts
// the review found at fault (price by quarter and beds by type, "Not split by type in the…", on the MPS market
// section, the four BCF metrics, BCF demand and capacity rows, market occupancy by month), on the borough's own
// BCF plan and the joint plan.
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
      // The BCF charts on the borough's own plan (the default, /bcf with no plan chosen: issue 13, its metric plans
      // and demand and capacity come from the demo) and on the joint plan of three places, opened by its id.
      let queries = [''];
      if (role === 'bcf_lead') {
        const plans = (await (await page.request.get(`${base}/api/bcf/plans`)).json()) as {
          plans: { id: string; places: string[] }[];
        };
        queries = ['', `?plan=${plans.plans.find((p) => p.places.length > 1)!.id}`];
      }
      for (const query of queries)
        for (const width of [1280, 390])
          for (const path of paths) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${base}${path}${query}`);
            await settle(page);
            // Every chart the page has, with its data drawn: the default plan's metrics and demand and capacity too.
            await page.locator('figure.app-chart svg').first().waitFor();
            if (role === 'bcf_lead') {
              const charts = page.locator('figure.app-chart');
              expect(await charts.count(), `${path}${query}`).toBeGreaterThanOrEqual(path === '/bcf/metrics' ? 4 : 1);
              expect(await page.locator('.app-chart__empty').count(), `${path}${query}: charts with no data`).toBe(0);
            }
            await expect.poll(() => chartTextProblems(page), { timeout: 30_000 }).toEqual([]);
          }
      await page.close();
    }
  });
});
