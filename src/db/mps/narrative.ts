// The commissioners' narrative of the Market Position Statement: every version of every block, the review trail of
// each section, and the draft (the latest version of each block). Writes run in one transaction with an audit entry.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { users } from '../core/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import { narrativeProblems } from '../../domain/mps/narrative.js';
import { sectionDefinition, sectionKeys } from '../../domain/mps/outline.js';
import {
  reviewStep,
  sectionStatus,
  type BlockVersions,
  type ReviewAction,
  type ReviewEvent,
  type SectionStatus,
} from '../../domain/mps/review.js';
import { mpsBlockVersions, mpsReviewEvents } from './schema.js';

/** The draft text: section key → block key → latest text. */
export type Narrative = Record<string, Record<string, string>>;

export interface BlockVersionView {
  version: number;
  text: string;
  author: string;
  createdAt: string;
}

export interface ReviewEventView {
  action: ReviewAction;
  by: string;
  byUserId: string | null;
  comment: string | null;
  versions: BlockVersions;
  at: string;
}

export interface SectionDraftView {
  key: string;
  title: string;
  status: SectionStatus;
  blocks: {
    key: string;
    heading: string | null;
    hint: string;
    version: number;
    text: string;
    updatedAt: string | null;
    author: string | null;
  }[];
  review: ReviewEventView[];
}

function sectionOrThrow(key: string) {
  const def = sectionDefinition(key);
  if (!def) throw new NotFound(`Section "${key}" of the Market Position Statement`);
  return def;
}

/** The latest text of every block (empty object for a section never written). */
export async function latestNarrative(db: Db): Promise<Narrative> {
  const rows = await db
    .selectDistinctOn([mpsBlockVersions.sectionKey, mpsBlockVersions.blockKey], {
      sectionKey: mpsBlockVersions.sectionKey,
      blockKey: mpsBlockVersions.blockKey,
      body: mpsBlockVersions.body,
    })
    .from(mpsBlockVersions)
    .orderBy(mpsBlockVersions.sectionKey, mpsBlockVersions.blockKey, desc(mpsBlockVersions.version));
  const out: Narrative = {};
  for (const r of rows) (out[r.sectionKey] ??= {})[r.blockKey] = r.body;
  return out;
}

async function currentVersions(db: Db, sectionKey: string): Promise<BlockVersions> {
  const def = sectionOrThrow(sectionKey);
  const rows = await db
    .select({ blockKey: mpsBlockVersions.blockKey, version: sql<number>`max(${mpsBlockVersions.version})::int` })
    .from(mpsBlockVersions)
    .where(eq(mpsBlockVersions.sectionKey, sectionKey))
    .groupBy(mpsBlockVersions.blockKey);
  return Object.fromEntries(def.blocks.map((b) => [b.key, rows.find((r) => r.blockKey === b.key)?.version ?? 0]));
}

async function reviewEvents(db: Db, sectionKey?: string): Promise<(ReviewEventView & { sectionKey: string })[]> {
  const rows = await db
    .select({ e: mpsReviewEvents, email: users.name })
    .from(mpsReviewEvents)
    .leftJoin(users, eq(users.id, mpsReviewEvents.byUserId))
    .where(sectionKey ? eq(mpsReviewEvents.sectionKey, sectionKey) : undefined)
    .orderBy(asc(mpsReviewEvents.sequence));
  return rows.map(({ e, email }) => ({
    sectionKey: e.sectionKey,
    action: e.action as ReviewAction,
    by: email ?? e.byLabel ?? 'Unknown',
    byUserId: e.byUserId,
    comment: e.comment,
    versions: e.versions,
    at: e.createdAt.toISOString(),
  }));
}

/** Each section's review status, for the draft's contents page. */
export async function sectionStatuses(db: Db): Promise<Record<string, SectionStatus>> {
  const versions = await db
    .select({
      sectionKey: mpsBlockVersions.sectionKey,
      blockKey: mpsBlockVersions.blockKey,
      version: sql<number>`max(${mpsBlockVersions.version})::int`,
    })
    .from(mpsBlockVersions)
    .groupBy(mpsBlockVersions.sectionKey, mpsBlockVersions.blockKey);
  const events = await reviewEvents(db);
  const out: Record<string, SectionStatus> = {};
  for (const key of sectionKeys()) {
    const def = sectionDefinition(key)!;
    const current = Object.fromEntries(
      def.blocks.map((b) => [b.key, versions.find((v) => v.sectionKey === key && v.blockKey === b.key)?.version ?? 0]),
    );
    out[key] = sectionStatus(
      current,
      events.filter((e) => e.sectionKey === key),
    );
  }
  return out;
}

/** One section's draft: each block's latest text with its author and date, the status and the review trail. */
export async function sectionDraft(db: Db, sectionKey: string): Promise<SectionDraftView> {
  const def = sectionOrThrow(sectionKey);
  const rows = await db
    .selectDistinctOn([mpsBlockVersions.blockKey], {
      blockKey: mpsBlockVersions.blockKey,
      version: mpsBlockVersions.version,
      body: mpsBlockVersions.body,
      createdAt: mpsBlockVersions.createdAt,
      authorName: users.name,
      authorLabel: mpsBlockVersions.authorLabel,
    })
    .from(mpsBlockVersions)
    .leftJoin(users, eq(users.id, mpsBlockVersions.authorId))
    .where(eq(mpsBlockVersions.sectionKey, sectionKey))
    .orderBy(mpsBlockVersions.blockKey, desc(mpsBlockVersions.version));
  const review = await reviewEvents(db, sectionKey);
  const blocks = def.blocks.map((b) => {
    const r = rows.find((x) => x.blockKey === b.key);
    return {
      key: b.key,
      heading: b.heading,
      hint: b.hint,
      version: r?.version ?? 0,
      text: r?.body ?? '',
      updatedAt: r ? r.createdAt.toISOString() : null,
      author: r ? (r.authorName ?? r.authorLabel ?? 'Unknown') : null,
    };
  });
  const current = Object.fromEntries(blocks.map((b) => [b.key, b.version]));
  return {
    key: sectionKey,
    title: def.title,
    status: sectionStatus(current, review),
    blocks,
    review: review.map(({ sectionKey: _s, ...e }) => e),
  };
}

