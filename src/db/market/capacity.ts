// Capacity, vacancy and workforce returns. Every return is a new row (history is kept); "no change"
// copies the latest figures forward with today's date, so the figure's age resets without retyping.
import { eq } from 'drizzle-orm';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor, type AuditEntry } from '../core/audit.js';
import {
  type CareHomeCapacityInput,
  type HomecareCapacityInput,
  type WorkforceInput,
  validateCareHomeCapacity,
  validateHomecareCapacity,
  validateWorkforce,
} from '../../domain/market/capacity.js';
import { isCareHome } from '../../domain/market/types.js';
import {
  latestCareHomeReturn,
  latestHomecareReturns,
  latestWorkforceReturn,
  type BedGroup,
} from './capacityQueries.js';
import {
  careHomeCapacity,
  homecareCapacity,
  locations,
  workforceSnapshots,
  type CareHomeCapacityRow,
  type HomecareCapacityRow,
  type WorkforceSnapshotRow,
} from './schema.js';

export interface ReturnOptions {
  source?: string;
  asAt?: Date;
  reportedBy?: string | null;
  noChange?: boolean;
  /** A nil return: the home says it has no vacant beds of any status. */
  nilReturn?: boolean;
}

/** What every capacity or workforce return records about itself: when, whether it confirms the last, its source and who. */
function returnMeta(opts: ReturnOptions) {
  return {
    asAt: opts.asAt ?? new Date(),
    noChange: opts.noChange ?? false,
    source: opts.source ?? 'provider',
    reportedBy: opts.reportedBy ?? null,
  };
}

async function requireLocation(db: Db, locationId: string) {
  const [loc] = await db.select().from(locations).where(eq(locations.id, locationId));
  if (!loc) throw new NotFound('Location');
  return loc;
}

const SPLIT_FIELDS = [
  'residentialMax',
  'residentialOccupied',
  'residentialVacantAccepting',
  'nursingMax',
  'nursingOccupied',
  'nursingVacantAccepting',
  'dementiaMax',
  'dementiaOccupied',
  'dementiaVacantAccepting',
] as const;

/**
 * The row a care home's capacity return writes (not checked: see validateCareHomeCapacity). `id` undefined lets
 * the database make it; a bulk write makes it itself so the audit names the return without reading it back.
 */
export function careHomeReturnRow(
  id: string | undefined,
  locationId: string,
  input: CareHomeCapacityInput,
  opts: ReturnOptions = {},
): typeof careHomeCapacity.$inferInsert {
  return {
    ...(id ? { id } : {}),
    locationId,
    ...returnMeta(opts),
    maxCapacity: input.maxCapacity,
    occupied: input.occupied,
    vacantReserved: input.vacantReserved,
    vacantAccepting: input.vacantAccepting,
    vacantClosed: input.vacantClosed ?? 0,
    closedReason: (input.vacantClosed ?? 0) > 0 ? (input.closedReason ?? null) : null,
    closedNote: (input.vacantClosed ?? 0) > 0 ? input.closedNote?.trim() || null : null,
    heldForAssessment: input.heldForAssessment ?? 0,
    ...Object.fromEntries(SPLIT_FIELDS.map((f) => [f, input[f] ?? null])),
    nilReturn: opts.nilReturn ?? false,
  };
}

type ReturnAuditFields = Pick<
  typeof careHomeCapacity.$inferInsert,
  | 'id'
  | 'locationId'
  | 'maxCapacity'
  | 'occupied'
  | 'vacantAccepting'
  | 'vacantClosed'
  | 'closedReason'
  | 'heldForAssessment'
  | 'source'
>;

/** The audit entry for a care home's capacity return as written (`row`): a create, a confirmation or a nil return. */
export function careHomeReturnAudit(row: ReturnAuditFields, opts: ReturnOptions = {}): AuditEntry {
  return {
    action: opts.noChange ? 'confirm' : opts.nilReturn ? 'nil-return' : 'create',
    entity: 'care_home_capacity',
    entityId: row.id,
    detail: {
      locationId: row.locationId,
      maxCapacity: row.maxCapacity,
      occupied: row.occupied,
      vacantAccepting: row.vacantAccepting,
      ...(row.vacantClosed ? { vacantClosed: row.vacantClosed, closedReason: row.closedReason } : {}),
      ...(row.heldForAssessment ? { heldForAssessment: row.heldForAssessment } : {}),
      source: row.source,
    },
  };
}

/** The audit entry for a workforce return as written (`row`). */
export function workforceReturnAudit(
  row: Pick<typeof workforceSnapshots.$inferInsert, 'id' | 'locationId' | 'noChange'> & WorkforceInput,
): AuditEntry {
  return {
    action: row.noChange ? 'confirm' : 'create',
    entity: 'workforce',
    entityId: row.id,
    detail: {
      locationId: row.locationId,
      nurses: row.nurses,
      careStaff: row.careStaff,
      nonCareStaff: row.nonCareStaff,
      agencyStaff: row.agencyStaff,
      vacancies: row.vacancies,
      absences: row.absences,
    },
  };
}

