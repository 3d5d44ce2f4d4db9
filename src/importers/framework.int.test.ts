import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { getSetting, putSetting } from '../db/core/settings.js';
import { describeWithDatabases } from '../db/testing.js';
import { type Importer, ImportRejected, runImport, textSource } from './framework.js';
import { mapHeader, readAllCsv } from './csv.js';

/** A tiny importer of "key,value" rows into settings, used to exercise the framework's guarantees. */
const settingsImporter: Importer<{ key: string; value: number }> = {
  kind: 'test-settings',
  label: 'Test settings',
  formats: ['csv'],
  source: 'This test',
  description: 'key,value rows',
  async parse(source) {
    const [header, ...records] = await readAllCsv(source);
    const { index, issues } = mapHeader(
      header.values,
      { key: { names: ['key'] }, value: { names: ['value'] } },
      header.line,
    );
    const rows = [];
    for (const r of records) {
      const value = Number(r.values[index.value]);
      if (!Number.isFinite(value))
        issues.push({ line: r.line, field: 'value', message: `"${r.values[index.value]}" is not a number` });
      else rows.push({ key: r.values[index.key], value });
    }
    return { rows, issues };
  },
  async write(db, rows, ctx) {
    for (const row of rows) {
      if (row.key === 'explode') throw new Error('write failed part-way');
      await putSetting(db, row.key, row.value);
    }
    return { kind: 'test-settings', fileName: ctx.fileName, rowsRead: rows.length, created: rows.length, messages: [] };
  },
};

describeWithDatabases('runImport', (ctx) => {
  it('rejects a file with any bad row, lists every problem with line and field, and writes nothing', async () => {
    const text = 'key,value\nalpha,1\nbeta,two\ngamma,3\ndelta,four\n';
    const err = await runImport(ctx.db, settingsImporter, textSource('bad.csv', text), {
      actor: { system: 'test' },
      options: {},
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      { line: 3, field: 'value', message: '"two" is not a number' },
      { line: 5, field: 'value', message: '"four" is not a number' },
    ]);
    expect(await getSetting(ctx.db, 'alpha')).toBeNull();
  });

  it('writes a valid file in one transaction with an audit entry, and rolls back entirely if writing fails', async () => {
    const ok = await runImport(ctx.db, settingsImporter, textSource('good.csv', 'key,value\nalpha,1\nbeta,2\n'), {
      actor: { system: 'test' },
      options: {},
    });
    expect(ok.rowsRead).toBe(2);
    expect(await getSetting(ctx.db, 'beta')).toBe(2);
    const audit = await queryRows<{ action: string; entity: string; detail: { fileName: string } }>(
      ctx.db,
      sql`select action, entity, detail from audit_log where action = 'import'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'import',
        entity: 'test-settings',
        detail: expect.objectContaining({ fileName: 'good.csv' }),
      }),
    ]);

    await expect(
      runImport(ctx.db, settingsImporter, textSource('half.csv', 'key,value\ngamma,3\nexplode,4\n'), {
        actor: { system: 'test' },
        options: {},
      }),
    ).rejects.toThrow('write failed part-way');
    expect(await getSetting(ctx.db, 'gamma')).toBeNull();
  });
});
