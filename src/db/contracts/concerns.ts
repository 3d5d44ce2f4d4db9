// Provider concerns and safeguarding referrals: log, move through the lifecycle (src/domain/contracts/concern.ts),
// record a safeguarding referral and the provider's response. Every write is one audited transaction that also
// writes the concern's history (provider_concern_events).
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { users } from '../core/schema.js';
import { locations, providers } from '../market/schema.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { longDateText } from '../../domain/core/dates.js';
import {
  concernStepProblems,
  providerResponseProblems,
  safeguardingReferralProblems,
  type ConcernStatus,
  type ConcernStep,
} from '../../domain/contracts/concern.js';
import { providerConcernEvents, providerConcerns } from './schema.js';

export interface ConcernView {
  id: string;
  locationId: string;
  locationName: string;
  providerId: string;
  providerName: string;
  kind: string;
  raisedOn: string;
  summary: string;
  status: ConcernStatus;
  closedOn: string | null;
  agreedAction: string | null;
  /** Council staff only: null for a provider reading its own concern. */
  safeguardingReferralOn: string | null;
  safeguardingReference: string | null;
  /** True when a safeguarding referral was made (providers see that one was, not its reference). */
  safeguardingReferred: boolean;
  providerResponse: string | null;
  providerRespondedOn: string | null;
}

export type ConcernEventKind = 'log' | 'transition' | 'safeguarding_referral' | 'provider_response';

export interface ConcernEventView {
  /** When the step was recorded (ISO date-time). */
  at: string;
  /** The day the step happened as given (raised, triaged, referral made...), ISO date; null when not known. */
  on: string | null;
  kind: ConcernEventKind;
  fromStatus: string | null;
  toStatus: string;
  /** The officer's note: council staff only (null for providers). */
  note: string | null;
  /** Who did it: a name for staff, "Council quality team" or "Your organisation" for providers. */
  by: string;
}

/** Whose eyes: staff see everything; a provider its own locations' concerns (never whistleblowing), without notes. */
export interface ConcernReader {
  providerId: string | null;
}

const isProvider = (r: ConcernReader) => r.providerId !== null;

function toView(
  c: typeof providerConcerns.$inferSelect,
  locationName: string,
  providerName: string,
  reader: ConcernReader,
): ConcernView {
  const staff = !isProvider(reader);
  return {
    id: c.id,
    locationId: c.locationId,
    locationName,
    providerId: c.providerId,
    providerName,
    kind: c.kind,
    raisedOn: c.raisedOn,
    summary: c.summary,
    status: c.status as ConcernStatus,
    closedOn: c.closedOn,
    agreedAction: c.agreedAction,
    safeguardingReferralOn: staff ? c.safeguardingReferralOn : null,
    safeguardingReference: staff ? c.safeguardingReference : null,
    safeguardingReferred: c.safeguardingReferralOn !== null,
    providerResponse: c.providerResponse,
    providerRespondedOn: c.providerRespondedOn,
  };
}

/**
 * Concerns logged about providers' services, newest raised first, optionally for one provider or location and
 * only the open ones. A provider reader gets its own organisation's only, never whistleblowing (which could name
 * who spoke up).
 */
