// Contract register: reads with provider and location names, writes in transactions with an audit entry.
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, changedFields, recordAudit, recordAuditMany } from '../core/audit.js';
import { locations, providers } from '../market/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  currentEndDate,
  endProblem,
  summariseTerm,
  takeExtension,
  termProblems,
  variedFields,
  type ContractTerm,
  type VariationChanges,
} from '../../domain/contracts/contract.js';
import { describeHistoryEntry, type HistoryEntry } from '../../domain/contracts/history.js';
import { auditLog, users } from '../core/schema.js';
import { decisionProblem, type RecommissioningDecision } from '../../domain/contracts/recommissioning.js';
import type { RegisterContract } from '../../domain/contracts/register.js';
import { contracts, kpis, procurements, type ContractRow } from './schema.js';

export interface ContractView {
  id: string;
  reference: string;
  title: string;
  providerId: string | null;
  providerName: string | null;
  locationId: string | null;
  locationName: string | null;
  serviceArea: string;
  careGroup: string;
  contractForm: string;
  fundingSource: string;
  totalValuePence: number;
  annualValuePence: number;
  startDate: string;
  initialEndDate: string;
  currentEndDate: string;
  maximumEndDate: string;
  extensionOptionsMonths: number[];
  extensionsTaken: number;
  extensionsRemaining: number[];
  breakClauseDates: string[];
  noticePeriodMonths: number;
  noticeDeadline: string;
  daysToEnd: number;
  status: 'not_started' | 'live' | 'ended';
  socialValue: string | null;
  leadOfficer: string | null;
  decision: string | null;
  decisionNote: string | null;
  /** The last day of a contract ended early, and why (null while it runs its term). */
  endedOn: string | null;
  endReason: string | null;
}

/**
 * A stored contract's term (dates, extension options and those taken, break clauses, notice) for the domain's rules.
 */
export function termOf(
  row: Pick<
    ContractRow,
    | 'startDate'
    | 'initialEndDate'
    | 'extensionOptionsMonths'
    | 'extensionsTaken'
    | 'noticePeriodMonths'
    | 'breakClauseDates'
    | 'endedOn'
  >,
): ContractTerm {
  return {
    startDate: row.startDate,
    initialEndDate: row.initialEndDate,
    extensionOptionsMonths: row.extensionOptionsMonths,
    extensionsTaken: row.extensionsTaken,
    noticePeriodMonths: row.noticePeriodMonths,
    breakClauseDates: row.breakClauseDates,
    endedOn: row.endedOn,
  };
}

function toView(
  row: ContractRow,
  providerName: string | null,
  locationName: string | null,
  asAt: string,
): ContractView {
  const s = summariseTerm(termOf(row), asAt);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    providerId: row.providerId,
    providerName,
    locationId: row.locationId,
    locationName,
    serviceArea: row.serviceArea,
    careGroup: row.careGroup,
    contractForm: row.contractForm,
    fundingSource: row.fundingSource,
    totalValuePence: Number(row.totalValuePence),
    annualValuePence: Number(row.annualValuePence),
    startDate: row.startDate,
    initialEndDate: row.initialEndDate,
    currentEndDate: s.currentEndDate,
    maximumEndDate: s.maximumEndDate,
    extensionOptionsMonths: row.extensionOptionsMonths,
    extensionsTaken: row.extensionsTaken,
    extensionsRemaining: s.extensionsRemaining,
    breakClauseDates: row.breakClauseDates,
    noticePeriodMonths: row.noticePeriodMonths,
    noticeDeadline: s.noticeDeadline,
    daysToEnd: s.daysToEnd,
    status: s.status,
    socialValue: row.socialValue,
    leadOfficer: row.leadOfficer,
    decision: row.decision,
    decisionNote: row.decisionNote,
    endedOn: row.endedOn,
    endReason: row.endReason,
  };
}

export interface ContractFilters {
  providerId?: string;
  serviceArea?: string;
  careGroup?: string;
  contractForm?: string;
  fundingSource?: string;
  search?: string;
  status?: 'live' | 'ended' | 'not_started';
}

