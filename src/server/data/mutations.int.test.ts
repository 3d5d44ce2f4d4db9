// Mutated real files through the Data page's upload: each importer's file in its real published layout, damaged the
// ways files really are (a column deleted or duplicated, garbage in a cell, a row cut short, the file cut off
// part-way, re-encoded as UTF-16 or with stray bytes of another encoding, shuffled JSON). Every upload must either be
// imported (200) or refused whole (422) with problems naming the file and, for each, the line and field or the whole
// file; never a 500, and a refused file leaves every table exactly as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.js';
import { describeWithDatabases } from '../../db/testing.js';
import { createRng, type Rng } from '../../domain/core/random.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'importers', 'fixtures');
const EXAMPLES = path.join(import.meta.dirname, '..', '..', '..', 'data', 'examples', 'plymouth');
/** Tables that change on every request whatever the import does (sessions, rate limits, the audit of sign-ins). */
const VOLATILE = /^(sessions|audit_log|audit_events|login_attempts|rate_limits)$/;
const MUTATIONS_PER_FILE = 10;

const PLACEMENTS = [
  'Package ID,Person reference,Service type,CQC location ID,Provider,Band,Start date,End date,Weekly cost (£),Hours per week,Hourly rate (£),Funding',
  'PK-1001,MOS123456,Residential,1-106956345,,Standard residential,01/04/2025,,"£1,050.00",,,Council',
  'PK-1002,MOS123456,Residential,1-106956345,,Enhanced residential,2025-09-01,,1180.5,,,LA',
  'PK-1003,MOS777001,Nursing,,Park House,Standard nursing,15/06/2024,31/12/2024,1320,,,CHC',
  'PK-1004,MOS777002,Homecare,1-1065243315,,,01/01/2025,,,12.5,24.80,Council',
].join('\r\n');

/** Each importer with a file in its real layout (the first lines of longer files). */
const FILES: { kind: string; name: string; bytes: Buffer; csv: boolean }[] = [
  {
    kind: 'cqc',
    name: 'C02.csv',
    bytes: readFileSync(path.join(FIXTURES, 'cases', 'C02_cqc_current_padded_titles_crlf.csv')),
    csv: true,
  },
  {
    kind: 'cqc-locations',
    name: 'torbay.ndjson',
    bytes: readFileSync(path.join(FIXTURES, 'cqc-api', 'torbay-6-locations.ndjson')),
    csv: false,
  },
  {
    kind: 'cqc-locations',
    name: 'torbay.json',
    bytes: readFileSync(path.join(FIXTURES, 'cqc-api', 'torbay-6-locations.json')),
    csv: false,
  },
  { kind: 'placements', name: 'packages.csv', bytes: Buffer.from(PLACEMENTS), csv: true },
  {
    kind: 'capacity',
    name: 'extract.csv',
    bytes: readFileSync(path.join(FIXTURES, 'capacity-tracker', 'care-home-extract-workforce.csv')),
    csv: true,
  },
  {
    kind: 'capacity',
    name: 'C15.csv',
    bytes: readFileSync(path.join(FIXTURES, 'cases', 'C15_capacity_tracker_extract.csv')),
    csv: true,
  },
  {
    kind: 'population',
    name: 'C05.csv',
    bytes: readFileSync(path.join(FIXTURES, 'cases', 'C05_midyear_wide_2024_sex_90plus.csv')),
    csv: true,
  },
  {
    kind: 'population',
    name: 'snpp.csv',
    bytes: head(readFileSync(path.join(EXAMPLES, 'snpp-2022-plymouth.csv')), 30),
    csv: true,
  },
  {
    kind: 'contracts',
    name: 'C13.csv',
    bytes: readFileSync(path.join(FIXTURES, 'cases', 'C13_contracts_excel_cp1252_pound.csv')),
    csv: true,
  },
  {
    kind: 'contracts',
    name: 'C14.xlsx',
    bytes: readFileSync(path.join(FIXTURES, 'cases', 'C14_contracts_xlsx_float_money.xlsx')),
    csv: false,
  },
  {
    kind: 'discharge-delays',
    name: 'rk9.csv',
    bytes: head(readFileSync(path.join(EXAMPLES, 'trust-RK9-criteria-to-reside.csv')), 40),
    csv: true,
  },
  {
    kind: 'discharge-delays',
    name: 'acute.csv',
    bytes: readFileSync(path.join(FIXTURES, 'discharge', 'acute-discharge-august-2026_EXTRACT_first49rows.csv')),
    csv: true,
  },
  {
    kind: 'postcodes',
    name: 'onspd.csv',
    bytes: readFileSync(path.join(FIXTURES, 'onspd', 'onspd-sample.csv')),
    csv: true,
  },
  {
    kind: 'rates',
    name: 'rates.csv',
    bytes: Buffer.from(
      'Band,Effective from,Amount (£),Note\r\nStandard residential,01/04/2025,"£1,012.00",2025/26\r\nhomecare_hourly,2025-04-01,24.5,\r\n',
    ),
    csv: true,
  },
];

