// The Market Position Statement end to end: a commissioner edits two sections, sends one for review and publishes an
// edition; an anonymous browser reads it at /market-position-statement, downloads the PDF (its text checked with
// pdftotext) and the opportunities list; a procurement added afterwards shows in the draft but not in the published
// edition until the next publication. Every page is checked with axe-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward, choose } from '../testing/e2e';
import { formatNumber } from '../components/format';
import type { DraftResponse, PublicOpportunities, PublicStatement } from './types';

const PDFTOTEXT = '/usr/bin/pdftotext';

describeE2E('market position statement', () => {
  const e2e = useSteward();

  it('is edited, reviewed and published by a commissioner and read, printed and downloaded by anyone', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    const { email, password } = DEMO_ACCOUNTS.commissioner;
    await signIn(page, base, email, password);

    // The draft: every section with its status.
    await page.goto(`${base}/mps`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Market Position Statement');
    await expectAccessible(page, 'MPS draft');

    // Edit "What the council wants" in carers' support.
    const carersLine = '- A carers’ strategy written with carers in 2027';
    await page.getByRole('link', { name: "Carers' support" }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Carers' support");
    await expectAccessible(page, 'MPS section editor');
    const aspirations = page.getByLabel('What the council wants');
    await aspirations.fill(`${await aspirations.inputValue()}\n\n${carersLine}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Your changes have been saved').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Draft', { exact: true }).first().isVisible()).toBe(true);

    // Review 13, finding 8: unsaved text is not lost without a warning, and an emptied section is not saved unasked.
    await page.goto(`${base}/mps/sections/introduction`);
    await page.locator('main textarea').first().waitFor();
    const introTitle = await page.getByRole('heading', { level: 1 }).textContent();
    const introText = page.locator('main textarea').first();
    const original = await introText.inputValue();
    await introText.fill(`${original}\n\nWords not saved yet.`);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Market Position Statement' })
      .click();
    await expect
      .poll(() => asked)
      .toEqual(['You have changes that have not been saved. Leave this page and lose them?']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(introTitle);
    expect(await introText.inputValue()).toContain('Words not saved yet.');
    await introText.fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/You have removed all the text of .*Saving leaves it empty in the statement/).waitFor();
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save changes' }).isVisible()).toBe(true);
    expect(await page.getByText('Your changes have been saved').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Market Position Statement' })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Market Position Statement');

    // Edit homecare's opportunities and send that section for review.
    const homecareText = 'Provider engagement event for the new homecare model: spring 2027, town hall.';
    await page.goto(`${base}/mps/sections/homecare`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Homecare');
    await page.getByLabel('Opportunities coming up').fill(homecareText);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Your changes have been saved').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => page.getByText('In review', { exact: true }).first().isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText('You sent this section for review: another commissioner must approve it.').isVisible())
      .toBe(true);
    await expectAccessible(page, 'MPS section in review');

    // Publish: the two sections are listed as not approved and must be confirmed.
    await page.goto(`${base}/mps/publish`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Publish an edition');
    await expect.poll(() => page.getByRole('link', { name: 'Homecare' }).isVisible()).toBe(true);
    await expectAccessible(page, 'MPS publish');
    await page.getByLabel('Title of the edition').fill('Market Position Statement: winter refresh');
    await choose(page.getByLabel('Yes, publish the sections that are not approved as they are now'));
    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edition 2 published');
    await expectAccessible(page, 'MPS published');
    expect(errors).toEqual([]);

    // An anonymous reader: no sign-in anywhere.
    const reader = await newPage(e2e.browser);
    const anon = reader.page;
    const res = await anon.goto(`${base}/market-position-statement`);
    expect(res?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    await expect
      .poll(() => anon.getByRole('heading', { level: 1 }).textContent())
      .toBe('Market Position Statement: winter refresh');
    await expect.poll(() => anon.getByText('Edition 2, published').isVisible()).toBe(true);
    await expect.poll(() => anon.getByText('is not a real place.').isVisible()).toBe(true);
    expect(await anon.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
    await expectAccessible(anon, 'public MPS contents');
    const published = (await (await anon.request.get(`${base}/api/mps/public/statement`)).json()) as PublicStatement;
    expect(published.edition.number).toBe(2);

    await anon.getByRole('link', { name: 'Homecare' }).click();
    await expect.poll(() => anon.getByRole('heading', { level: 1 }).textContent()).toBe('Homecare');
    await expect.poll(() => anon.getByText(homecareText).isVisible()).toBe(true);
    await expectAccessible(anon, 'public MPS homecare');
    await anon.goto(`${base}/market-position-statement/carers`);
    await expect.poll(() => anon.getByText(carersLine.slice(2)).isVisible()).toBe(true);
    for (const key of ['area', 'need', 'market', 'spend', 'strategy', 'care_homes']) {
      await anon.goto(`${base}/market-position-statement/${key}`);
      const title = published.statement.sections.find((s) => s.key === key)!.title;
      await expect.poll(() => anon.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await expectAccessible(anon, `public MPS ${key}`);
    }
    // Each chart has its data table and source.
    await anon.goto(`${base}/market-position-statement/market`);
    await expect
      .poll(() => anon.getByText('Care home beds and vacancies by type', { exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() => anon.getByText('Weekly price of new care home placements', { exact: true }).isVisible())
      .toBe(true);
    expect(await anon.locator('figure.app-chart').count()).toBe(2);
    expect(await anon.locator('figure.app-chart details').count()).toBe(2);

    // The PDF: same edition, tagged, with the section headings and the published figures.
    const pdf = await anon.request.get(`${base}/market-position-statement.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-mps-'));
    writeFileSync(path.join(dir, 'mps.pdf'), bytes);
    expect(existsSync(PDFTOTEXT), 'pdftotext is needed: apt-get install poppler-utils').toBe(true);
    execFileSync(PDFTOTEXT, ['-layout', path.join(dir, 'mps.pdf'), path.join(dir, 'mps.txt')]);
    const text = readFileSync(path.join(dir, 'mps.txt'), 'utf8').replace(/\s+/g, ' ');
    for (const s of published.statement.sections) expect(text).toContain(s.title);
    expect(text).toContain('Market Position Statement: winter refresh');
    expect(text).toContain(homecareText);
    const market = published.statement.sections.find((s) => s.kind === 'market')!;
    // The market chapter of the PDF carries the edition's figures (labels may wrap around their values).
    const chapter = text.slice(text.lastIndexOf('The current market'), text.lastIndexOf('Spend'));
    for (const key of ['care_homes', 'registered_beds', 'vacant_accepting', 'homecare_agencies']) {
      const f = market.figures.find((x) => x.key === key)!;
      expect(chapter).toContain(formatNumber(f.value));
      expect(chapter).toContain(f.label.split(' ').slice(0, 2).join(' '));
    }
    const tagged = execFileSync('/usr/bin/pdfinfo', [path.join(dir, 'mps.pdf')]).toString();
    expect(tagged).toMatch(/Tagged:\s+yes/);

    // The opportunities list and its CSV download.
    await anon.goto(`${base}/opportunities`);
    await expect.poll(() => anon.getByRole('heading', { level: 1 }).textContent()).toBe('Opportunities coming up');
    await expectAccessible(anon, 'public opportunities');
    const opportunities = (await (
      await anon.request.get(`${base}/api/mps/public/opportunities`)
    ).json()) as PublicOpportunities;
    const [download] = await Promise.all([
      anon.waitForEvent('download'),
      anon.getByRole('button', { name: 'Download the opportunities as CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Opportunity');
    expect(lines).toHaveLength(opportunities.opportunities.length + 1);
    expect(csv).toContain(opportunities.opportunities[0].title);

    // A procurement added to the pipeline shows in the draft, not in the published edition.
    const session = await (await page.request.get(`${base}/api/auth/session`)).json();
    const draft = (await (await page.request.get(`${base}/api/mps/draft`)).json()) as DraftResponse;
    const contracts = await (await page.request.get(`${base}/api/contracts/contracts?serviceArea=extra_care`)).json();
    const contract = contracts.contracts.find((c: { status: string }) => c.status === 'live');
    const title = 'Extra care housing: new scheme at Mill Lane';
    const today = draft.statement.asAt;
    const year = Number(today.slice(0, 4)) + 1;
    const created = await page.request.post(`${base}/api/contracts/procurements`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: {
        contractId: contract.id,
        title,
        route: 're_tender',
        leadOfficer: null,
        stages: [
          {
            stage: 'market_engagement',
            plannedStart: `${year}-02-01`,
            plannedEnd: `${year}-03-15`,
            actualStart: null,
            actualEnd: null,
          },
          {
            stage: 'tender_published',
            plannedStart: `${year}-04-01`,
            plannedEnd: `${year}-05-15`,
            actualStart: null,
            actualEnd: null,
          },
          {
            stage: 'go_live',
            plannedStart: `${year}-10-01`,
            plannedEnd: `${year}-10-01`,
            actualStart: null,
            actualEnd: null,
          },
        ],
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${base}/mps/sections/extra_care`);
    await expect.poll(() => page.getByRole('cell', { name: title }).isVisible(), { timeout: 30_000 }).toBe(true);
    // The comparison of the published edition with the draft shows it as added, in its section.
    await page.goto(`${base}/mps/compare?from=2&to=draft`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Compare editions');
    await expect.poll(() => page.getByText(`Added: ${title}`).isVisible()).toBe(true);
    await expectAccessible(page, 'MPS comparison');
    await page.goto(`${base}/mps/compare?from=1&to=2`);
    await expect.poll(() => page.getByText(`Added: ${carersLine}`).isVisible()).toBe(true);
    await page.goto(`${base}/mps/preview`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('The whole draft');
    await expectAccessible(page, 'MPS whole draft');

    await anon.goto(`${base}/opportunities`);
    await expect.poll(() => anon.getByRole('heading', { level: 1 }).textContent()).toBe('Opportunities coming up');
    await expectAccessible(anon, 'public opportunities after the procurement');
    expect(await anon.getByRole('cell', { name: title }).count()).toBe(0);
    await anon.goto(`${base}/market-position-statement/extra_care`);
    await expect.poll(() => anon.getByRole('heading', { level: 1 }).textContent()).toBe('Extra care housing');
    expect(await anon.getByRole('cell', { name: title }).count()).toBe(0);
    expect(reader.errors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
