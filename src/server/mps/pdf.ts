// Prints a published edition of the Market Position Statement to a tagged PDF with headless Chromium (playwright-core
// driving Debian's /usr/bin/chromium): it opens the public print page of that edition (the same React pages the
// public reads, every section on one page) and saves it as an A4 PDF with a document outline and structure tags.
// An edition never changes, so each PDF is made once and kept in memory; concurrent requests share one print.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';

/** Why a PDF cannot be printed on this machine, or null when it can. */
export function pdfUnavailableReason(): string | null {
  if (!existsSync(CHROMIUM_PATH))
    return `Chromium is not installed at ${CHROMIUM_PATH} (install Debian's chromium package, or set STEWARD_CHROMIUM), so the statement cannot be printed to PDF. Read it at /market-position-statement instead.`;
  return null;
}

/** How long Chromium may take to load and print one statement (ms). */
const PRINT_TIMEOUT_MS = 60_000;

/**
 * Opens `url` (the print page of one edition) in headless Chromium, waits until the page marks itself ready
 * (`data-print-ready` on the statement, set once every section and chart has rendered) and prints it.
 * @returns the PDF bytes (A4, tagged, with an outline of the headings, page numbers in the footer).
 * @throws Error when Chromium fails or the page does not become ready within a minute.
 */
export async function printPdf(url: string, footerTitle: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(url, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    await page.waitForSelector('[data-print-ready="true"]', { timeout: PRINT_TIMEOUT_MS });
    const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family: arial, sans-serif; font-size: 8px; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escape(footerTitle)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    });
  } finally {
    await browser.close();
  }
}

/** Printed PDFs by edition key, and prints in progress (so ten requests at once start one Chromium). */
export class PdfCache {
  private readonly done = new Map<string, Buffer>();
  private readonly running = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 8) {}

  /** The PDF for `key`, printing it with `make` the first time. A failed print is not cached. */
  async get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.done.get(key);
    if (hit) return hit;
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const job = make()
      .then((pdf) => {
        this.done.set(key, pdf);
        while (this.done.size > this.capacity) this.done.delete(this.done.keys().next().value!);
        return pdf;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, job);
    return job;
  }
}
