// Reference geography: every English local authority, current and former (the 2019–2023 reorganisations:
// Dorset and BCP, Suffolk, Somerset West and Taunton, Buckinghamshire, Northamptonshire, Cumbria, North
// Yorkshire, Somerset), its tier, the upper-tier authority that holds adult social care duties, and its
// successors. Data: data/geography/local-authorities.json, built by scripts/build-geography.ts from the ONS
// lookups and mySociety's register (attribution in data/geography/README.md). Pure lookups, no I/O.
import { distance } from 'fastest-levenshtein';
import register from '../../../data/geography/local-authorities.json' with { type: 'json' };

/** The five kinds of English principal council. The City of London Corporation counts as a London borough. */
export type Tier = 'county' | 'district' | 'unitary' | 'metropolitan' | 'london_borough';

export const TIER_LABELS: Record<Tier, string> = {
  county: 'County council',
  district: 'District council',
  unitary: 'Unitary authority',
  metropolitan: 'Metropolitan district',
  london_borough: 'London borough',
};

export interface LocalAuthority {
  /** ONS GSS code (E06 unitary, E07 district, E08 metropolitan district, E09 London borough, E10 county). */
  gssCode: string;
  /** ONS name ("Plymouth", "Bristol, City of", "County Durham"). */
  name: string;
  /** The council's own name ("Plymouth City Council"). */
  officialName: string;
  tier: Tier;
  region: string | null;
  /** Districts only: the county council over it (the one with adult social care duties). */
  countyGss: string | null;
  startDate: string | null;
  /** First day the council no longer existed (ISO date); null while current. */
  abolishedOn: string | null;
  /** The councils that took over its area on abolition (one or two). */
  successorGss: string[];
  /** Codes this same council was known by before a code change (e.g. Gateshead E08000020). */
  formerGssCodes: string[];
  /** Every spelling it is published under (ONS, CQC, GOV.UK...). */
  names: string[];
}

/**
 * Every English council, current and former, from the shipped ONS register (data/geography/local-authorities.json).
 */
export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = (register as { authorities: LocalAuthority[] }).authorities;

const BY_CODE = new Map<string, LocalAuthority>();
for (const a of LOCAL_AUTHORITIES) BY_CODE.set(a.gssCode, a);
for (const a of LOCAL_AUTHORITIES) for (const f of a.formerGssCodes) if (!BY_CODE.has(f)) BY_CODE.set(f, a);

export const GSS_CODE = /^[EWSNK]\d{8}$/;

/**
 * The authority with this GSS code, current or former; a code retired by a code change (Gateshead's E08000020,
 * Northumberland's E06000048, four Hertfordshire districts in 2020) gives the same council under its current code.
 */
export function authorityByCode(gss: string): LocalAuthority | undefined {
  return BY_CODE.get(gss.trim().toUpperCase());
}

/**
 * A name reduced to what identifies it: lower case, "&" as "and", punctuation and spacing collapsed, "St." as
 * "st". "Bristol, City of" → "bristol city of".
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PREFIXES = /^(the |london borough of |royal borough of |borough of |city and county of |city of |county of )+/;
const SUFFIXES =
  / (metropolitan borough council|metropolitan district council|borough council|district council|county council|city council|council|ua|city of|county of|metropolitan borough|borough|district|city)$/;

/** A looser key: council words dropped ("Plymouth City Council" → "plymouth", "Bristol, City of" → "bristol"). */
export function looseName(name: string): string {
  let k = normaliseName(name);
  for (let i = 0; i < 3; i++) k = k.replace(PREFIXES, '').replace(SUFFIXES, '').trim();
  return k;
}

function indexBy(key: (n: string) => string): Map<string, LocalAuthority[]> {
  const m = new Map<string, LocalAuthority[]>();
  for (const a of LOCAL_AUTHORITIES)
    for (const n of new Set([a.name, a.officialName, ...a.names].map(key))) {
      if (!n) continue;
      const list = m.get(n) ?? [];
      list.push(a);
      m.set(n, list);
    }
  return m;
}
const BY_NAME = indexBy(normaliseName);
const BY_LOOSE_NAME = indexBy(looseName);

