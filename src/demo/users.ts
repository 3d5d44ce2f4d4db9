// Demo accounts: one per staff role, plus provider users created by the market part. Demo only: the
// password is public, so never load the demo into a live instance with real data.
import type { Role } from '../domain/core/auth.js';
import type { Db } from '../db/client.js';
import { hashPassword } from '../db/core/passwords.js';
import { createUser } from '../db/core/users.js';

export const DEMO_PASSWORD = 'steward-demo';

export const DEMO_STAFF: readonly { email: string; name: string; role: Role }[] = [
  { email: 'commissioner@demo.steward.test', name: 'Chris Commissioner', role: 'commissioner' },
  { email: 'broker@demo.steward.test', name: 'Bola Broker', role: 'broker' },
  { email: 'quality@demo.steward.test', name: 'Quinn Quality', role: 'quality_officer' },
  { email: 'bcf@demo.steward.test', name: 'Bea Better-Care', role: 'bcf_lead' },
  { email: 'viewer@demo.steward.test', name: 'Val Viewer', role: 'viewer' },
];

/** Email of the demo user acting for a provider, from a short slug of the provider's name. */
export function demoProviderEmail(slug: string): string {
  return `${slug}@provider.demo.steward.test`;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

let demoHash: Promise<string> | null = null;
const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

export async function createDemoStaff(db: Db): Promise<void> {
  for (const u of DEMO_STAFF) {
    await createUser(
      db,
      { ...u, password: DEMO_PASSWORD },
      { system: 'demo' },
      { passwordHash: await demoPasswordHash() },
    );
  }
}

export async function createDemoProviderUser(db: Db, providerId: string, providerName: string): Promise<string> {
  const email = demoProviderEmail(slugify(providerName));
  await createUser(
    db,
    // The registered manager is the organisation's approver: they add and remove its staff's accounts.
    {
      email,
      name: `${providerName} manager`,
      role: 'provider',
      providerId,
      password: DEMO_PASSWORD,
      providerApprover: true,
    },
    { system: 'demo' },
    { passwordHash: await demoPasswordHash() },
  );
  return email;
}
