// Curating the directory: suggestions held for review, entries past their review date, history and duplicate
// organisations. Publishing the registers as entries is in publish.ts.
import { asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/core/dates.js';
import { Conflict, NotFound } from '../../domain/core/errors.js';
import {
  diffServices,
  findDuplicateOrganisations,
  type DuplicateGroup,
  type FieldChange,
} from '../../domain/directory/curation.js';
import type { OrukService } from '../../domain/directory/oruk.js';
import { recordAudit } from '../core/audit.js';
import { loadService, saveServices } from './records.js';
import {
  directoryHistory,
  directoryOrganizationIdentifiers,
  directoryOrganizations,
  directoryServices,
  directorySuggestions,
} from './schema.js';

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';

export interface NewSuggestion {
  kind: 'new' | 'change';
  serviceId: string | null;
  proposed: OrukService;
  note: string | null;
  submittedBy: string | null;
  submitterName: string;
  submitterEmail: string;
  submitterOrganisation: string | null;
}

/**
 * Hold a suggested new entry or change for review. A change must name an existing entry, and its proposal keeps
 * that entry's id.
 * @throws NotFound when the entry to change does not exist.
 */
export async function createSuggestion(db: Db, s: NewSuggestion): Promise<{ id: string }> {
  let proposed = s.proposed;
  if (s.kind === 'change') {
    if (!s.serviceId || !(await loadService(db, s.serviceId))) throw new NotFound('Directory entry');
    proposed = { ...proposed, id: s.serviceId };
  }
  const [row] = await db
    .insert(directorySuggestions)
    .values({
      kind: s.kind,
      serviceId: s.kind === 'change' ? s.serviceId : null,
      proposed,
      note: s.note,
      submittedBy: s.submittedBy,
      submitterName: s.submitterName,
      submitterEmail: s.submitterEmail,
      submitterOrganisation: s.submitterOrganisation,
    })
    .returning({ id: directorySuggestions.id });
  return row;
}

export interface SuggestionSummary {
  id: string;
  kind: 'new' | 'change';
  serviceId: string | null;
  serviceName: string;
  submitterName: string;
  submitterOrganisation: string | null;
  status: SuggestionStatus;
  createdAt: string;
}

/** Suggestions with a status, oldest first (the curator's queue). */
export async function listSuggestions(db: Db, status: SuggestionStatus): Promise<SuggestionSummary[]> {
  const rows = await db
    .select()
    .from(directorySuggestions)
    .where(eq(directorySuggestions.status, status))
    .orderBy(status === 'pending' ? asc(directorySuggestions.createdAt) : desc(directorySuggestions.reviewedAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'new' | 'change',
    serviceId: r.serviceId,
    serviceName: (r.proposed as OrukService).name,
    submitterName: r.submitterName,
    submitterOrganisation: r.submitterOrganisation,
    status: r.status as SuggestionStatus,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface SuggestionDetail extends SuggestionSummary {
  submitterEmail: string;
  note: string | null;
  proposed: OrukService;
  current: OrukService | null;
  changes: FieldChange[];
  reviewNote: string | null;
}

/** One suggestion with the entry as it stands and the changes it would make. @throws NotFound */
export async function getSuggestion(db: Db, id: string): Promise<SuggestionDetail> {
  const [r] = await db.select().from(directorySuggestions).where(eq(directorySuggestions.id, id));
  if (!r) throw new NotFound('Suggestion');
  const proposed = r.proposed as OrukService;
  const current = r.serviceId ? await loadService(db, r.serviceId) : null;
  return {
    id: r.id,
    kind: r.kind as 'new' | 'change',
    serviceId: r.serviceId,
    serviceName: proposed.name,
    submitterName: r.submitterName,
    submitterEmail: r.submitterEmail,
    submitterOrganisation: r.submitterOrganisation,
    status: r.status as SuggestionStatus,
    createdAt: r.createdAt.toISOString(),
    note: r.note,
    proposed,
    current,
    changes: diffServices(current, proposed),
    reviewNote: r.reviewNote,
  };
}

/**
 * Decide a pending suggestion. Approving writes the proposal as the entry (new entries get the next review date
 * twelve months on; a change counts as a review) with history naming the curator; rejecting keeps the entry.
 * @throws NotFound when there is no such suggestion; Conflict when it was already decided.
 */
export async function decideSuggestion(
  db: Db,
  id: string,
  decision: 'approve' | 'reject',
  reviewNote: string | null,
  actor: { userId: string },
): Promise<{ serviceId: string | null }> {
  const [r] = await db.select().from(directorySuggestions).where(eq(directorySuggestions.id, id));
  if (!r) throw new NotFound('Suggestion');
  if (r.status !== 'pending') throw new Conflict(`This suggestion was already ${r.status}`);
  let serviceId: string | null = r.serviceId;
  if (decision === 'approve') {
    const proposed = r.proposed as OrukService;
    await saveServices(db, [proposed], {
      source: 'suggestion',
      action: 'suggestion approved',
      actor,
      reviewed: true,
    });
    serviceId = proposed.id;
  }
  await db
    .update(directorySuggestions)
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
      reviewNote,
      serviceId,
    })
    .where(eq(directorySuggestions.id, id));
  await recordAudit(db, actor, {
    action: decision === 'approve' ? 'approve' : 'reject',
    entity: 'directory_suggestion',
    entityId: id,
    detail: { serviceId },
  });
  return { serviceId };
}

export interface ReviewDue {
  id: string;
  name: string;
  organisation: string | null;
  reviewDate: IsoDate;
  lastReviewedOn: IsoDate | null;
  source: string;
}

/** Entries whose review date is on or before `today`, most overdue first. */
export async function overdueEntries(db: Db, today: IsoDate): Promise<ReviewDue[]> {
  const rows = await db
    .select({
      id: directoryServices.id,
      name: directoryServices.name,
      organisation: directoryOrganizations.name,
      reviewDate: directoryServices.reviewDate,
      lastReviewedOn: directoryServices.lastReviewedOn,
      source: directoryServices.source,
    })
    .from(directoryServices)
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
    .where(lte(directoryServices.reviewDate, today))
    .orderBy(asc(directoryServices.reviewDate), asc(directoryServices.name))
    .limit(1000);
  return rows;
}

export interface HistoryEntry {
  version: number;
  action: string;
  actorLabel: string;
  at: string;
  changes: FieldChange[];
}

/** Every version of an entry, newest first. */
export async function serviceHistory(db: Db, serviceId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      version: directoryHistory.version,
      action: directoryHistory.action,
      actorLabel: directoryHistory.actorLabel,
      at: directoryHistory.at,
      changes: directoryHistory.changes,
    })
    .from(directoryHistory)
    .where(eq(directoryHistory.serviceId, serviceId))
    .orderBy(desc(directoryHistory.version));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: r.changes as FieldChange[] }));
}

