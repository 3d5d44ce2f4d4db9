// Published editions of the Market Position Statement: publishing freezes the live draft (figures and text) as the
// next edition; editions are read back and checked against the statement schema, never changed (a trigger refuses).
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict, NotFound } from '../../domain/core/errors.js';
import { londonToday } from '../../domain/core/dates.js';
import { SECTION_STATUS_LABELS } from '../../domain/mps/review.js';
import { sectionDefinition } from '../../domain/mps/outline.js';
import { statementSchema, type Statement } from '../../domain/mps/statement.js';
import { draftStatement } from './generate.js';
import { sectionStatuses } from './narrative.js';
import { mpsEditions } from './schema.js';

export interface EditionSummary {
  id: string;
  number: number;
  title: string;
  publishedOn: string;
  publishedAt: string;
  asAt: string;
}

export interface Edition extends EditionSummary {
  statement: Statement;
}

const summaryColumns = {
  id: mpsEditions.id,
  number: mpsEditions.number,
  title: mpsEditions.title,
  publishedOn: mpsEditions.publishedOn,
  publishedAt: mpsEditions.publishedAt,
  asAt: mpsEditions.asAt,
};

function summary(r: {
  id: string;
  number: number;
  title: string;
  publishedOn: string;
  publishedAt: Date;
  asAt: string;
}): EditionSummary {
  return { ...r, publishedAt: r.publishedAt.toISOString() };
}

/** Every edition, newest first (without the statements). */
export async function listEditions(db: Db): Promise<EditionSummary[]> {
  const rows = await db.select(summaryColumns).from(mpsEditions).orderBy(desc(mpsEditions.number));
  return rows.map(summary);
}

/** One edition by number, or the latest when `number` is null. @throws NotFound when there is none. */
export async function getEdition(db: Db, number: number | null): Promise<Edition> {
  const [row] = await db
    .select({ ...summaryColumns, statement: mpsEditions.statement })
    .from(mpsEditions)
    .where(number === null ? undefined : eq(mpsEditions.number, number))
    .orderBy(desc(mpsEditions.number))
    .limit(1);
  if (!row)
    throw new NotFound(
      number === null ? 'A published Market Position Statement' : `Edition ${number} of the Market Position Statement`,
    );
  const { statement, ...rest } = row;
  return { ...summary(rest), statement: statementSchema.parse(statement) };
}

/** Sections whose text is not approved as it stands, with their status (for the warning before publishing). */
export async function unapprovedSections(db: Db): Promise<{ key: string; title: string; status: string }[]> {
  const statuses = await sectionStatuses(db);
  return Object.entries(statuses)
    .filter(([, s]) => s !== 'approved')
    .map(([key, s]) => ({ key, title: sectionDefinition(key)!.title, status: SECTION_STATUS_LABELS[s] }));
}

export interface PublishInput {
  title: string;
  /** Publish even though some sections are not approved (the user has seen the list). */
  acknowledgeUnapproved: boolean;
}

/**
 * Publishes the live draft as the next edition, figures and text frozen together, dated today (London).
 * @throws Conflict when some sections are not approved and `acknowledgeUnapproved` is false (the detail lists them).
 */
export async function publishEdition(
  db: Db,
  actor: AuditActor,
  input: PublishInput,
  now: Date = new Date(),
): Promise<Edition> {
  const unapproved = await unapprovedSections(db);
  if (unapproved.length && !input.acknowledgeUnapproved)
    throw new Conflict(
      `${unapproved.length} sections are not approved: ${unapproved.map((s) => `${s.title} (${s.status.toLowerCase()})`).join(', ')}. Confirm that you want to publish them as they are.`,
      [
        {
          field: 'acknowledgeUnapproved',
          message: 'Confirm you want to publish sections that are not approved',
          in: 'body',
        },
      ],
    );
  const statement = await draftStatement(db, now);
  const publishedOn = londonToday(now);
  const number = await db.transaction(async (tx) => {
    // One publication at a time: the next number is read and used under the lock.
    await tx.execute(sql`lock table mps_editions in share row exclusive mode`);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${mpsEditions.number}), 0)::int + 1` })
      .from(mpsEditions);
    await tx.insert(mpsEditions).values({
      number: next,
      title: input.title,
      publishedOn,
      publishedAt: now,
      publishedBy: 'userId' in actor ? actor.userId : null,
      publishedByLabel: 'system' in actor ? `Steward (${actor.system})` : null,
      asAt: statement.asAt,
      statement,
    });
    await recordAudit(tx, actor, {
      action: 'publish',
      entity: 'mps_edition',
      entityId: String(next),
      detail: { title: input.title, asAt: statement.asAt, unapproved: unapproved.map((s) => s.key) },
    });
    return next;
  });
  return getEdition(db, number);
}
