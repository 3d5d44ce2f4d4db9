// Who ran a command, for the audit trail and the Data page's "By" column.
import os from 'node:os';
import type { AuditActor } from '../db/core/audit.js';

/**
 * The actor of a command run from the command line: the command and the operating-system user who ran it
 * ("import population (alice)", shown on the Data page as "command line: import population (alice)"). The user
 * comes from os.userInfo(), else $USER or $USERNAME; a command run with no known user is named alone.
 */
export function commandLineActor(command: string, user: () => string = osUser): AuditActor {
  let name = '';
  try {
    name = user().trim();
  } catch {
    name = '';
  }
  return { system: name ? `${command} (${name})` : command };
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