export interface DuplicateOrganisations extends DuplicateGroup {
  organisations: { id: string; name: string; services: number }[];
}

/** Organisations that look like the same body: a shared charity or company number, or the same name. */
export async function duplicateOrganisations(db: Db): Promise<DuplicateOrganisations[]> {
  const orgs = await db
    .select({
      id: directoryOrganizations.id,
      name: directoryOrganizations.name,
      services: sql<number>`(select count(*)::int from directory_services s where s.organization_id = directory_organizations.id)`,
    })
    .from(directoryOrganizations)
    .orderBy(asc(directoryOrganizations.name));
  const idents = await db.select().from(directoryOrganizationIdentifiers);
  const byOrg = new Map<string, typeof idents>();
  for (const i of idents) byOrg.set(i.organization_id, [...(byOrg.get(i.organization_id) ?? []), i]);
  const groups = findDuplicateOrganisations(
    orgs.map((o) => ({
      id: o.id,
      name: o.name,
      identifiers: (byOrg.get(o.id) ?? []).map((i) => ({
        identifier_scheme: i.identifier_scheme ?? undefined,
        identifier_type: i.identifier_type,
        identifier: i.identifier,
      })),
    })),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return groups.map((g) => ({
    ...g,
    organisations: g.organisationIds.map((id) => {
      const o = byId.get(id)!;
      return { id, name: o.name, services: Number(o.services) };
    }),
  }));
}