export async function listConcerns(
  db: Db,
  reader: ConcernReader,
  filter: { locationId?: string; openOnly?: boolean } = {},
): Promise<ConcernView[]> {
  const where = [];
  if (reader.providerId) {
    where.push(eq(providerConcerns.providerId, reader.providerId));
    where.push(ne(providerConcerns.kind, 'whistleblowing'));
  }
  if (filter.locationId) where.push(eq(providerConcerns.locationId, filter.locationId));
  if (filter.openOnly) where.push(ne(providerConcerns.status, 'closed'));
  const rows = await db
    .select({ c: providerConcerns, locationName: locations.name, providerName: providers.name })
    .from(providerConcerns)
    .innerJoin(locations, eq(locations.id, providerConcerns.locationId))
    .innerJoin(providers, eq(providers.id, providerConcerns.providerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(providerConcerns.raisedOn), asc(providerConcerns.createdAt));
  return rows.map(({ c, locationName, providerName }) => toView(c, locationName, providerName, reader));
}

/**
 * One concern with its history, oldest step first.
 * @throws NotFound when there is none, or the reader is a provider and it is not theirs to see
 */
export async function getConcern(
  db: Db,
  id: string,
  reader: ConcernReader,
): Promise<ConcernView & { history: ConcernEventView[] }> {
  const [row] = await db
    .select({ c: providerConcerns, locationName: locations.name, providerName: providers.name })
    .from(providerConcerns)
    .innerJoin(locations, eq(locations.id, providerConcerns.locationId))
    .innerJoin(providers, eq(providers.id, providerConcerns.providerId))
    .where(eq(providerConcerns.id, id));
  if (!row) throw new NotFound('Concern');
  if (reader.providerId && (row.c.providerId !== reader.providerId || row.c.kind === 'whistleblowing'))
    throw new NotFound('Concern');
  const events = await db
    .select({ e: providerConcernEvents, name: users.name, role: users.role })
    .from(providerConcernEvents)
    .leftJoin(users, eq(users.id, providerConcernEvents.byUserId))
    .where(eq(providerConcernEvents.concernId, id))
    .orderBy(asc(providerConcernEvents.at));
  const staff = !isProvider(reader);
  return {
    ...toView(row.c, row.locationName, row.providerName, reader),
    history: events
      .filter(({ e }) => staff || e.kind !== 'safeguarding_referral')
      .map(({ e, name, role }) => ({
        at: e.at.toISOString(),
        on: e.occurredOn,
        kind: e.kind as ConcernEventKind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: staff ? e.note : null,
        by: staff ? (name ?? 'System') : role === 'provider' ? 'Your organisation' : 'Council quality team',
      })),
  };
}

/** The provider a concern is about, for ownership checks. @throws NotFound when there is no such concern */
export async function concernOwner(db: Db, id: string): Promise<{ providerId: string; kind: string }> {
  const [row] = await db
    .select({ providerId: providerConcerns.providerId, kind: providerConcerns.kind })
    .from(providerConcerns)
    .where(eq(providerConcerns.id, id));
  if (!row) throw new NotFound('Concern');
  return row;
}

const userOf = (actor: AuditActor) => ('userId' in actor ? actor.userId : null);

/**
 * Logs a concern about a location (status logged) in one audited transaction, with the first line of its history.
 * @returns its id
 * @throws InputError naming `locationId` when there is no such location
 */
export async function logConcern(
  db: Db,
  actor: AuditActor,
  input: { locationId: string; kind: string; raisedOn: string; summary: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [loc] = await tx
      .select({ providerId: locations.providerId })
      .from(locations)
      .where(eq(locations.id, input.locationId));
    if (!loc) throw new InputError([{ field: 'locationId', message: 'No location with this id' }]);
    const [row] = await tx
      .insert(providerConcerns)
      .values({ ...input, status: 'logged', providerId: loc.providerId, createdBy: userOf(actor) })
      .returning({ id: providerConcerns.id });
    await tx.insert(providerConcernEvents).values({
      concernId: row.id,
      kind: 'log',
      fromStatus: null,
      toStatus: 'logged',
      byUserId: userOf(actor),
      occurredOn: input.raisedOn,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'provider_concern',
      entityId: row.id,
      detail: { locationId: input.locationId, kind: input.kind, status: 'logged' },
    });
    return row.id;
  });
}

async function lockConcern(tx: Db, id: string) {
  const [row] = await tx.select().from(providerConcerns).where(eq(providerConcerns.id, id)).for('update');
  if (!row) throw new NotFound('Concern');
  return row;
}

/**
 * Moves a concern one step on its lifecycle (triaged, investigating, action agreed, closed) on `step.on`, with
 * the officer's note; audited and written to its history. Closing sets closed_on.
 * @throws InputError naming `to`, `agreedAction`, `note` or `on` (see concernStepProblems); NotFound for none
 */