/** Every version of one block, newest first. */
export async function blockHistory(db: Db, sectionKey: string, blockKey: string): Promise<BlockVersionView[]> {
  const def = sectionOrThrow(sectionKey);
  if (!def.blocks.some((b) => b.key === blockKey)) throw new NotFound(`Block "${blockKey}" of section "${sectionKey}"`);
  const rows = await db
    .select({ v: mpsBlockVersions, authorName: users.name })
    .from(mpsBlockVersions)
    .leftJoin(users, eq(users.id, mpsBlockVersions.authorId))
    .where(and(eq(mpsBlockVersions.sectionKey, sectionKey), eq(mpsBlockVersions.blockKey, blockKey)))
    .orderBy(desc(mpsBlockVersions.version));
  return rows.map(({ v, authorName }) => ({
    version: v.version,
    text: v.body,
    author: authorName ?? v.authorLabel ?? 'Unknown',
    createdAt: v.createdAt.toISOString(),
  }));
}

export interface BlockEdit {
  blockKey: string;
  text: string;
  /** The version the writer started from; a newer version saved meanwhile is a conflict. */
  baseVersion: number;
}

function actorColumns(actor: AuditActor): { id: string | null; label: string | null } {
  return 'userId' in actor ? { id: actor.userId, label: null } : { id: null, label: `Steward (${actor.system})` };
}

/**
 * Saves new versions of a section's blocks (only those whose text changed). Returns the versions saved.
 * @throws NotFound for an unknown section or block; InputError for text that is too long or has unsafe links;
 *   Conflict when someone saved a newer version since `baseVersion` (the edit is not saved).
 */
export async function saveSection(
  db: Db,
  actor: AuditActor,
  sectionKey: string,
  edits: BlockEdit[],
): Promise<Record<string, number>> {
  const def = sectionOrThrow(sectionKey);
  const problems = edits.flatMap((e, i) => {
    if (!def.blocks.some((b) => b.key === e.blockKey))
      return [{ field: `blocks.${i}.blockKey`, message: `This section has no block "${e.blockKey}"`, in: 'body' }];
    return narrativeProblems(e.text, `blocks.${i}.text`).map((p) => ({ ...p, in: 'body' }));
  });
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const current = await currentVersions(tx, sectionKey);
    const latest = await latestNarrative(tx);
    const saved: Record<string, number> = {};
    const who = actorColumns(actor);
    for (const e of edits) {
      const version = current[e.blockKey] ?? 0;
      if (e.baseVersion !== version)
        throw new Conflict(
          `Someone saved a newer version of this text (version ${version}) after you started editing version ${e.baseVersion}: copy your changes, reload and edit again`,
          [{ field: `blocks.${edits.indexOf(e)}.text`, message: 'This text was changed by someone else', in: 'body' }],
        );
      const text = e.text.replace(/\r\n?/g, '\n').trimEnd();
      if ((latest[sectionKey]?.[e.blockKey] ?? '') === text) continue;
      await tx.insert(mpsBlockVersions).values({
        sectionKey,
        blockKey: e.blockKey,
        version: version + 1,
        body: text,
        authorId: who.id,
        authorLabel: who.label,
      });
      saved[e.blockKey] = version + 1;
    }
    if (Object.keys(saved).length)
      await recordAudit(tx, actor, {
        action: 'edit',
        entity: 'mps_section',
        entityId: sectionKey,
        detail: { versions: saved },
      });
    return saved;
  });
}

/**
 * Records a review step on a section (send for review, approve, ask for changes).
 * @throws as `reviewStep` in src/domain/mps/review.ts: Conflict, Forbidden (reviewing one's own), InputError.
 */
export async function reviewSection(
  db: Db,
  actor: AuditActor,
  sectionKey: string,
  action: ReviewAction,
  comment: string | null,
): Promise<SectionStatus> {
  return db.transaction(async (tx) => {
    const current = await currentVersions(tx, sectionKey);
    const events: ReviewEvent[] = (await reviewEvents(tx, sectionKey)).map((e) => ({
      action: e.action,
      byUserId: e.byUserId,
      versions: e.versions,
    }));
    const who = actorColumns(actor);
    const event = reviewStep(action, who.id ?? who.label ?? 'system', current, events, comment);
    await tx.insert(mpsReviewEvents).values({
      sectionKey,
      action,
      byUserId: who.id,
      byLabel: who.label,
      comment: comment?.trim() || null,
      versions: event.versions,
    });
    await recordAudit(tx, actor, {
      action,
      entity: 'mps_section',
      entityId: sectionKey,
      detail: { versions: event.versions },
    });
    return sectionStatus(current, [...events, event]);
  });
}
