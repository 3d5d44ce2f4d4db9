import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { commandLineActor } from './actor.js';

describe('commandLineActor', () => {
  it('names the command and the operating-system user who ran it', () => {
    expect(commandLineActor('import population', () => 'alice')).toEqual({ system: 'import population (alice)' });
    expect(commandLineActor('import cqc')).toEqual({ system: `import cqc (${os.userInfo().username})` });
  });

  it('names the command alone when no user is known', () => {
    expect(commandLineActor('import rates', () => '')).toEqual({ system: 'import rates' });
    expect(
      commandLineActor('import rates', () => {
        throw new Error('no passwd entry');
      }),
    ).toEqual({ system: 'import rates' });
  });
});
