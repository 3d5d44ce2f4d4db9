// `steward import rates <file>`: the council's usual rates (CSV or XLSX): band, effective from, amount in pounds
// (per week, or per hour for homecare), optional note. Each (band, effective from) is set or corrected; rates
// for other dates are kept (a rate applies until the next one for its band).
import { sql } from 'drizzle-orm';
import { usualRates } from '../db/market/schema.js';
import { parseDateText } from '../domain/core/dates.js';
import { BOUNDS, withinBounds } from '../domain/core/bounds.js';
import { parseMoneyToPence } from '../domain/core/money.js';
import { BAND_LABELS, BANDS, bandUnit, type Band } from '../domain/market/types.js';
import { mapHeader, readAllCsv } from './csv.js';
import type { ImportIssue, Importer } from './framework.js';

export interface RateRow {
  line: number;
  band: Band;
  effectiveFrom: string;
  amountPence: number;
  note: string | null;
}

const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

export const ratesImporter: Importer<RateRow> = {
  kind: 'rates',
  label: 'Usual rates',
  formats: ['csv', 'xlsx'],
  source: "The council's own usual rates",
  description:
    "The council's usual rates (CSV or XLSX): band, effective from, amount (£ a week, or an hour for homecare), note",
  async parse(source) {
    const [header, ...records] = await readAllCsv(source);
    if (!header) return { rows: [], issues: [{ line: null, field: 'file', message: 'the file is empty' }] };
    const { index, issues } = mapHeader(
      header.values,
      {
        band: { names: ['band', 'rate band'] },
        effectiveFrom: { names: ['effective from', 'effective_from', 'from', 'start date'] },
        amount: { names: ['amount', 'amount (£)', 'rate', 'rate (£)', 'amount_gbp', 'weekly rate'] },
        note: { names: ['note', 'notes'], required: false },
      },
      header.line,
    );
    if (issues.length) return { rows: [], issues };
    // Problems name each column as the file heads it ("Weekly rate", "Rate band").
    const heading = (i: number, usual: string) => header.values[i]?.trim() || usual;
    const rows: RateRow[] = [];
    const seen = new Map<string, number>();
    const out: ImportIssue[] = [];
    for (const r of records) {
      const cell = (i: number) => (i >= 0 ? (r.values[i] ?? '').trim() : '');
      const bandRaw = cell(index.band);
      const band = BANDS.find((b) => squash(b) === squash(bandRaw) || squash(BAND_LABELS[b]) === squash(bandRaw));
      if (!band)
        out.push({
          line: r.line,
          field: heading(index.band, 'band'),
          message: `"${bandRaw}" is not a band (${BANDS.join(', ')})`,
        });
      const fromRaw = cell(index.effectiveFrom);
      const effectiveFrom = parseDateText(fromRaw);
      if (!effectiveFrom)
        out.push({
          line: r.line,
          field: heading(index.effectiveFrom, 'effective from'),
          message: `"${fromRaw}" is not a date`,
        });
      const amountRaw = cell(index.amount);
      const amountPence = parseMoneyToPence(amountRaw);
      if (amountPence === null || amountPence === 0)
        out.push({
          line: r.line,
          field: heading(index.amount, 'amount'),
          message: `"${amountRaw}" is not an amount in pounds above 0`,
        });
      else if (!withinBounds(amountPence, BOUNDS.weeklyPricePence))
        out.push({
          line: r.line,
          field: heading(index.amount, 'amount'),
          message: `"${amountRaw}" is more than £${(BOUNDS.weeklyPricePence.max / 100).toLocaleString('en-GB')} a week, the most Steward accepts`,
        });
      if (!band || !effectiveFrom || !amountPence || !withinBounds(amountPence, BOUNDS.weeklyPricePence)) continue;
      const k = `${band}|${effectiveFrom}`;
      if (seen.has(k)) {
        out.push({
          line: r.line,
          field: heading(index.band, 'band'),
          message: `${band} from ${effectiveFrom} is repeated (first on line ${seen.get(k)})`,
        });
        continue;
      }
      seen.set(k, r.line);
      rows.push({ line: r.line, band, effectiveFrom, amountPence, note: cell(index.note) || null });
    }
    if (!out.length && !rows.length)
      out.push({ line: null, field: 'file', message: 'the file has no rates after the header' });
    return { rows: out.length ? [] : rows, issues: out };
  },
  async write(db, rows, ctx) {
    const written = await db
      .insert(usualRates)
      .values(
        rows.map((r) => ({
          band: r.band,
          effectiveFrom: r.effectiveFrom,
          amountPence: r.amountPence,
          unit: bandUnit(r.band),
          note: r.note,
        })),
      )
      .onConflictDoUpdate({
        target: [usualRates.band, usualRates.effectiveFrom],
        set: { amountPence: sql.raw('excluded.amount_pence'), note: sql.raw('excluded.note') },
        setWhere: sql`${usualRates.amountPence} is distinct from excluded.amount_pence or ${usualRates.note} is distinct from excluded.note`,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const created = written.filter((w) => w.inserted).length;
    const updated = written.length - created;
    return {
      kind: 'rates',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created,
      updated,
      unchanged: rows.length - written.length,
      messages: [
        `${rows.length} usual rates read: ${created} new, ${updated} corrected, ${rows.length - written.length} unchanged`,
      ],
    };
  },
};
