// The Market Position Statement part of the demo borough: the commissioners' narrative for every section, written
// by the demo commissioner, sent for review and approved, and one published edition, so the public pages show a
// real statement on a fresh start. Loads after the contracts part (its opportunities come from there).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/core/schema.js';
import { publishEdition } from '../db/mps/editions.js';
import { reviewSection, saveSection } from '../db/mps/narrative.js';
import { sectionDefinition, sectionKeys } from '../domain/mps/outline.js';
import { DEMO_MPS_NARRATIVE } from './mpsContent.js';
import type { DemoPart } from './part.js';
import { DEMO_STAFF } from './users.js';

/** The title of the demo's published edition. */
export function demoEditionTitle(asAt: Date): string {
  const year = asAt.getUTCFullYear();
  return `Market Position Statement ${year} to ${year + 3}`;
}

export const mpsDemoPart: DemoPart = {
  name: 'mps',
  description: 'Market Position Statement narrative, reviewed and approved, and one published edition',
  async load(db: Db, ctx) {
    const commissionerEmail = DEMO_STAFF.find((u) => u.role === 'commissioner')!.email;
    const [commissioner] = await db.select({ id: users.id }).from(users).where(eq(users.email, commissionerEmail));
    const author = commissioner ? { userId: commissioner.id } : { system: 'demo' };
    const keys = sectionKeys();
    for (const [i, key] of keys.entries()) {
      const def = sectionDefinition(key)!;
      const text = DEMO_MPS_NARRATIVE[key] ?? {};
      const edits = def.blocks
        .filter((b) => text[b.key])
        .map((b) => ({ blockKey: b.key, text: text[b.key], baseVersion: 0 }));
      if (edits.length === 0) continue;
      await saveSection(db, author, key, edits);
      await reviewSection(db, author, key, 'sent_for_review', null);
      await reviewSection(db, { system: 'demo' }, key, 'approved', null);
      ctx.progress(i + 1, keys.length + 1);
    }
    const edition = await publishEdition(
      db,
      author,
      { title: demoEditionTitle(ctx.asAt), acknowledgeUnapproved: false },
      ctx.asAt,
    );
    ctx.log(`  Edition ${edition.number} published with ${edition.statement.opportunities.length} opportunities`);
  },
};