/** Record a care home's capacity return after checking it; audited. */
export async function recordCareHomeReturn(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  input: CareHomeCapacityInput,
  opts: ReturnOptions = {},
): Promise<CareHomeCapacityRow> {
  return db.transaction(async (tx) => {
    const loc = await requireLocation(tx, locationId);
    if (!isCareHome(loc.serviceTypes))
      throw new InputError([{ field: 'locationId', message: `${loc.name} is not a care home` }]);
    const errors = validateCareHomeCapacity(input, loc.registeredBeds);
    if (errors.length > 0) throw new InputError(errors);
    const [row] = await tx
      .insert(careHomeCapacity)
      .values(careHomeReturnRow(undefined, locationId, input, opts))
      .returning();
    await recordAudit(tx, by, careHomeReturnAudit(row, opts));
    return row;
  });
}

/**
 * Records a homecare provider's return in one audited transaction.
 * @throws InputError naming each wrong field, or when the location does not provide homecare
 */
export async function recordHomecareReturn(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  input: HomecareCapacityInput & { area?: string },
  opts: ReturnOptions = {},
): Promise<HomecareCapacityRow> {
  return db.transaction(async (tx) => {
    const loc = await requireLocation(tx, locationId);
    if (!loc.serviceTypes.some((t) => t === 'homecare' || t === 'supported_living' || t === 'extra_care')) {
      throw new InputError([{ field: 'locationId', message: `${loc.name} does not provide homecare` }]);
    }
    const errors = validateHomecareCapacity(input);
    if (errors.length > 0) throw new InputError(errors);
    const [row] = await tx
      .insert(homecareCapacity)
      .values({
        locationId,
        ...returnMeta(opts),
        area: (input.area ?? '').toUpperCase(),
        peopleSupported: input.peopleSupported,
        hoursPerWeek: String(input.hoursPerWeek),
        newHoursAvailable: String(input.newHoursAvailable),
      })
      .returning();
    await recordAudit(tx, by, {
      action: opts.noChange ? 'confirm' : 'create',
      entity: 'homecare_capacity',
      entityId: row.id,
      detail: {
        locationId,
        peopleSupported: row.peopleSupported,
        hoursPerWeek: row.hoursPerWeek,
        newHoursAvailable: row.newHoursAvailable,
      },
    });
    return row;
  });
}

/**
 * Records a location's workforce return (staff, vacancies, agency use) in one audited transaction.
 * @throws InputError naming each wrong field
 */
export async function recordWorkforceReturn(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  input: WorkforceInput,
  opts: ReturnOptions = {},
): Promise<WorkforceSnapshotRow> {
  return db.transaction(async (tx) => {
    const loc = await requireLocation(tx, locationId);
    const errors = validateWorkforce(input, loc.registeredBeds);
    if (errors.length > 0) throw new InputError(errors);
    const [row] = await tx
      .insert(workforceSnapshots)
      .values({
        locationId,
        ...returnMeta(opts),
        ...input,
      })
      .returning();
    await recordAudit(tx, by, {
      action: opts.noChange ? 'confirm' : 'create',
      entity: 'workforce',
      entityId: row.id,
      detail: { locationId, ...input },
    });
    return row;
  });
}

/**
 * "No change": copy each of the location's latest returns (care home capacity, homecare by area, workforce)
 * forward to now. Fails if the location has never reported: there is nothing to confirm.
 */
export async function confirmNoChange(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  reportedBy: string | null,
  source: 'provider' | 'staff' = 'provider',
): Promise<{ careHome: boolean; homecareAreas: number; workforce: boolean }> {
  return db.transaction(async (tx) => {
    await requireLocation(tx, locationId);
    const now = new Date();
    const ch = await latestCareHomeReturn(tx, locationId);
    const hc = await latestHomecareReturns(tx, locationId);
    const wf = await latestWorkforceReturn(tx, locationId);
    if (!ch && hc.length === 0 && !wf)
      throw new Conflict('There is no earlier return to confirm: enter the figures instead', [
        { field: 'noChange', message: 'There is no earlier return to confirm: enter the figures instead' },
      ]);
    if (ch) {
      const { id: _id, createdAt: _c, asAt: _a, ...rest } = ch;
      await tx.insert(careHomeCapacity).values({ ...rest, asAt: now, noChange: true, source, reportedBy });
    }
    for (const h of hc) {
      await tx.insert(homecareCapacity).values({
        locationId,
        asAt: now,
        area: h.area,
        peopleSupported: h.peopleSupported,
        hoursPerWeek: String(h.hoursPerWeek),
        newHoursAvailable: String(h.newHoursAvailable),
        noChange: true,
        source,
        reportedBy,
      });
    }
    if (wf) {
      const { id: _id, createdAt: _c, asAt: _a, ...rest } = wf;
      await tx.insert(workforceSnapshots).values({ ...rest, asAt: now, noChange: true, source, reportedBy });
    }
    await recordAudit(tx, by, {
      action: 'confirm',
      entity: 'location_returns',
      entityId: locationId,
      detail: { careHome: !!ch, homecareAreas: hc.length, workforce: !!wf },
    });
    return { careHome: !!ch, homecareAreas: hc.length, workforce: !!wf };
  });
}

