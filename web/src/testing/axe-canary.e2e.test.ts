// The accessibility check's canary: a page with known WCAG failures must fail `expectAccessible`, naming each
// rule, and a small page that meets them must pass. If axe-core stopped loading, ran no rules or had its results
// filtered away, every page of the suite would pass the check by accident: this file fails instead.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, expectAccessible, launchBrowser, newPage } from './e2e';

/** Each known fault, the axe rule that must catch it. */
const BROKEN = `<!doctype html>
<html>
  <head><title>Canary</title></head>
  <body>
    <p>Text outside any landmark.</p>
    <main>
      <h1>Placements</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <input type="text" id="weekly">
      <p style="color:#bbbbbb;background:#ffffff">Weekly price, pale grey on white</p>
      <button></button>
    </main>
  </body>
</html>`;

const FIXED = `<!doctype html>
<html lang="en-GB">
  <head><title>Canary</title></head>
  <body>
    <main>
      <h1>Placements</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Steward">
      <label for="weekly">Weekly price</label>
      <input type="text" id="weekly">
      <p style="color:#0b0c0c;background:#ffffff">Weekly price, black on white</p>
      <button>Save</button>
    </main>
  </body>
</html>`;

describeE2E('the accessibility check catches known violations (canary)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fails a page with an unlabelled field, an image without text, low contrast, no language and loose content', async () => {
    await page.setContent(BROKEN);
    const failure = await expectAccessible(page, 'canary').then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failure, 'expectAccessible passed a page with known violations').not.toBeNull();
    for (const rule of ['label', 'image-alt', 'color-contrast', 'html-has-lang', 'button-name', 'region'])
      expect(failure).toContain(`${rule}:`);
    expect(failure).toMatch(/^canary: \d+ accessibility violations/);
  });

  it('passes the same page with the faults fixed (the check does not fail everything)', async () => {
    await page.setContent(FIXED);
    await expect(expectAccessible(page, 'fixed canary')).resolves.toBeUndefined();
  });
});
