import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
for (const [name, path] of process.argv.slice(2).map((a) => a.split('='))) {
  await page.goto(`http://127.0.0.1:3118${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/i18-${name}.png`, fullPage: true });
  console.log(name, await page.title());
}
console.log(errors);
await browser.close();