/**
 * A nil return, as in the national Capacity Tracker: the location has no vacancies to report today. It says
 * nothing new about who is in the home, so a care home's occupied beds (in total and by bed group) and its
 * capacity are kept as in its latest return; every vacancy status (accepting, reserved, closed, held for
 * assessment) becomes 0, and beds neither occupied nor vacant are left unaccounted for rather than counted as
 * occupied. A homecare service reports no new hours available in each area it serves (people and hours as in
 * its latest return). Audited; marked nil_return on the care home row.
 * @throws Conflict naming `nilReturn` when there is nothing to base it on: a care home or homecare service with
 *   no earlier return (its occupied beds or people supported are not known, so the figures must be entered)
 */
export async function recordNilReturn(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  reportedBy: string | null,
  source: 'provider' | 'staff' = 'provider',
): Promise<{ careHome: boolean; homecareAreas: number }> {
  return db.transaction(async (tx) => {
    const loc = await requireLocation(tx, locationId);
    const now = new Date();
    let careHome = false;
    if (isCareHome(loc.serviceTypes)) {
      const ch = await latestCareHomeReturn(tx, locationId);
      if (ch) {
        const groups = Object.fromEntries(
          (['residential', 'nursing', 'dementia'] as const).flatMap((g) => {
            const gMax = ch[`${g}Max`];
            return [
              [`${g}Max`, gMax],
              [`${g}Occupied`, gMax == null ? null : ch[`${g}Occupied`]],
              [`${g}VacantAccepting`, gMax == null ? null : 0],
            ];
          }),
        );
        await recordCareHomeReturn(
          tx,
          by,
          locationId,
          { maxCapacity: ch.maxCapacity, occupied: ch.occupied, vacantReserved: 0, vacantAccepting: 0, ...groups },
          { asAt: now, nilReturn: true, source, reportedBy },
        );
        careHome = true;
      }
    }
    const hc = await latestHomecareReturns(tx, locationId);
    for (const h of hc) {
      await tx.insert(homecareCapacity).values({
        locationId,
        asAt: now,
        area: h.area,
        peopleSupported: h.peopleSupported,
        hoursPerWeek: String(h.hoursPerWeek),
        newHoursAvailable: '0',
        source,
        reportedBy,
      });
    }
    if (!careHome && hc.length === 0) {
      const message =
        'There is no earlier return to base a nil return on (how many beds are occupied is not known): enter the figures instead';
      throw new Conflict(message, [{ field: 'nilReturn', message }]);
    }
    await recordAudit(tx, by, {
      action: 'nil-return',
      entity: 'location_returns',
      entityId: locationId,
      detail: { careHome, homecareAreas: hc.length },
    });
    return { careHome, homecareAreas: hc.length };
  });
}

/**
 * A bed was taken (delta +1) or freed (delta −1) at a care home, e.g. when a placement starts or ends:
 * records a new return from the latest one with occupied and vacant-accepting moved by delta (also in the
 * bed group when the home reports groups). Fails, naming the field, if the home has no vacancy to take.
 */
export async function adjustVacancy(
  db: Db,
  by: AuditActor | null,
  locationId: string,
  delta: number,
  opts: { group?: BedGroup; reason?: string; reportedBy?: string | null } = {},
): Promise<CareHomeCapacityRow> {
  return db.transaction(async (tx) => {
    const latest = await latestCareHomeReturn(tx, locationId);
    if (!latest)
      throw new Conflict('This home has not reported its capacity yet', [
        { field: 'locationId', message: 'This home has not reported its capacity yet' },
      ]);
    const next: CareHomeCapacityInput = {
      ...latest,
      occupied: latest.occupied + delta,
      vacantAccepting: latest.vacantAccepting - delta,
    };
    if (next.vacantAccepting < 0) {
      // Taking a bed the home had not declared vacant: it fills from unreported space if capacity allows.
      next.vacantAccepting = 0;
    }
    if (opts.group) {
      const occKey = `${opts.group}Occupied` as const;
      const vacKey = `${opts.group}VacantAccepting` as const;
      if (latest[occKey] != null) {
        next[occKey] = (latest[occKey] as number) + delta;
        next[vacKey] = Math.max(0, (latest[vacKey] as number) - delta);
      }
    }
    return recordCareHomeReturn(tx, by, locationId, next, { source: 'system', reportedBy: opts.reportedBy ?? null });
  });
}
