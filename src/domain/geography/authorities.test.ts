import { describe, expect, it } from 'vitest';
import {
  areasOverlap,
  authorityByCode,
  authorityByName,
  closestAuthorities,
  codesCovering,
  currentCareAuthorities,
  currentSuccessors,
  districtsOf,
  findAuthority,
  gssForPublishedName,
  LOCAL_AUTHORITIES,
  upperTierOf,
  withinArea,
} from './authorities';

const codes = (list: { gssCode: string }[]) => list.map((a) => a.gssCode).sort();

describe('reference geography: the register', () => {
  it('holds every current English council (ONS December 2024: 296 districts and unitaries, 21 counties)', () => {
    const current = LOCAL_AUTHORITIES.filter((a) => !a.abolishedOn);
    expect(current).toHaveLength(317);
    const byTier = Object.fromEntries(
      (['county', 'district', 'unitary', 'metropolitan', 'london_borough'] as const).map((t) => [
        t,
        current.filter((a) => a.tier === t).length,
      ]),
    );
    // 2024: 21 counties, 164 districts, 63 unitaries, 36 metropolitan districts, 33 London boroughs with the City.
    expect(byTier).toEqual({ county: 21, district: 164, unitary: 63, metropolitan: 36, london_borough: 33 });
  });

  it('gives each council its tier and, for districts, the county with adult social care duties', () => {
    const plymouth = authorityByCode('E06000026')!;
    expect(plymouth).toMatchObject({ name: 'Plymouth', tier: 'unitary', region: 'South West', abolishedOn: null });
    expect(upperTierOf(plymouth).gssCode).toBe('E06000026');
    const exeter = authorityByCode('E07000041')!;
    expect(exeter.tier).toBe('district');
    expect(upperTierOf(exeter)).toMatchObject({ gssCode: 'E10000008', name: 'Devon', tier: 'county' });
    expect(authorityByCode('E09000001')).toMatchObject({ name: 'City of London', tier: 'london_borough' });
    expect(authorityByCode('E08000009')).toMatchObject({ name: 'Trafford', tier: 'metropolitan' });
  });

  it('places Forest Heath in Suffolk, not Surrey as the mySociety register says', () => {
    expect(authorityByCode('E07000201')!.countyGss).toBe('E10000029');
  });

  it('resolves codes retired by a code change to the same council', () => {
    expect(authorityByCode('E08000020')?.gssCode).toBe('E08000037'); // Gateshead
    expect(authorityByCode('E06000048')?.gssCode).toBe('E06000057'); // Northumberland
    expect(authorityByCode('E07000097')?.gssCode).toBe('E07000242'); // East Hertfordshire
  });
});

