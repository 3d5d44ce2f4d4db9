// Contract register: reads with provider and location names, writes in transactions with an audit entry.
//
// Changes once registered (decision, extension, variation, early end): contractChanges.ts; history:
// contractHistory.ts; the register's import: registerImport.ts; the term: contractTerm.ts. Re-exported here.
import { and, asc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, changedFields, recordAudit } from '../core/audit.js';
import { locations, providers } from '../market/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import { summariseTerm, termProblems } from '../../domain/contracts/contract.js';
import { contracts, type ContractRow } from './schema.js';
import { termOf } from './contractTerm.js';
export { termOf } from './contractTerm.js';
export { decide, endContract, extendContract, varyContract, type VariationInput } from './contractChanges.js';
export { contractHistory, procurementHistory } from './contractHistory.js';
export { importRegister, resolveRegisterRefs, type RegisterRefs } from './registerImport.js';

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
        { field: 'reference', message: `A contract with reference ${input.reference} already exists` },
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
        { field: 'reference', message: `A contract with reference ${input.reference} already exists` },
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