function head(buf: Buffer, lines: number): Buffer {
  return Buffer.from(buf.toString('latin1').split('\n').slice(0, lines).join('\n'), 'latin1');
}

/** Splits CSV text into rows of cells (quotes kept as they are: a mutation may well break them). */
const rowsOf = (text: string) => text.split(/\r?\n/).map((l) => l.split(','));
const joinRows = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
const GARBAGE = [
  '',
  'N/A',
  '#REF!',
  '-1',
  '1e309',
  '99999999999999999999',
  '"',
  '\u0000',
  '😀',
  '=cmd|/c calc',
  'ÿþ',
  '31/02/2025',
  '  ',
  '\uFFFD',
  'null',
];

/** One random mutation of a file; its name says what was done. */
function mutate(rng: Rng, file: { bytes: Buffer; csv: boolean }): { what: string; bytes: Buffer } {
  const text = file.bytes.toString('latin1');
  const kinds = file.csv
    ? [
        'delete-column',
        'duplicate-column',
        'garbage-cell',
        'short-row',
        'cut-off',
        'utf16',
        'stray-bytes',
        'drop-header',
        'swap-rows',
      ]
    : ['cut-off', 'utf16', 'stray-bytes', 'garbage-bytes', 'swap-lines'];
  const what = rng.pick(kinds);
  const rows = rowsOf(text);
  const col = rng.int(0, Math.max(0, (rows[0]?.length ?? 1) - 1));
  switch (what) {
    case 'delete-column':
      return {
        what: `${what} ${col}`,
        bytes: Buffer.from(joinRows(rows.map((r) => r.filter((_, i) => i !== col))), 'latin1'),
      };
    case 'duplicate-column':
      return {
        what: `${what} ${col}`,
        bytes: Buffer.from(joinRows(rows.map((r) => [...r.slice(0, col + 1), ...r.slice(col)])), 'latin1'),
      };
    case 'garbage-cell': {
      const r = rng.int(0, rows.length - 1);
      const g = rng.pick(GARBAGE);
      if (rows[r]) rows[r][Math.min(col, rows[r].length - 1)] = g;
      return { what: `${what} ${r}:${col}=${JSON.stringify(g)}`, bytes: Buffer.from(joinRows(rows), 'utf8') };
    }
    case 'short-row': {
      const r = rng.int(1, Math.max(1, rows.length - 1));
      if (rows[r]) rows[r] = rows[r].slice(0, rng.int(0, rows[r].length - 1));
      return { what: `${what} ${r}`, bytes: Buffer.from(joinRows(rows), 'latin1') };
    }
    case 'cut-off': {
      const at = rng.int(1, file.bytes.length - 1);
      return { what: `${what} at ${at}`, bytes: file.bytes.subarray(0, at) };
    }
    case 'utf16':
      return {
        what,
        bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(file.bytes.toString('utf8'), 'utf16le')]),
      };
    case 'stray-bytes': {
      const at = rng.int(Math.floor(file.bytes.length / 2), file.bytes.length - 1);
      const stray = rng.pick([
        Buffer.from([0x81]),
        Buffer.from([0xc3]),
        Buffer.from([0xa3, 0x31]),
        Buffer.from('é', 'latin1'),
        Buffer.from([0x00]),
      ]);
      return {
        what: `${what} at ${at}`,
        bytes: Buffer.concat([file.bytes.subarray(0, at), stray, file.bytes.subarray(at)]),
      };
    }
    case 'garbage-bytes': {
      const bytes = Buffer.from(file.bytes);
      for (let i = 0; i < 8; i++) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      return { what, bytes };
    }
    case 'drop-header':
      return { what, bytes: Buffer.from(joinRows(rows.slice(1)), 'latin1') };
    case 'swap-rows': {
      const [a, b] = [rng.int(0, rows.length - 1), rng.int(0, rows.length - 1)];
      [rows[a], rows[b]] = [rows[b], rows[a]];
      return { what: `${what} ${a}<->${b}`, bytes: Buffer.from(joinRows(rows), 'latin1') };
    }
    default: {
      const lines = text.split('\n');
      const [a, b] = [rng.int(0, lines.length - 1), rng.int(0, lines.length - 1)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return { what: `swap-lines ${a}<->${b}`, bytes: Buffer.from(lines.join('\n'), 'latin1') };
    }
  }
}

