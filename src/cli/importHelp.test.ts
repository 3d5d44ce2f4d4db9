import { describe, expect, it } from 'vitest';
import { fileFormatWords } from '../importers/framework.js';
import { importers } from '../importers/registry.js';
import { importKindsHelp } from './importHelp.js';

describe('steward import --help: kinds', () => {
  const help = importKindsHelp(importers);
  const lines = help.split('\n');
  const heads = lines.filter((l) => /^ {2}\S/.test(l));

  it('lists every kind once, by its code, its plain label and the file it takes', () => {
    expect(heads).toHaveLength(importers.length);
    for (const i of importers) {
      const head = heads.find((l) => l.startsWith(`  ${i.kind} `));
      expect(head, i.kind).toBeDefined();
      expect(head).toContain(`${i.label}: ${fileFormatWords(i.formats)}`);
    }
    expect(help).toContain('  contracts         Contract register: a CSV or Excel (.xlsx) file');
    expect(help).toContain('  cqc-locations     CQC location records: a JSON file');
  });

  it('puts every label in one column, the longest code (discharge-delays) included', () => {
    const column = (l: string) => l.indexOf(' ', 2) + l.slice(l.indexOf(' ', 2)).search(/\S/);
    const discharge = heads.find((l) => l.startsWith('  discharge-delays '))!;
    expect(column(discharge)).toBe('  discharge-delays  '.length);
    for (const l of heads) expect(column(l), l).toBe(column(discharge));
  });

  it("indents each description and option under the label, with the option's label and hint", () => {
    const population = lines.slice(lines.findIndex((l) => l.startsWith('  population ')));
    const indent = ' '.repeat('  discharge-delays  '.length);
    expect(population[1]).toBe(`${indent}${importers.find((i) => i.kind === 'population')!.description}`);
    expect(population[2]).toMatch(new RegExp(`^${indent}-o source=…  \\S`));
  });
});

describe('fileFormatWords', () => {
  it('names the formats in plain words with the right article', () => {
    expect(fileFormatWords(['csv'])).toBe('a CSV file');
    expect(fileFormatWords(['json'])).toBe('a JSON file');
    expect(fileFormatWords(['xlsx'])).toBe('an Excel (.xlsx) file');
    expect(fileFormatWords(['csv', 'xlsx'])).toBe('a CSV or Excel (.xlsx) file');
    expect(fileFormatWords(['csv', 'xlsx', 'json'])).toBe('a CSV, Excel (.xlsx) or JSON file');
  });
});