/** Of several councils under one spelling ("Somerset"), the current one; otherwise the latest abolished. */
function preferred(list: readonly LocalAuthority[] | undefined): LocalAuthority | undefined {
  if (!list?.length) return undefined;
  return [...list].sort((a, b) => (b.abolishedOn ?? '9999').localeCompare(a.abolishedOn ?? '9999'))[0];
}

/**
 * The authority published under this name: exact spellings first ("Somerset County Council" is the former
 * county, E10000027), then with council words dropped; where a spelling is shared by a former and a current
 * council ("Somerset", "North Yorkshire") the current council. Undefined when nothing matches.
 */
export function authorityByName(name: string): LocalAuthority | undefined {
  return preferred(BY_NAME.get(normaliseName(name))) ?? preferred(BY_LOOSE_NAME.get(looseName(name)));
}

/** By GSS code (current or former) or by name. */
export function findAuthority(codeOrName: string): LocalAuthority | undefined {
  const q = codeOrName.trim();
  return GSS_CODE.test(q.toUpperCase()) ? authorityByCode(q) : authorityByName(q);
}

/**
 * The `limit` authorities whose code or name is closest to the query (Levenshtein distance on the loose
 * name, or on the code when the query looks like one), current councils before former ones at equal distance.
 */
export function closestAuthorities(query: string, limit = 5): LocalAuthority[] {
  const q = query.trim();
  const byCode = /^[A-Za-z]\d{3,}/.test(q);
  const key = byCode ? q.toUpperCase() : looseName(q);
  const scored = LOCAL_AUTHORITIES.map((a) => {
    const candidates = byCode
      ? [a.gssCode, ...a.formerGssCodes]
      : [a.name, a.officialName, ...a.names].map(looseName).filter(Boolean);
    let best = Infinity;
    for (const c of candidates) {
      // A name that starts with the query ("Plym") is as close as can be.
      const d = !byCode && c.startsWith(key) && key.length >= 3 ? 0 : distance(key, c);
      if (d < best) best = d;
    }
    return { a, d: best };
  });
  scored.sort(
    (x, y) => x.d - y.d || Number(!!x.a.abolishedOn) - Number(!!y.a.abolishedOn) || x.a.name.localeCompare(y.a.name),
  );
  return scored.slice(0, limit).map((s) => s.a);
}

/**
 * The current councils now covering a council's area: itself while current; otherwise its successors, followed
 * through later reorganisations (Taunton Deane → Somerset West and Taunton → Somerset). Empty for an unknown code.
 */
export function currentSuccessors(gss: string): LocalAuthority[] {
  const a = authorityByCode(gss);
  if (!a) return [];
  if (!a.abolishedOn) return [a];
  const out = new Map<string, LocalAuthority>();
  for (const s of a.successorGss) for (const c of currentSuccessors(s)) out.set(c.gssCode, c);
  return [...out.values()];
}

/**
 * The upper-tier authority of a council: the one with adult social care duties. A district's county; any other
 * council itself (counties, unitaries, metropolitan districts, London boroughs, the City of London, the Isles of
 * Scilly all hold the duties themselves).
 */
export function upperTierOf(a: LocalAuthority): LocalAuthority {
  if (a.tier !== 'district') return a;
  const county = a.countyGss ? authorityByCode(a.countyGss) : undefined;
  if (!county) throw new Error(`${a.gssCode} ${a.name}: district without a county in the reference geography`);
  return county;
}

/**
 * The current councils with adult social care duties for a council's area (one, or two where a county was split:
 * Cumbria → Cumberland, Westmorland and Furness; Northamptonshire → North and West Northamptonshire).
 */
export function currentCareAuthorities(gss: string): LocalAuthority[] {
  const out = new Map<string, LocalAuthority>();
  for (const c of currentSuccessors(gss)) {
    const u = upperTierOf(c);
    out.set(u.gssCode, u);
  }
  return [...out.values()];
}

/** The current districts of a county (empty for any other council). */
export function districtsOf(countyGss: string): LocalAuthority[] {
  const county = authorityByCode(countyGss);
  if (!county || county.tier !== 'county') return [];
  return LOCAL_AUTHORITIES.filter((a) => !a.abolishedOn && a.tier === 'district' && a.countyGss === county.gssCode);
}

