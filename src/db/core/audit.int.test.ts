// The audit log reads as people and records by name, and an update shows each changed field's value before it
// (issue 13: the log showed UUIDs and only the values after a change).
import { expect, it } from 'vitest';
import { describeWithDatabases } from '../testing.js';
import { createLocation, createProvider, updateLocationCommissioning } from '../market/register.js';
import { changedFields, listAudit } from './audit.js';
import { createUser } from './users.js';

describeWithDatabases('audit log', (ctx) => {
  it('names the person and the record, and gives the values before and after an update', async () => {
    const user = await createUser(
      ctx.db,
      {
        email: 'casey@audit.test',
        name: 'Casey Commissioner',
        role: 'commissioner',
        password: 'a long pass phrase 71',
      },
      { system: 'test' },
    );
    const provider = await createProvider(ctx.db, { name: 'Harbourside Care Ltd' }, { system: 'test' });
    const home = await createLocation(
      ctx.db,
      { providerId: provider.id, name: 'Harbourside House', serviceTypes: ['care_home_nursing'], inBorough: true },
      { system: 'test' },
    );
    await updateLocationCommissioning(ctx.db, home.id, { onFramework: true, registeredBeds: 42 }, { userId: user.id });
    const [entry] = await listAudit(ctx.db, { limit: 1, entity: 'location' });
    expect(entry).toMatchObject({
      userName: 'Casey Commissioner',
      userEmail: 'casey@audit.test',
      entityId: home.id,
      entityName: 'Harbourside House',
    });
    expect(entry.detail).toEqual({
      before: { onFramework: home.onFramework, registeredBeds: home.registeredBeds ?? null },
      after: { onFramework: true, registeredBeds: 42 },
    });
    const [created] = await listAudit(ctx.db, { limit: 1, entity: 'provider' });
    expect(created).toMatchObject({ entityName: 'Harbourside Care Ltd', userName: null, userEmail: 'system:test' });
  });

  it('lists only the fields a change altered', () => {
    const at = new Date('2026-04-01T09:00:00Z');
    expect(
      changedFields({ a: 1, b: 'x', c: at, d: null }, { a: 1, b: 'y', c: at, d: undefined, updatedAt: at }),
    ).toEqual({
      before: { b: 'x' },
      after: { b: 'y' },
    });
  });
});
