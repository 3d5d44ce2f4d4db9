// The council this Steward instance serves: set up once on an empty database (`steward setup`, or the "Your
// council" page), from the reference geography. Stored in settings under `borough` (see settings.ts).
import { inArray, not, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { codesCovering, type LocalAuthority, withinArea } from '../../domain/geography/authorities.js';
import { locations } from '../market/schema.js';
import { type AuditActor, recordAudit } from './audit.js';
import { type BoroughSetting, getBorough, putBorough } from './settings.js';
import { createUser, type UserView } from './users.js';

/** Set-up refused: the database already serves a council (or holds the demo borough). */
export class SetupRefused extends Error {}

/** The borough setting for a real council from the ONS register (name, GSS code; not synthetic). */
export function boroughFor(council: LocalAuthority): BoroughSetting {
  return {
    name: council.name,
    gssCode: council.gssCode,
    synthetic: false,
    officialName: council.officialName,
    tier: council.tier,
  };
}

/**
 * Sets up an empty database for a real council: records the council and creates the first administrator, in one
 * transaction. Throws SetupRefused when a council (or the demo borough) is already recorded, and InputError
 * (field errors) for a bad administrator email or password.
 */
export async function setUpCouncil(
  db: Db,
  council: LocalAuthority,
  admin: { email: string; name: string; password: string },
  actor: AuditActor,
): Promise<{ borough: BoroughSetting; admin: UserView }> {
  return db.transaction(async (tx) => {
    const current = await getBorough(tx);
    if (current?.synthetic)
      throw new SetupRefused(
        `This database holds the demo borough (${current.name}). Set up a council on an empty database: choose another STEWARD_DATA_DIR or DATABASE_URL.`,
      );
    if (current)
      throw new SetupRefused(
        `This database is already set up for ${current.name} (${current.gssCode}). An administrator can change the council on the "Your council" page.`,
      );
    const borough = boroughFor(council);
    await putBorough(tx, borough);
    await recordAudit(tx, actor, { action: 'setup', entity: 'council', entityId: council.gssCode });
    const user = await createUser(tx, { ...admin, role: 'admin' }, actor);
    return { borough, admin: user };
  });
}

/**
 * Records (or corrects) the council from the "Your council" page, and re-flags the market's locations: those in
 * the council's area (by the reference geography) are in-borough, the rest out. Refused on the demo borough, whose
 * data is synthetic. Returns the setting and how many locations are now in-borough.
 */
export async function changeCouncil(
  db: Db,
  council: LocalAuthority,
  actor: AuditActor,
): Promise<{ borough: BoroughSetting; inBorough: number }> {
  return db.transaction(async (tx) => {
    const current = await getBorough(tx);
    if (current?.synthetic)
      throw new SetupRefused(
        `This instance runs the demo borough (${current.name}), whose data is synthetic. Set up your council on an empty database with \`steward setup --council ${council.gssCode}\`.`,
      );
    const borough = boroughFor(council);
    await putBorough(tx, borough);
    let inBorough = 0;
    if (current?.gssCode !== council.gssCode) {
      const codes = codesCovering(council.gssCode).filter((c) => withinArea(c, council.gssCode));
      const inside = await tx
        .update(locations)
        .set({ inBorough: true })
        .where(inArray(locations.localAuthorityGss, codes))
        .returning({ id: locations.id });
      inBorough = inside.length;
      await tx
        .update(locations)
        .set({ inBorough: false })
        .where(sql`${locations.localAuthorityGss} is null or ${not(inArray(locations.localAuthorityGss, codes))}`);
    } else {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(locations)
        .where(sql`${locations.inBorough}`);
      inBorough = Number(row.n);
    }
    await recordAudit(tx, actor, {
      action: current ? 'update' : 'setup',
      entity: 'council',
      entityId: council.gssCode,
      detail: { from: current?.gssCode ?? null, to: council.gssCode, inBorough },
    });
    return { borough, inBorough };
  });
}