describe('reference geography: successors', () => {
  it('Cumbria (abolished 1 April 2023) → Cumberland and Westmorland and Furness', () => {
    const cumbria = authorityByCode('E10000006')!;
    expect(cumbria).toMatchObject({ tier: 'county', abolishedOn: '2023-04-01' });
    expect(codes(currentSuccessors('E10000006'))).toEqual(['E06000063', 'E06000064']);
    expect(codes(currentSuccessors('E07000026'))).toEqual(['E06000063']); // Allerdale → Cumberland
    expect(codes(currentSuccessors('E07000027'))).toEqual(['E06000064']); // Barrow-in-Furness → W&F
  });

  it('Northamptonshire (abolished 1 April 2021) → North and West Northamptonshire', () => {
    expect(authorityByCode('E10000021')!.abolishedOn).toBe('2021-04-01');
    expect(codes(currentSuccessors('E10000021'))).toEqual(['E06000061', 'E06000062']);
    expect(codes(currentSuccessors('E07000150'))).toEqual(['E06000061']); // Corby
    expect(codes(currentSuccessors('E07000154'))).toEqual(['E06000062']); // Northampton
  });

  it('follows successive reorganisations: Taunton Deane → Somerset West and Taunton → Somerset', () => {
    expect(authorityByCode('E07000190')!.abolishedOn).toBe('2019-04-01'); // end-date 2019-03-31 normalised
    expect(codes(currentSuccessors('E07000190'))).toEqual(['E06000066']);
  });

  it('knows every council created since 2019', () => {
    const created = LOCAL_AUTHORITIES.filter((a) => (a.startDate ?? '') >= '2019-01-01').map(
      (a) => `${a.gssCode} ${a.name}`,
    );
    expect(created.sort()).toEqual([
      'E06000058 Bournemouth, Christchurch and Poole',
      'E06000059 Dorset',
      'E06000060 Buckinghamshire',
      'E06000061 North Northamptonshire',
      'E06000062 West Northamptonshire',
      'E06000063 Cumberland',
      'E06000064 Westmorland and Furness',
      'E06000065 North Yorkshire',
      'E06000066 Somerset',
      'E07000244 East Suffolk',
      'E07000245 West Suffolk',
      'E07000246 Somerset West and Taunton',
    ]);
    for (const a of LOCAL_AUTHORITIES.filter((x) => x.abolishedOn))
      expect(currentSuccessors(a.gssCode).length, a.name).toBeGreaterThan(0);
  });

  it('gives the current councils with adult social care duties for any council', () => {
    expect(codes(currentCareAuthorities('E07000201'))).toEqual(['E10000029']); // Forest Heath → West Suffolk → Suffolk
    expect(codes(currentCareAuthorities('E07000004'))).toEqual(['E06000060']); // Aylesbury Vale → Buckinghamshire
    expect(codes(currentCareAuthorities('E10000023'))).toEqual(['E06000065']); // North Yorkshire CC → NY Council
  });

  it('lists a county’s current districts', () => {
    expect(
      districtsOf('E10000008')
        .map((a) => a.name)
        .sort(),
    ).toEqual([
      'East Devon',
      'Exeter',
      'Mid Devon',
      'North Devon',
      'South Hams',
      'Teignbridge',
      'Torridge',
      'West Devon',
    ]);
    expect(districtsOf('E06000026')).toEqual([]);
  });
});

describe('reference geography: names', () => {
  it('matches the spellings files use, old and new', () => {
    expect(authorityByName('Bristol, City of')?.gssCode).toBe('E06000023');
    expect(authorityByName('Kingston upon Hull, City of')?.gssCode).toBe('E06000010');
    expect(authorityByName('Herefordshire, County of')?.gssCode).toBe('E06000019');
    expect(authorityByName('London Borough of Havering')?.gssCode).toBe('E09000016');
    expect(authorityByName('Royal Borough of Kensington & Chelsea')?.gssCode).toBe('E09000020');
    expect(authorityByName('PLYMOUTH CITY COUNCIL')?.gssCode).toBe('E06000026');
    expect(authorityByName('County Durham')?.gssCode).toBe('E06000047');
    expect(authorityByName('St Helens')?.gssCode).toBe('E08000013');
    expect(authorityByName('Nowhere-on-Sea')).toBeUndefined();
  });

  it('prefers the current council where a former one shared its name, unless the spelling is the former one’s', () => {
    expect(authorityByName('North Yorkshire')?.gssCode).toBe('E06000065');
    expect(authorityByName('Somerset')?.gssCode).toBe('E06000066');
    expect(authorityByName('Somerset County Council')?.gssCode).toBe('E10000027');
  });

  it('records a published name under the council now covering the whole area', () => {
    expect(gssForPublishedName('Cumberland')).toBe('E06000063');
    expect(gssForPublishedName('Buckinghamshire')).toBe('E06000060');
    expect(gssForPublishedName('Aylesbury Vale')).toBe('E06000060');
    expect(gssForPublishedName('Cumbria')).toBe('E10000006'); // split in two: kept
    expect(gssForPublishedName('Eastbrook')).toBeNull();
  });

  it('finds by code or name, and suggests the closest councils for a typo', () => {
    expect(findAuthority('e06000026')?.name).toBe('Plymouth');
    expect(findAuthority('Plymouth')?.gssCode).toBe('E06000026');
    expect(closestAuthorities('Plymuoth', 3)[0].gssCode).toBe('E06000026');
    expect(closestAuthorities('Westmorland', 1)[0].gssCode).toBe('E06000064');
    expect(closestAuthorities('E06000062', 3).map((a) => a.gssCode)).toContain('E06000062');
    expect(closestAuthorities('E0600026', 3).map((a) => a.gssCode)).toContain('E06000026');
  });
});