/** Row counts and a checksum of every table, so a refused upload can be shown to have changed nothing. */
async function tableState(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (VOLATILE.test(name) || name.startsWith('__drizzle')) continue;
    const [r] = await queryRows<{ n: number; h: string | null }>(
      db,
      sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from "${name}" t`),
    );
    out[name] = `${r.n}:${r.h ?? ''}`;
  }
  return out;
}

describeWithDatabases('mutated files uploaded on the Data page', (ctx) => {
  let app: FastifyInstance;
  let admin: TestClient;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    admin = await signInAs(app, 'admin');
  });
  afterAll(async () => app.close());

  it('imports each file or refuses it whole with its file, line and field; never a 500, never half-written', async () => {
    const rng = createRng(2026, 'mutated-uploads');
    // The registers other files refer to, so that mutated files which are still valid really import.
    for (const base of [FILES[0], FILES[1]]) {
      const res = await admin.send(
        'POST',
        `/api/data/imports/${base.kind}?fileName=${base.name}`,
        base.bytes,
        'application/octet-stream',
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    let state = await tableState(ctx.db);
    const tally = { imported: 0, refused: 0 };
    for (const file of FILES) {
      for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
        const m = mutate(rng, file);
        const label = `${file.kind} ${file.name} ${m.what}`;
        const res = await admin.send(
          'POST',
          `/api/data/imports/${file.kind}?fileName=${file.name}`,
          m.bytes,
          'application/octet-stream',
        );
        expect([200, 422], `${label}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 200) {
          tally.imported++;
          expect(res.json().summary.fileName, label).toBe(file.name);
          state = await tableState(ctx.db);
          continue;
        }
        tally.refused++;
        expect(res.headers['content-type'], label).toMatch(/application\/problem\+json/);
        const problem = res.json() as { title: string; detail: string; errors: { field: string; message: string }[] };
        expect(problem.title, label).toBe('The file was not imported');
        expect(problem.detail, label).toContain(file.name);
        expect(problem.errors.length, label).toBeGreaterThan(0);
        for (const e of problem.errors) {
          // "line 7: Weekly cost (£)", "line 3", or a whole-file problem ("file", a column's name).
          expect(e.field, label).toMatch(/\S/);
          expect(e.message.trim().length, `${label}: ${JSON.stringify(e)}`).toBeGreaterThan(3);
          expect(e.message, label).not.toMatch(
            /Cannot read prop|undefined is not|is not a function|TypeError|at Object\./,
          );
        }
        expect(await tableState(ctx.db), `${label} wrote something`).toEqual(state);
      }
    }
    // Both outcomes happen: some damage leaves a file readable, most does not.
    expect(tally.refused).toBeGreaterThan(FILES.length * 4);
    expect(tally.imported).toBeGreaterThan(0);
  }, 180_000); // some 140 uploads, each followed by a checksum of every table (about 15 s on a quiet machine)
});
