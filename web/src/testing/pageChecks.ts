// What e2e tests check and wait for on a page: choosing a control, settling, user wording, phone width and
// axe-core accessibility. Re-exported by e2e.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCHEMA_WORDING } from '../../../src/domain/core/messages';
import { formatViolations, type AxeViolation } from './axe-report';

/**
 * Checks a radio or checkbox as a person would (a click) and waits until it shows as checked. Use it instead
 * of Playwright's `check()`: a control whose state lives in the URL (filters, horizons) is re-rendered after
 * the navigation settles, and `check()` reads its state too early ("Clicking the checkbox did not change its
 * state").
 */
export async function choose(control: Locator): Promise<void> {
  // Hold on to this element: clicking may reveal another control with the same label (a conditional reveal).
  const element = await control.elementHandle();
  if (!element) throw new Error(`choose: ${control.toString()} is not on the page`);
  await element.click();
  await expect.poll(() => element.isChecked(), { timeout: 30_000 }).toBe(true);
}

/** Waits until the page has no pending requests and no "Loading…" status. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[role="status"]')].some((el) => /Loading/.test(el.textContent ?? '')),
    undefined,
    {
      timeout: 30_000,
    },
  );
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource: string | undefined;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe rules outside AXE_TAGS that expectAccessible also runs and fails on, whatever their impact. */
export const AXE_EXTRA_RULES = ['region'];

/** Where pages show errors and statuses: the error summary, inline errors, alerts and notification banners. */
const MESSAGE_SELECTOR =
  '.govuk-error-summary, .govuk-error-message, [role="alert"], .govuk-notification-banner, [role="status"]';

/**
 * Fails when any error or status message on the page is in a schema library's words or shows an internal
 * value ("Invalid input: expected number, received NaN", "id: Invalid UUID", "NaN"): users read their own words.
 * Run by expectAccessible on every page the suite checks.
 */
export async function expectUserWording(page: Page, label: string): Promise<void> {
  const texts = await page.locator(MESSAGE_SELECTOR).allInnerTexts();
  const bad = texts.map((t) => t.trim()).filter((t) => SCHEMA_WORDING.test(t));
  if (bad.length) throw new Error(`${label}: messages in schema wording, not the user's:\n  ${bad.join('\n  ')}`);
}

/**
 * Fails when a key figure card's number ("£1,234", "90.6%", the "£1,030.92" of "£1,030.92 a week") is broken
 * across lines or sticks out of its card at the page's current width: a figure is read whole. The number is the
 * figure's text up to its unit in words; its line boxes are counted with a Range, whatever the markup. Run by
 * expectAccessible at the desktop width (1280 px) and by expectFitsPhone at 390 px; pages with no cards pass.
 */
export async function expectFiguresWhole(page: Page, label: string): Promise<void> {
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    for (const value of document.querySelectorAll('.app-key-figure__value')) {
      const text = value.textContent ?? '';
      const figure = /^[−-]?£?[\d.,]+%?/.exec(text)?.[0];
      if (!figure) continue; // "Not available" wraps as words do
      // A Range over the figure's first characters, across however many text nodes hold them.
      const range = document.createRange();
      const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
      let left = figure.length;
      let started = false;
      for (let node = walker.nextNode(); node && left > 0; node = walker.nextNode()) {
        const n = node.textContent?.length ?? 0;
        if (!started) {
          range.setStart(node, 0);
          started = true;
        }
        range.setEnd(node, Math.min(n, left));
        left -= n;
      }
      if (!started) continue;
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const card = value.closest('.app-key-figure') ?? value;
      const box = card.getBoundingClientRect();
      const right = range.getBoundingClientRect().right;
      if (tops.size > 1) out.push(`"${figure}" breaks over ${tops.size} lines`);
      else if (right > box.right + 1)
        out.push(`"${figure}" sticks out of its card by ${Math.round(right - box.right)}px`);
    }
    return out;
  });
  if (broken.length)
    throw new Error(
      `${label}: key figures not whole at ${page.viewportSize()?.width ?? '?'}px:\n  ${broken.join('\n  ')}`,
    );
}

/**
 * Fails when a chart on the page has a label, axis title or legend entry cut off, cut short or overlapping (see
 * {@link chartTextProblems}), at the page's current width; waits up to 10 s for charts still being drawn and
 * measured. Run by expectAccessible at 1280 px and by expectFitsPhone at 390 px; pages with no charts pass.
 */
export async function expectChartsLegible(page: Page, label: string): Promise<void> {
  const hasCharts = await page.locator('figure.app-chart').count();
  if (!hasCharts) return;
  let problems: string[] = [];
  const until = Date.now() + 10_000;
  do {
    problems = await chartTextProblems(page);
    if (problems.length === 0) return;
    await page.waitForTimeout(250);
  } while (Date.now() < until);
  throw new Error(
    `${label}: chart text that does not fit at ${page.viewportSize()?.width ?? '?'}px:\n  ${problems.join('\n  ')}`,
  );
}

/** The narrowest phone the pages must fit (an iPhone 12–15's CSS width). */
export const PHONE_WIDTH = 390;

