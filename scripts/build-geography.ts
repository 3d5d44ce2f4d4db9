// Builds data/geography/local-authorities.json, the reference geography Steward ships: every English local
// authority, current and former (back to the 2019–2023 reorganisations), with its tier, the upper-tier
// authority that holds adult social care duties, its successors and every name it is published under.
//
// Run: node --import tsx scripts/build-geography.ts   (reads data/geography/sources/, see its README)
//
// Sources and how each is used:
// - ONS "Local Authority District to County and Unitary Authority (December 2024)": the current districts,
//   unitaries, metropolitan districts and London boroughs, and the county of each current district.
// - ONS LTLA→UTLA (December 2022), LAD→CTY (April 2020, April 2019, December 2018): the county of each former
//   district (the latest vintage holding it wins). mySociety's `county-la` is not used for this: it places Forest
//   Heath (E07000201) in Surrey.
// - mySociety "UK local authorities (past and current)" register: names, start and end dates, successors
//   (`replaced-by`, possibly two), former GSS codes of councils whose code changed, regions; and its name lookup
//   (`lookup_name_to_registry.csv`) for the spellings councils are published under ("Bristol, City of").
//   Its `end-date` is the last day for the 2019 and 2020 abolitions (2019-03-31) but the successor's first day for
//   2021 and 2023 (2021-04-01): both are normalised to `abolishedOn`, the first day the council no longer existed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LocalAuthority, Tier } from '../src/domain/geography/authorities.js';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'data/geography/sources');
const OUT = join(ROOT, 'data/geography/local-authorities.json');

type Row = Record<string, string>;
function csv(file: string): Row[] {
  const text = readFileSync(join(SOURCES, file), 'utf8').replace(/^\uFEFF/, '');
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
}

function tierOf(gss: string): Tier {
  const prefix = gss.slice(0, 3);
  const tier = (
    { E06: 'unitary', E07: 'district', E08: 'metropolitan', E09: 'london_borough', E10: 'county' } as const
  )[prefix as 'E06'];
  if (!tier) throw new Error(`${gss}: not an English local authority code`);
  return tier;
}

/** One council as the app reads it (src/domain/geography/authorities.ts). */
type Out = LocalAuthority;

const register = csv('uk_local_authorities_current.csv').filter(
  (r) => r.nation === 'England' && ['NMD', 'UA', 'MD', 'LBO', 'CTY', 'CC'].includes(r['local-authority-type']),
);
const byRegistry = new Map(register.map((r) => [r['local-authority-code'], r]));
const registerByGss = new Map(register.map((r) => [r['gss-code'], r]));

// Current areas (ONS December 2024).
const current = csv('Local_Authority_to_County_and_Unitary_Authority_(December_2024)_Lookup_in_EW.csv').filter((r) =>
  r.LAD24CD.startsWith('E'),
);
const currentCounty = new Map<string, { code: string; name: string }>();
const onsName = new Map<string, string>();
for (const r of current) {
  onsName.set(r.LAD24CD, r.LAD24NM);
  onsName.set(r.CTYUA24CD, r.CTYUA24NM);
  if (r.CTYUA24CD.startsWith('E10')) currentCounty.set(r.LAD24CD, { code: r.CTYUA24CD, name: r.CTYUA24NM });
}
const currentCodes = new Set([...current.map((r) => r.LAD24CD), ...current.map((r) => r.CTYUA24CD)]);

// Counties of former districts: the latest ONS vintage holding them.
const formerCounty = new Map<string, string>();
const vintages: [string, string, string, string, string][] = [
  ['LAD18_to_CTY18_Dec2018_jtrim_csv023.csv', 'LAD18CD', 'LAD18NM', 'CTY18CD', 'CTY18NM'],
  ['LAD19_to_CTY19_Apr2019_jtrim_csv025.csv', 'LAD19CD', 'LAD19NM', 'CTY19CD', 'CTY19NM'],
  ['LAD20_to_CTY20_Apr2020_jtrim_csv030.csv', 'LAD20CD', 'LAD20NM', 'CTY20CD', 'CTY20NM'],
  [
    'Lower_Tier_Local_Authority_to_Upper_Tier_Local_Authority_(December_2022)_Lookup_in_England_and_Wales.csv',
    'LTLA22CD',
    'LTLA22NM',
    'UTLA22CD',
    'UTLA22NM',
  ],
];
for (const [file, lad, ladName, cty, ctyName] of vintages) {
  for (const r of csv(file)) {
    if (!r[lad].startsWith('E')) continue;
    if (!onsName.has(r[lad])) onsName.set(r[lad], r[ladName]);
    if (r[cty].startsWith('E10')) {
      formerCounty.set(r[lad], r[cty]);
      if (!onsName.has(r[cty])) onsName.set(r[cty], r[ctyName]);
    }
  }
}