/**
 * Do two councils' areas overlap, judged by the current councils with adult social care duties covering each?
 * Cumbria and Cumberland overlap (Cumberland is half of Cumbria); Exeter and Devon overlap; Devon and Plymouth do
 * not. Unknown codes (e.g. the demo borough's) overlap only themselves.
 */
export function areasOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const left = new Set(currentCareAuthorities(a).map((x) => x.gssCode));
  return currentCareAuthorities(b).some((x) => left.has(x.gssCode));
}

/**
 * Every code, current or former, under which places in a current council's area may have been recorded: the
 * council itself, its former codes, the councils it succeeded (and theirs), and for a county or a unitary that
 * replaced a two-tier area its districts, current and former. Used to filter locations by council (`?la=`).
 * An unknown code gives just itself.
 */
export function codesCovering(gss: string): string[] {
  const target = authorityByCode(gss);
  if (!target) return [gss];
  const care = new Set(currentCareAuthorities(target.gssCode).map((x) => x.gssCode));
  const out = new Set<string>([gss, target.gssCode, ...target.formerGssCodes]);
  for (const a of LOCAL_AUTHORITIES) {
    const mine = currentCareAuthorities(a.gssCode);
    if (target.tier === 'district' || (target.abolishedOn && target.successorGss.length)) {
      // A district, or a former council: the councils whose current area is inside or equal to its own.
      if (
        currentSuccessors(a.gssCode).some((s) => currentSuccessors(target.gssCode).some((t) => t.gssCode === s.gssCode))
      )
        out.add(a.gssCode);
    } else if (mine.some((m) => care.has(m.gssCode))) out.add(a.gssCode);
    if (out.has(a.gssCode)) for (const f of a.formerGssCodes) out.add(f);
  }
  return [...out].sort();
}

/**
 * Is the first council's area inside the second's? True when every current council with adult social care
 * duties for the first is one of the second's (Exeter is within Devon; Allerdale within Cumberland; Cumbria is
 * not within Cumberland, being split). Unknown codes are within only themselves.
 */
export function withinArea(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const o = new Set(currentCareAuthorities(outer).map((x) => x.gssCode));
  const i = currentCareAuthorities(inner);
  return i.length > 0 && i.every((x) => o.has(x.gssCode));
}

/**
 * The GSS code to record for a council named in a published file (CQC's `Local authority` column): the named
 * council's own code, or its successor's when it has been abolished and one council took over its whole area
 * ("Aylesbury Vale" → Buckinghamshire E06000060). A council split in two (Cumbria) keeps its own code. Null for a
 * name that is not an English council.
 */
export function gssForPublishedName(name: string): string | null {
  const a = authorityByName(name);
  if (!a) return null;
  if (!a.abolishedOn) return a.gssCode;
  const now = currentSuccessors(a.gssCode);
  return now.length === 1 ? now[0].gssCode : a.gssCode;
}

/**
 * The sets of other areas that together make up exactly a council's area, for adding up figures published only
 * for them: a county's current districts; and for a council created since 2019 the councils it replaced, other than
 * counties (Cumberland: Allerdale, Carlisle, Copeland; Bournemouth, Christchurch and Poole: Bournemouth, Poole,
 * Christchurch). Empty for a council with no such parts (a London borough, an unchanged unitary).
 */
export function constituentAreas(gss: string): string[][] {
  const council = authorityByCode(gss);
  if (!council || council.abolishedOn) return [];
  const out: string[][] = [];
  const districts = districtsOf(council.gssCode).map((d) => d.gssCode);
  if (districts.length) out.push(districts);
  const replaced = LOCAL_AUTHORITIES.filter(
    (a) =>
      a.tier !== 'county' &&
      a.abolishedOn !== null &&
      a.abolishedOn === council.startDate &&
      a.successorGss.length === 1 &&
      a.successorGss[0] === council.gssCode,
  ).map((a) => a.gssCode);
  if (replaced.length) out.push(replaced);
  return out;
}