/** Contracts matching the filters, each with its term worked out as at `asAt` (ISO date) and its provider's name. */
export async function listContracts(db: Db, filters: ContractFilters, asAt: string): Promise<ContractView[]> {
  const where: SQL[] = [];
  if (filters.providerId) where.push(eq(contracts.providerId, filters.providerId));
  if (filters.serviceArea) where.push(eq(contracts.serviceArea, filters.serviceArea));
  if (filters.careGroup) where.push(eq(contracts.careGroup, filters.careGroup));
  if (filters.contractForm) where.push(eq(contracts.contractForm, filters.contractForm));
  if (filters.fundingSource) where.push(eq(contracts.fundingSource, filters.fundingSource));
  if (filters.search) {
    const like = `%${filters.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(or(ilike(contracts.title, like), ilike(contracts.reference, like), ilike(providers.name, like))!);
  }
  const rows = await db
    .select({ c: contracts, providerName: providers.name, locationName: locations.name })
    .from(contracts)
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .leftJoin(locations, eq(locations.id, contracts.locationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(contracts.reference));
  const views = rows.map((r) => toView(r.c, r.providerName, r.locationName, asAt));
  return filters.status ? views.filter((v) => v.status === filters.status) : views;
}

/** One contract with its term as at `asAt`, provider and location names. @throws NotFound when there is none */
export async function getContract(db: Db, id: string, asAt: string): Promise<ContractView> {
  const [r] = await db
    .select({ c: contracts, providerName: providers.name, locationName: locations.name })
    .from(contracts)
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .leftJoin(locations, eq(locations.id, contracts.locationId))
    .where(eq(contracts.id, id));
  if (!r) throw new NotFound('Contract');
  return toView(r.c, r.providerName, r.locationName, asAt);
}

export interface ContractInput {
  reference: string;
  title: string;
  providerId: string | null;
  locationId: string | null;
  serviceArea: string;
  careGroup: string;
  contractForm: string;
  fundingSource: string;
  totalValuePence: number;
  annualValuePence: number;
  startDate: string;
  initialEndDate: string;
  extensionOptionsMonths: number[];
  extensionsTaken: number;
  breakClauseDates: string[];
  noticePeriodMonths: number;
  socialValue: string | null;
  leadOfficer: string | null;
}

async function checkLinks(db: Db, input: Pick<ContractInput, 'providerId' | 'locationId'>): Promise<void> {
  const errors = [];
  if (input.providerId) {
    const [p] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId));
    if (!p) errors.push({ field: 'providerId', message: 'No provider with this id' });
  }
  if (input.locationId) {
    const [l] = await db
      .select({ providerId: locations.providerId })
      .from(locations)
      .where(eq(locations.id, input.locationId));
    if (!l) errors.push({ field: 'locationId', message: 'No location with this id' });
    else if (input.providerId && l.providerId !== input.providerId)
      errors.push({ field: 'locationId', message: 'This location belongs to another provider' });
  }
  if (errors.length) throw new InputError(errors);
}

/**
 * Creates a contract in one audited transaction. @returns its id
 * @throws InputError naming each field whose value or link (provider, location) is wrong
 */
export async function createContract(db: Db, actor: AuditActor, input: ContractInput): Promise<string> {
  const problems = termProblems(input);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    await checkLinks(tx, input);
    const [dup] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.reference, input.reference));
    if (dup)
      throw new Conflict(`A contract with reference ${input.reference} already exists`, [
        { field: 'reference', message: 'Reference already used' },
      ]);
    const [row] = await tx.insert(contracts).values(input).returning({ id: contracts.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'contract',
      entityId: row.id,
      detail: { reference: input.reference },
    });
    return row.id;
  });
}

/**
 * Replaces a contract's details in one audited transaction.
 * @throws InputError naming each wrong field; NotFound when there is no such contract
 */
export async function updateContract(db: Db, actor: AuditActor, id: string, input: ContractInput): Promise<void> {
  const problems = termProblems(input);
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await checkLinks(tx, input);
    const [was] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
    if (!was) throw new NotFound('Contract');
    const [dup] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.reference, input.reference), ne(contracts.id, id)));
    if (dup)
      throw new Conflict(`A contract with reference ${input.reference} already exists`, [
        { field: 'reference', message: 'Reference already used' },
      ]);
    await tx
      .update(contracts)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'contract',
      entityId: id,
      detail: { reference: input.reference, ...changedFields(was, { ...input }) },
    });
  });
}

/** Record the recommissioning decision; 'extend' takes the next extension option straight away. */
export async function decide(
  db: Db,
  actor: AuditActor,
  id: string,
  decision: RecommissioningDecision,
  note: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
    if (!row) throw new NotFound('Contract');
    const term = termOf(row);
    const problem = decisionProblem(term, decision);
    if (problem) throw new InputError([{ field: 'decision', message: problem }]);
    const set: Partial<typeof contracts.$inferInsert> = {
      decision,
      decisionNote: note,
      decidedAt: new Date(),
      updatedAt: new Date(),
    };
    let newEnd: string | null = null;
    if (decision === 'extend') {
      const ext = takeExtension(term);
      if (!ext.ok) throw new InputError([{ field: 'decision', message: ext.reason }]);
      set.extensionsTaken = ext.term.extensionsTaken;
      set.decision = null; // extended: the next decision is about the new end date
      newEnd = ext.newEndDate;
    }
    await tx.update(contracts).set(set).where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: decision === 'extend' ? 'extend' : 'decide',
      entity: 'contract',
      entityId: id,
      detail: { decision, note, newEndDate: newEnd },
    });
  });
}

/** A locked contract row for a state change. @throws NotFound when there is none */
async function lockContract(tx: Db, id: string): Promise<ContractRow> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
  if (!row) throw new NotFound('Contract');
  return row;
}

/**
 * Takes the contract's next extension option in one audited transaction (the end date moves on by its months).
 * @returns the new end date (ISO)
 * @throws NotFound; Conflict when the contract has been ended or no option remains
 */
export async function extendContract(db: Db, actor: AuditActor, id: string, note: string | null): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    const term = termOf(row);
    const ext = takeExtension(term);
    if (!ext.ok) throw new Conflict(ext.reason, [{ field: 'extension', message: ext.reason }]);
    await tx
      .update(contracts)
      .set({ extensionsTaken: ext.term.extensionsTaken, decision: null, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: 'extend',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        note,
        before: { currentEndDate: currentEndDate(term), extensionsTaken: term.extensionsTaken },
        after: { currentEndDate: ext.newEndDate, extensionsTaken: ext.term.extensionsTaken },
      },
    });
    return ext.newEndDate;
  });
}

export interface VariationInput {
  /** What the variation changes: only the fields given (and different from now) change. */
  changes: VariationChanges;
  /** Why the contract is varied (the variation's description, shown in its history). */
  reason: string;
  /** The day the variation takes effect (ISO). */
  effectiveFrom: string;
}

/**
 * Varies a running contract (a formal change to its value, term or scope) in one audited transaction; the variation
 * is numbered in the contract's history. @returns the variation's number (1 for the first)
 * @throws NotFound; Conflict when the contract has been ended; InputError when nothing changes, or the new term is
 * wrong (naming each field), or the effective day is outside the term
 */
export async function varyContract(db: Db, actor: AuditActor, id: string, input: VariationInput): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    if (row.endedOn)
      throw new Conflict('This contract has been ended: it cannot be varied', [
        { field: 'changes', message: 'This contract has been ended: it cannot be varied' },
      ]);
    const current: Required<VariationChanges> = {
      title: row.title,
      totalValuePence: Number(row.totalValuePence),
      annualValuePence: Number(row.annualValuePence),
      initialEndDate: row.initialEndDate,
      extensionOptionsMonths: row.extensionOptionsMonths,
      noticePeriodMonths: row.noticePeriodMonths,
      breakClauseDates: row.breakClauseDates,
      socialValue: row.socialValue,
    };
    const fields = variedFields(current, input.changes);
    if (fields.length === 0)
      throw new InputError([{ field: 'changes', message: 'The variation changes nothing: change at least one term' }]);
    const next = { ...row, ...Object.fromEntries(fields.map((f) => [f, input.changes[f]])) } as ContractRow;
    const problems = termProblems(termOf(next));
    if (input.effectiveFrom < row.startDate || input.effectiveFrom > currentEndDate(termOf(next)))
      problems.push({ field: 'effectiveFrom', message: 'The variation must take effect within the contract term' });
    if (problems.length) throw new InputError(problems);
    const set = Object.fromEntries(fields.map((f) => [f, input.changes[f]]));
    await tx
      .update(contracts)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'contract'), eq(auditLog.entityId, id), eq(auditLog.action, 'vary')));
    const number = n + 1;
    await recordAudit(tx, actor, {
      action: 'vary',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        variation: number,
        reason: input.reason,
        effectiveFrom: input.effectiveFrom,
        ...changedFields(current, set),
      },
    });
    return number;
  });
}

/**
 * Ends a contract early (terminated, or by agreement): `endedOn` is its last day, which becomes its end date; no
 * extension or variation is possible afterwards. One audited transaction.
 * @throws NotFound; Conflict when it has already been ended; InputError when the day is outside its term
 */
export async function endContract(
  db: Db,
  actor: AuditActor,
  id: string,
  input: { endedOn: string; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    const term = termOf(row);
    const problem = endProblem(term, input.endedOn);
    if (problem && row.endedOn) throw new Conflict(problem.message, [problem]);
    if (problem) throw new InputError([problem]);
    await tx
      .update(contracts)
      .set({ endedOn: input.endedOn, endReason: input.reason, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: 'end',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        reason: input.reason,
        before: { currentEndDate: currentEndDate(term) },
        after: { currentEndDate: input.endedOn },
      },
    });
  });
}

/** The audited changes matching `where` (a condition on the audit trail), described, newest first. */
async function historyOf(db: Db, where: SQL): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ a: auditLog, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id));
  // Providers and locations a change moved between, by name rather than id.
  const ids = new Set<string>();
  for (const { a } of rows)
    for (const side of ['before', 'after'])
      for (const key of ['providerId', 'locationId']) {
        const v = (a.detail?.[side] as Record<string, unknown> | undefined)?.[key];
        if (typeof v === 'string') ids.add(v);
      }
  const names = new Map<string, string>();
  if (ids.size) {
    const list = [...ids];
    for (const p of await db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(inArray(providers.id, list)))
      names.set(p.id, p.name);
    for (const l of await db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(inArray(locations.id, list)))
      names.set(l.id, l.name);
  }
  return rows.map(({ a, userName }) =>
    describeHistoryEntry(
      {
        id: a.id,
        at: a.at.toISOString(),
        who: userName ?? a.actorLabel,
        action: a.action,
        entity: a.entity,
        detail: a.detail ?? {},
      },
      names,
    ),
  );
}

/** A procurement's history, newest first: when it was started and every change to its stages' dates. */
export async function procurementHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  return historyOf(db, and(eq(auditLog.entity, 'procurement'), eq(auditLog.entityId, id))!);
}

/**
 * The contract's history, newest first: every audited change to the contract itself, its KPIs (including those
 * retired or removed) and the procurements
 * started from it, each described in words with the fields changed (before → after).
 * @throws NotFound when there is no such contract
 */
export async function contractHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const [c] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, id));
  if (!c) throw new NotFound('Contract');
  const kpiIds = (await db.select({ id: kpis.id }).from(kpis).where(eq(kpis.contractId, id))).map((k) => k.id);
  const procIds = (
    await db.select({ id: procurements.id }).from(procurements).where(eq(procurements.contractId, id))
  ).map((p) => p.id);
  return historyOf(
    db,
    or(
      and(eq(auditLog.entity, 'contract'), eq(auditLog.entityId, id)),
      // KPIs by id, and by the contract their entry names (a KPI removed without returns is no longer in kpis).
      and(
        eq(auditLog.entity, 'kpi'),
        or(
          kpiIds.length ? inArray(auditLog.entityId, kpiIds) : sql`false`,
          sql`${auditLog.detail}->>'contractId' = ${id}`,
        ),
      ),
      procIds.length ? and(eq(auditLog.entity, 'procurement'), inArray(auditLog.entityId, procIds)) : sql`false`,
    )!,
  );
}

/** Who a register row names: its line and provider or location references. */
export interface RegisterRefs {
  line: number;
  providerName: string | null;
  cqcProviderId: string | null;
  cqcLocationId: string | null;
}

/**
 * Matches each row's provider (by CQC provider ID, else by name) and location (by CQC location ID) against the
 * market register; every row that cannot be matched is an issue with its line. Reads only.
 */
export async function resolveRegisterRefs(
  db: Db,
  rows: readonly RegisterRefs[],
): Promise<{
  byLine: Map<number, { providerId: string | null; locationId: string | null }>;
  unresolved: { line: number; field: string; message: string }[];
}> {
  const cqcIds = [...new Set(rows.map((r) => r.cqcProviderId).filter((x): x is string => !!x))];
  const names = [...new Set(rows.map((r) => r.providerName?.toLowerCase()).filter((x): x is string => !!x))];
  const provs = await db
    .select({ id: providers.id, name: providers.name, cqc: providers.cqcProviderId })
    .from(providers)
    .where(
      or(
        cqcIds.length ? inArray(providers.cqcProviderId, cqcIds) : sql`false`,
        names.length ? inArray(sql`lower(${providers.name})`, names) : sql`false`,
      ),
    );
  const byCqc = new Map(provs.filter((p) => p.cqc).map((p) => [p.cqc!, p.id]));
  const byName = new Map<string, string[]>();
  for (const p of provs) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.id]);
  const locIds = [...new Set(rows.map((r) => r.cqcLocationId).filter((x): x is string => !!x))];
  const locs = locIds.length
    ? await db
        .select({ id: locations.id, cqc: locations.cqcLocationId, providerId: locations.providerId })
        .from(locations)
        .where(inArray(locations.cqcLocationId, locIds))
    : [];
  const unresolved: { line: number; field: string; message: string }[] = [];
  const byLine = new Map<number, { providerId: string | null; locationId: string | null }>();
  for (const r of rows) {
    let providerId: string | null = null;
    if (r.cqcProviderId) {
      providerId = byCqc.get(r.cqcProviderId) ?? null;
      if (!providerId)
        unresolved.push({
          line: r.line,
          field: 'cqcProviderId',
          message: `No provider with CQC provider ID ${r.cqcProviderId} in the market register`,
        });
    } else if (r.providerName) {
      const matches = byName.get(r.providerName.toLowerCase()) ?? [];
      if (matches.length === 1) providerId = matches[0];
      else
        unresolved.push({
          line: r.line,
          field: 'providerName',
          message: matches.length
            ? `${matches.length} providers are called "${r.providerName}": give the CQC provider ID`
            : `No provider called "${r.providerName}" in the market register`,
        });
    }
    let locationId: string | null = null;
    if (r.cqcLocationId) {
      const loc = locs.find((l) => l.cqc === r.cqcLocationId);
      if (!loc)
        unresolved.push({
          line: r.line,
          field: 'cqcLocationId',
          message: `No location with CQC location ID ${r.cqcLocationId}`,
        });
      else if (providerId && loc.providerId !== providerId)
        unresolved.push({
          line: r.line,
          field: 'cqcLocationId',
          message: `Location ${r.cqcLocationId} belongs to another provider`,
        });
      else locationId = loc.id;
    }
    byLine.set(r.line, { providerId, locationId });
  }
  return { byLine, unresolved };
}

/**
 * Import a validated register: new references are created, known ones updated; providers resolved by CQC id or name.
 * Each contract created or changed gets its own audit entry (action `import`, with the file's name and, for a
 * known contract, the fields the file changed), so the import shows in that contract's history.
 */
export async function importRegister(
  db: Db,
  rows: RegisterContract[],
  audit: { actor: AuditActor | null; fileName: string } = { actor: null, fileName: 'register' },
): Promise<{ created: number; updated: number; unresolved: { line: number; field: string; message: string }[] }> {
  const { byLine, unresolved } = await resolveRegisterRefs(db, rows);
  const resolved = rows.map((r) => {
    const { line: _line, cqcProviderId: _c, cqcLocationId: _l, providerName: _p, ...rest } = r;
    return { ...rest, ...byLine.get(r.line)! };
  });
  if (unresolved.length) return { created: 0, updated: 0, unresolved };
  // One read of the known contracts; new contracts go in batches, known ones are updated in place.
  const known = new Map((await db.select().from(contracts)).map((c) => [c.reference, c]));
  const fresh = resolved.filter((r) => !known.has(r.reference));
  const entries: { action: string; entity: string; entityId: string; detail: Record<string, unknown> }[] = [];
  for (let i = 0; i < fresh.length; i += 500) {
    const ids = await db
      .insert(contracts)
      .values(fresh.slice(i, i + 500))
      .returning({ id: contracts.id, reference: contracts.reference });
    for (const c of ids)
      entries.push({
        action: 'import',
        entity: 'contract',
        entityId: c.id,
        detail: { reference: c.reference, fileName: audit.fileName, created: true },
      });
  }
  const changed = resolved.filter((r) => known.has(r.reference));
  for (const r of changed) {
    const was = known.get(r.reference)!;
    await db
      .update(contracts)
      .set({ ...r, updatedAt: new Date() })
      .where(eq(contracts.id, was.id));
    const diff = changedFields(was, { ...r });
    if (Object.keys(diff.after).length)
      entries.push({
        action: 'import',
        entity: 'contract',
        entityId: was.id,
        detail: { reference: r.reference, fileName: audit.fileName, created: false, ...diff },
      });
  }
  await recordAuditMany(db, audit.actor, entries);
  return { created: fresh.length, updated: changed.length, unresolved };
}