// Name spellings from mySociety's lookup, by registry code.
const spellings = new Map<string, Set<string>>();
for (const r of csv('lookup_name_to_registry.csv')) {
  const set = spellings.get(r['local-authority-code']) ?? new Set<string>();
  set.add(r['la-name'].trim());
  spellings.set(r['local-authority-code'], set);
}

function abolishedOn(endDate: string): string | null {
  if (!endDate) return null;
  // "2019-03-31" (last day) → "2019-04-01"; "2021-04-01" (successor's first day) stays.
  const d = new Date(`${endDate}T00:00:00Z`);
  if (d.getUTCMonth() === 2 && d.getUTCDate() === 31) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Spellings that differ by more than letter case, capitalised ones kept ("Plymouth" over "plymouth"). */
function distinctNames(names: Set<string>): string[] {
  const byKey = new Map<string, string>();
  for (const n of [...names].sort()) if (!byKey.has(n.toLowerCase())) byKey.set(n.toLowerCase(), n);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

const out: Out[] = [];
const problems: string[] = [];
for (const r of register) {
  const gss = r['gss-code'];
  if (!/^E(0[6-9]|10)\d{6}$/.test(gss)) {
    problems.push(`${r['local-authority-code']} ${r['official-name']}: GSS code "${gss}" skipped`);
    continue;
  }
  const isCurrent = currentCodes.has(gss);
  const ended = r['end-date'] !== '';
  if (isCurrent === ended)
    problems.push(`${gss} ${r['official-name']}: ONS current=${isCurrent}, register ended=${ended}`);
  const tier = tierOf(gss);
  const successors = r['replaced-by']
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const s = byRegistry.get(c);
      if (!s) throw new Error(`${gss}: successor ${c} not in the register`);
      return s['gss-code'];
    });
  const names = new Set<string>([
    r['official-name'],
    r['nice-name'],
    ...(spellings.get(r['local-authority-code']) ?? []),
  ]);
  for (const n of r['alt-names'].split(',')) if (n.trim()) names.add(n.trim());
  const ons = onsName.get(gss);
  if (ons) names.add(ons);
  out.push({
    gssCode: gss,
    name: ons ?? r['nice-name'],
    officialName: r['official-name'],
    tier,
    region: r.region || null,
    countyGss: tier === 'district' ? (currentCounty.get(gss)?.code ?? formerCounty.get(gss) ?? null) : null,
    startDate: r['start-date'] || null,
    abolishedOn: abolishedOn(r['end-date']),
    successorGss: successors,
    formerGssCodes: r['former-gss-codes']
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    names: distinctNames(names),
  });
}
// Former councils without a region in the register take their (first) successor's.
const byGss = new Map(out.map((a) => [a.gssCode, a]));
for (const a of out) {
  let s: Out | undefined = a;
  while (s && !s.region && s.successorGss.length) s = byGss.get(s.successorGss[0]);
  a.region = s?.region ?? a.region;
}
for (const code of currentCodes)
  if (!registerByGss.has(code)) problems.push(`${code}: current in ONS, not in register`);
for (const a of out) {
  if (a.tier === 'district' && !a.countyGss) problems.push(`${a.gssCode} ${a.name}: district without a county`);
  if (a.abolishedOn && a.successorGss.length === 0) problems.push(`${a.gssCode} ${a.name}: abolished, no successor`);
}
out.sort((a, b) => a.gssCode.localeCompare(b.gssCode));
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      description:
        'English local authorities, current and former. Built by scripts/build-geography.ts from data/geography/sources (see README.md there).',
      authorities: out,
    },
    null,
    1,
  )}\n`,
);
process.stdout.write(
  `${out.length} authorities (${out.filter((a) => !a.abolishedOn).length} current, ${out.filter((a) => a.abolishedOn).length} former) → ${OUT}\n`,
);
