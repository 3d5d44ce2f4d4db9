import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cqcImporter } from './cqc.js';
import { fileSource, textSource } from './framework.js';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cqc', name);

describe('CQC care directory importer: parsing', () => {
  it('reads the current export (BOM, CRLF, 4 title lines, dd/Mon/yyyy dates) and skips health services', async () => {
    const { rows, issues } = await cqcImporter.parse(fileSource(fixture('cqc-directory-2025.csv')), {});
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.cqcLocationId)).toEqual([
      '1-101000001',
      '1-101000002',
      '1-101000003',
      '1-101000004',
      '1-101000006',
      '1-101000007',
    ]);
    const cedar = rows.find((r) => r.cqcLocationId === '1-101000002')!;
    expect(cedar).toMatchObject({
      line: 7,
      name: 'Cedar Court Nursing Home',
      alsoKnownAs: 'Cedar Court',
      address: '45 Hall Lane,Upminster',
      postcode: 'RM14 1AF',
      postcodeDistrict: 'RM14',
      serviceTypes: ['care_home_nursing', 'care_home_residential'],
      specialisms: ['dementia', 'sensory_impairment'],
      serviceUserBands: ['older_people'],
      providerName: 'Cedar Care Group Limited',
      cqcProviderId: '1-201000002',
      localAuthorityGss: 'E09000016',
      cqcLastCheck: '2023-10-02',
    });
    expect(rows.find((r) => r.cqcLocationId === '1-101000004')).toMatchObject({
      serviceTypes: ['supported_living', 'homecare'],
      cqcLastCheck: null,
      specialisms: ['learning_disability'],
    });
    expect(rows.find((r) => r.cqcLocationId === '1-101000007')!.serviceTypes).toEqual(['extra_care', 'homecare']);
    expect(rows.find((r) => r.cqcLocationId === '1-101000006')!.localAuthorityGss).toBe('E09000026');
  });

  it('reads a 2019 export with the older column names and dd/mm/yyyy dates', async () => {
    const { rows, issues } = await cqcImporter.parse(fileSource(fixture('cqc-directory-2019.csv')), {});
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.cqcLocationId, r.postcode, r.cqcLastCheck])).toEqual([
      ['1-101000001', 'RM1 3AB', '2018-03-21'],
      ['1-101000002', 'RM14 1AF', '2018-11-05'],
      ['1-101000009', 'RM13 9YW', '2019-04-30'],
    ]);
  });

  it('refuses a broken file, listing every problem with line and column', async () => {
    const { issues } = await cqcImporter.parse(fileSource(fixture('cqc-directory-broken.csv')), {});
    expect(issues).toEqual([
      { line: 7, field: 'Date of latest check', message: '"31/Feb/2024 - 00:00" is not a real date' },
      { line: 8, field: 'Postcode', message: '"NOT A POSTCODE" is not a UK postcode' },
      { line: 9, field: 'Name', message: 'is empty' },
      { line: 9, field: 'CQC Location ID (for office use only)', message: '"ABC-4" is not a CQC ID (1-nnnnn...)' },
      {
        line: 10,
        field: 'CQC Location ID (for office use only)',
        message: '1-101000001 is repeated (first on line 6)',
      },
    ]);
  });

  it('refuses a file without the Provider name column, naming it', async () => {
    const { issues } = await cqcImporter.parse(fileSource(fixture('cqc-directory-missing-column.csv')), {});
    expect(issues).toEqual([{ line: 5, field: 'Provider name', message: 'header is missing column "Provider name"' }]);
  });

  it('refuses a file in another layout (the Trafford Data Lab care homes file)', async () => {
    const trafford =
      'name,cqc_id,type,address,postcode\n10 Spennithorne Road,1-466088203,Residential homes,"10 Spennithorne Road,Urmston",M41 5BU\n';
    const { issues } = await cqcImporter.parse(textSource('trafford.csv', trafford), {});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 1, field: 'header' });
  });
});