/**
 * Fails when the page scrolls sideways at PHONE_WIDTH px: wide tables must scroll in their own region, text must
 * wrap. Names the widest elements sticking out; key figures stay whole there too (expectFiguresWhole). Restores
 * the viewport afterwards. Run by expectAccessible.
 */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
  try {
    // Charts and tables measure themselves on resize: give them two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const overflow = await page.evaluate((width) => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= width + 1) return null;
      const sticking = [...document.body.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().right > width + 1,
      );
      const outermost = sticking.filter((el) => !sticking.includes(el.parentElement as Element));
      const culprits = (outermost.length ? outermost : sticking).slice(0, 5).map((el) => {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
        const text = (el.textContent ?? '').trim().slice(0, 40);
        return `<${el.tagName.toLowerCase()}${cls}> ${Math.round(el.getBoundingClientRect().right)}px "${text}"`;
      });
      return { scrollWidth: doc.scrollWidth, culprits };
    }, PHONE_WIDTH);
    if (overflow)
      throw new Error(
        `${label}: the page is ${overflow.scrollWidth}px wide at ${PHONE_WIDTH}px (scrolls sideways on a phone):\n  ${overflow.culprits.join('\n  ')}`,
      );
    await expectFiguresWhole(page, label);
    await expectChartsLegible(page, label);
  } finally {
    if (before) await page.setViewportSize(before);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules, plus the "region" rule: all content inside landmarks) on the
 * page once it has settled; throws with a readable list when there are serious or critical violations, or any
 * violation of the extra rules.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settle(page);
  await expectUserWording(page, label);
  await expectFiguresWhole(page, label);
  await expectChartsLegible(page, label);
  await expectFitsPhone(page, label);
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's Content-Security-Policy (rightly)
  // refuses inline scripts, and the test must run under the same policy as users do.
  if (!hasAxe) await page.evaluate(`${(axeSource ??= readFileSync(AXE_PATH, 'utf8'))}\n;undefined`);
  const violations = (await page.evaluate(
    async ({ tags, extra }) => {
      const axe = (
        window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
      ).axe;
      const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { tags: AXE_TAGS, extra: AXE_EXTRA_RULES },
  )) as AxeViolation[];
  const bad = violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || AXE_EXTRA_RULES.includes(v.id),
  );
  if (bad.length > 0) throw new Error(formatViolations(label, bad));
}

/**
 * The chart texts on the page that do not fit: a tick label or axis title outside its chart's drawing (clipped) or
 * cut to an ellipsis ("Not split by type in the…"), neighbouring x tick labels that overlap, y tick labels over each
 * other, an x axis title over a tick label, or a legend entry sticking out of the chart's box or cut short. Empty
 * when every chart is legible. Each problem names the chart's title and the text. Use with expect.poll: charts draw
 * after the page settles. Run by expectAccessible on every page, at 1280 px and at the phone width.
 */
export async function chartTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const figure of document.querySelectorAll('figure.app-chart')) {
      const title = figure.querySelector('figcaption')?.textContent ?? '(untitled chart)';
      const container = figure.querySelector('.app-chart__plot');
      const svg = [...figure.querySelectorAll('.app-chart__plot svg')].at(-1);
      if (!svg || !container) continue;
      const frame = svg.getBoundingClientRect();
      if (frame.width === 0) continue;
      const rect = (el: Element) => el.getBoundingClientRect();
      // Legends (Plot draws them before the plot's SVG, as HTML swatches or a ramp SVG): every entry inside the
      // chart's box and not cut short.
      const box = rect(container);
      for (const el of container.querySelectorAll('*')) {
        if (el === svg || svg.contains(el)) continue;
        const r = rect(el);
        if (r.width === 0) continue;
        // An entry's own words (a swatch holds its colour's little SVG, then the label as text).
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (!text) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`${title}: legend "${text}" is cut off`);
        else if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
          problems.push(`${title}: legend "${text}" is cut short`);
        else if (/…$/.test(text)) problems.push(`${title}: legend "${text}" is cut to an ellipsis`);
      }
      for (const text of svg.querySelectorAll('text')) {
        const r = rect(text);
        if (r.width === 0) continue;
        if (
          r.left < frame.left - 1 ||
          r.right > frame.right + 1 ||
          r.top < frame.top - 1 ||
          r.bottom > frame.bottom + 1
        )
          problems.push(`${title}: "${text.textContent}" is cut off`);
        else if (/…$/.test((text.textContent ?? '').trim()))
          problems.push(`${title}: "${text.textContent}" is cut to an ellipsis`);
      }
      const yTicks = [...svg.querySelectorAll('[aria-label="y-axis tick label"] text')]
        .map((t) => ({ text: t.textContent, r: rect(t) }))
        .filter((t) => t.r.width > 0)
        .sort((a, b) => a.r.top - b.r.top);
      for (let i = 1; i < yTicks.length; i++) {
        const a = yTicks[i - 1].r;
        const b = yTicks[i].r;
        if (a.bottom > b.top + 1 && a.left < b.right && b.left < a.right)
          problems.push(`${title}: y ticks "${yTicks[i - 1].text}" and "${yTicks[i].text}" overlap`);
      }
      const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')]
        .map((t) => ({ text: t.textContent, r: rect(t) }))
        .filter((t) => t.r.width > 0)
        .sort((a, b) => a.r.left - b.r.left);
      for (let i = 1; i < ticks.length; i++) {
        const a = ticks[i - 1].r;
        const b = ticks[i].r;
        if (a.right > b.left && a.top < b.bottom && b.top < a.bottom)
          problems.push(`${title}: x ticks "${ticks[i - 1].text}" and "${ticks[i].text}" overlap`);
      }
      const xTitle = svg.querySelector('[aria-label="x-axis label"] text');
      if (xTitle) {
        const t = rect(xTitle);
        for (const tick of ticks)
          if (tick.r.left < t.right && t.left < tick.r.right && tick.r.top < t.bottom && t.top < tick.r.bottom)
            problems.push(`${title}: x axis title "${xTitle.textContent}" overlaps "${tick.text}"`);
      }
    }
    return problems;
  });
}