describe('reference geography: areas', () => {
  it('compares areas, not names', () => {
    expect(areasOverlap('E10000006', 'E06000063')).toBe(true); // Cumbria / Cumberland
    expect(areasOverlap('E07000041', 'E10000008')).toBe(true); // Exeter / Devon
    expect(areasOverlap('E10000008', 'E06000026')).toBe(false); // Devon / Plymouth
    expect(areasOverlap('E09000099', 'E09000099')).toBe(true); // unknown code: itself
    expect(withinArea('E07000041', 'E10000008')).toBe(true);
    expect(withinArea('E10000006', 'E06000063')).toBe(false);
    expect(withinArea('E07000026', 'E06000063')).toBe(true);
  });

  it('lists every code under which places in a council’s area may be recorded', () => {
    const cumberland = codesCovering('E06000063');
    expect(cumberland).toEqual(
      expect.arrayContaining(['E06000063', 'E10000006', 'E07000026', 'E07000028', 'E07000029']),
    );
    expect(cumberland).not.toContain('E07000027'); // Barrow-in-Furness is in Westmorland and Furness
    expect(cumberland).not.toContain('E06000064');
    expect(codesCovering('E06000026')).toEqual(['E06000026']);
    const devon = codesCovering('E10000008');
    expect(devon).toContain('E07000041');
    expect(devon).not.toContain('E06000026');
    expect(codesCovering('E09000099')).toEqual(['E09000099']);
  });
});

describe('choosing the council to serve', () => {
  it('takes a current council with adult social care duties by code or name', async () => {
    const { chooseCouncil } = await import('./council');
    expect(chooseCouncil('E06000026')).toMatchObject({ ok: true, council: { name: 'Plymouth' } });
    expect(chooseCouncil('Devon County Council')).toMatchObject({ ok: true, council: { gssCode: 'E10000008' } });
  });

  it('refuses unknown, abolished and district councils, saying what to use', async () => {
    const { chooseCouncil } = await import('./council');
    const typo = chooseCouncil('Plymuoth');
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.suggestions[0].gssCode).toBe('E06000026');
      expect(typo.message).toMatch(/Closest matches: E06000026 Plymouth \(unitary authority\)/);
    }
    const cumbria = chooseCouncil('Cumbria');
    expect(cumbria.ok).toBe(false);
    if (!cumbria.ok) {
      expect(cumbria.suggestions.map((a) => a.gssCode).sort()).toEqual(['E06000063', 'E06000064']);
      expect(cumbria.message).toMatch(/abolished on 2023-04-01/);
    }
    const exeter = chooseCouncil('E07000041');
    expect(exeter).toMatchObject({ ok: false, suggestions: [{ gssCode: 'E10000008' }] });
    expect(chooseCouncil('E09000099')).toMatchObject({ ok: false }); // the demo borough's invented code
    // An unknown code: current codes of the same kind one or two characters away, never unrelated councils.
    const e99 = chooseCouncil('E06000099');
    expect(e99.ok).toBe(false);
    if (!e99.ok) {
      expect(e99.message).toMatch(/^No English council with adult social care duties has the GSS code E06000099\. /);
      expect(e99.suggestions.length).toBeGreaterThan(0);
      for (const a of e99.suggestions) expect(a.gssCode).toMatch(/^E0600000\d|^E060000\d9$/);
    }
    const far = chooseCouncil('E10999999');
    expect(far).toMatchObject({
      ok: false,
      suggestions: [],
      message:
        'No English council with adult social care duties has the GSS code E10999999. A council’s code is E06 (unitary), E08 (metropolitan), E09 (London) or E10 (county) and six digits, like E06000026 (Plymouth); or give its name',
    });
  });
});