export async function stepConcern(db: Db, actor: AuditActor, id: string, step: ConcernStep, today: string) {
  await db.transaction(async (tx) => {
    const row = await lockConcern(tx, id);
    const from = row.status as ConcernStatus;
    const problems = concernStepProblems({ status: from, raisedOn: row.raisedOn }, step, today);
    if (problems.length) throw new InputError(problems);
    const note = step.note?.trim() || null;
    const agreedAction = step.to === 'action_agreed' ? step.agreedAction!.trim() : row.agreedAction;
    await tx
      .update(providerConcerns)
      .set({
        status: step.to,
        agreedAction,
        closedOn: step.to === 'closed' ? step.on : null,
        updatedAt: new Date(),
      })
      .where(eq(providerConcerns.id, id));
    await tx.insert(providerConcernEvents).values({
      concernId: id,
      kind: 'transition',
      fromStatus: from,
      toStatus: step.to,
      note: step.to === 'action_agreed' ? [agreedAction, note].filter(Boolean).join('\n\n') : note,
      byUserId: userOf(actor),
      occurredOn: step.on,
    });
    await recordAudit(tx, actor, {
      action: step.to === 'closed' ? 'close' : 'transition',
      entity: 'provider_concern',
      entityId: id,
      detail: { from, to: step.to, on: step.on },
    });
  });
}

/**
 * Records (or corrects) the safeguarding referral made about a concern: its date and the safeguarding team's
 * reference; audited and written to its history.
 * @throws InputError naming `referralOn`, `reference` or `status`; NotFound for none
 */
export async function recordSafeguardingReferral(
  db: Db,
  actor: AuditActor,
  id: string,
  referral: { referralOn: string; reference: string },
  today: string,
) {
  await db.transaction(async (tx) => {
    const row = await lockConcern(tx, id);
    const problems = safeguardingReferralProblems(
      { status: row.status as ConcernStatus, raisedOn: row.raisedOn },
      referral,
      today,
    );
    if (problems.length) throw new InputError(problems);
    const reference = referral.reference.trim();
    await tx
      .update(providerConcerns)
      .set({ safeguardingReferralOn: referral.referralOn, safeguardingReference: reference, updatedAt: new Date() })
      .where(eq(providerConcerns.id, id));
    await tx.insert(providerConcernEvents).values({
      concernId: id,
      kind: 'safeguarding_referral',
      fromStatus: row.status,
      toStatus: row.status,
      note: `Safeguarding referral made on ${longDateText(referral.referralOn)}, reference ${reference}`,
      byUserId: userOf(actor),
      occurredOn: referral.referralOn,
    });
    await recordAudit(tx, actor, {
      action: row.safeguardingReferralOn ? 'update' : 'create',
      entity: 'safeguarding_referral',
      entityId: id,
      detail: {
        before: { referralOn: row.safeguardingReferralOn, reference: row.safeguardingReference },
        after: { referralOn: referral.referralOn, reference },
      },
    });
  });
}

/**
 * The provider's response to a concern about one of its own locations (replacing an earlier one: the history
 * keeps each); audited. The caller checks the provider owns the location.
 * @throws InputError naming `response` or `status`; NotFound for none
 */
export async function respondToConcern(db: Db, actor: AuditActor, id: string, response: string, today: string) {
  await db.transaction(async (tx) => {
    const row = await lockConcern(tx, id);
    const problems = providerResponseProblems({ status: row.status as ConcernStatus }, response);
    if (problems.length) throw new InputError(problems);
    await tx
      .update(providerConcerns)
      .set({ providerResponse: response.trim(), providerRespondedOn: today, updatedAt: new Date() })
      .where(eq(providerConcerns.id, id));
    await tx.insert(providerConcernEvents).values({
      concernId: id,
      kind: 'provider_response',
      fromStatus: row.status,
      toStatus: row.status,
      note: response.trim(),
      byUserId: userOf(actor),
    });
    await recordAudit(tx, actor, {
      action: row.providerResponse ? 'update' : 'create',
      entity: 'provider_concern_response',
      entityId: id,
      detail: { respondedOn: today, length: response.trim().length },
    });
  });
}
