// A contract's history in words: each audit entry about the contract, its KPIs or its procurements, described as a
// commissioner reads it ("Varied (variation 2): annual value £660,000 → £700,000").
import { CARE_GROUP_LABELS, CONTRACT_FORM_LABELS, FUNDING_SOURCE_LABELS, SERVICE_AREA_LABELS } from './contract.js';
import { PROCUREMENT_STAGE_LABELS, type ProcurementStage } from './procurement.js';
import { KPI_FREQUENCY_LABELS, KPI_MEASURE_LABELS } from './kpi.js';
import { isIsoDate, longDateText } from '../core/dates.js';
import { numberFormat } from '../core/format.js';

/** One audit entry as read from the trail: who (name or e-mail), what, on which kind of record, with its detail. */
export interface AuditFact {
  id: number;
  /** ISO timestamp. */
  at: string;
  who: string;
  action: string;
  /** contract | kpi | procurement */
  entity: string;
  detail: Record<string, unknown>;
}

/** One field a change altered, in words: its label and its value before and after (null when it had none). */
export interface FieldChangeText {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  who: string;
  action: string;
  entity: string;
  /** What happened, in a sentence. */
  summary: string;
  /** The reason or note given with the change, if any. */
  note: string | null;
  changes: FieldChangeText[];
}

/** Labels of the contract register's fields (and the term figures the history mentions). */
export const CONTRACT_FIELD_LABELS: Record<string, string> = {
  reference: 'Reference',
  title: 'Title',
  providerId: 'Provider',
  locationId: 'Location',
  serviceArea: 'Service area',
  careGroup: 'Care group',
  contractForm: 'Contract form',
  fundingSource: 'Funding source',
  totalValuePence: 'Total value',
  annualValuePence: 'Annual value',
  startDate: 'Start date',
  initialEndDate: 'End date (initial term)',
  currentEndDate: 'End date',
  extensionOptionsMonths: 'Extension options',
  extensionsTaken: 'Extensions taken',
  breakClauseDates: 'Break clauses',
  noticePeriodMonths: 'Notice period',
  socialValue: 'Social value commitments',
  leadOfficer: 'Lead officer',
};

/** Labels of a KPI's fields, for its edits in the contract's history (a KPI's `name` is its title). */
export const KPI_FIELD_LABELS: Record<string, string> = {
  name: 'KPI',
  measure: 'Measured as',
  unit: 'Unit',
  target: 'Target',
  direction: 'Higher or lower is better',
  frequency: 'How often it is reported',
  tolerance: 'Tolerance',
  dueDays: 'Due day (days after the period ends)',
};

const KPI_DIRECTION_LABELS: Record<string, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};

const CODE_LABELS: Record<string, Record<string, string>> = {
  serviceArea: SERVICE_AREA_LABELS,
  careGroup: CARE_GROUP_LABELS,
  contractForm: CONTRACT_FORM_LABELS,
  fundingSource: FUNDING_SOURCE_LABELS,
  direction: KPI_DIRECTION_LABELS,
  frequency: KPI_FREQUENCY_LABELS,
  measure: KPI_MEASURE_LABELS,
};

/** An ISO calendar date in words ("2027-03-31" → "31 March 2027"); any other value as it is. */
const dateText = (v: unknown): string => (typeof v === 'string' && isIsoDate(v) ? longDateText(v) : String(v));

/** Whole pounds with thousands separators, pence shown only when there are any: 6600000 → "£66,000". */
export function poundsText(pence: number): string {
  const pounds = pence / 100;
  return `£${numberFormat(Number.isInteger(pounds) ? 0 : 2, 2).format(pounds)}`;
}

/**
 * A stored value of field `field` in words (null stays null: "none"); ids are named from `names` where known and
 * calendar dates are written out ("31 March 2027").
 */
export function valueText(
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && names.has(value)) return names.get(value)!;
  if (field.endsWith('Pence') && typeof value === 'number') return poundsText(value);
  if (field === 'extensionOptionsMonths' && Array.isArray(value))
    return value.length ? value.map((m) => `${m} months`).join(' + ') : null;
  if (field === 'noticePeriodMonths' && typeof value === 'number') return `${value} months`;
  if (field === 'dueDays' && typeof value === 'number') return `${value} days`;
  if (Array.isArray(value)) return value.length ? value.map(dateText).join(', ') : null;
  if (typeof value === 'string' && isIsoDate(value)) return longDateText(value);
  if (typeof value === 'string' && CODE_LABELS[field]?.[value]) return CODE_LABELS[field][value];
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function changesOf(
  detail: Record<string, unknown>,
  names: ReadonlyMap<string, string>,
  labels: Record<string, string>,
): FieldChangeText[] {
  const before = (detail.before ?? {}) as Record<string, unknown>;
  const after = (detail.after ?? {}) as Record<string, unknown>;
  // jsonb keeps keys in its own order: list the fields in the register's order.
  const order = Object.keys(labels);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return Object.keys(after)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((field) => ({
      field,
      label: labels[field] ?? field,
      before: valueText(field, before[field], names),
      after: valueText(field, after[field], names),
    }));
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * An audit entry about a contract, its KPIs or its procurements, described for the contract's history; `names` gives
 * the names of ids a change mentions (a provider, a location), shown instead of the id.
 */
export function describeHistoryEntry(fact: AuditFact, names: ReadonlyMap<string, string> = new Map()): HistoryEntry {
  const d = fact.detail;
  const base = { id: fact.id, at: fact.at, who: fact.who, action: fact.action, entity: fact.entity };
  const changes = changesOf(d, names, fact.entity === 'kpi' ? KPI_FIELD_LABELS : CONTRACT_FIELD_LABELS);
  const stageLabel = (s: unknown) => PROCUREMENT_STAGE_LABELS[s as ProcurementStage] ?? String(s);
  let summary: string;
  let note: string | null = null;
  switch (`${fact.entity}:${fact.action}`) {
    case 'contract:create':
      summary = 'Contract added to the register';
      break;
    case 'contract:import':
      summary = d.created
        ? `Added from the register file ${String(d.fileName)}`
        : `Updated from the register file ${String(d.fileName)}`;
      break;
    case 'contract:update':
      summary = changes.length ? 'Details edited' : 'Saved without changes';
      break;
    case 'contract:extend':
      summary = 'Extension option taken';
      note = text(d.note);
      break;
    case 'contract:vary':
      summary = `Varied (variation ${String(d.variation)}), effective from ${dateText(d.effectiveFrom)}`;
      note = text(d.reason);
      break;
    case 'contract:end':
      summary = 'Contract ended early';
      note = text(d.reason);
      break;
    case 'contract:decide':
      summary = `Recommissioning decision recorded: ${String(d.decision).replace(/_/g, ' ')}`;
      note = text(d.note);
      break;
    case 'kpi:create':
      summary = `KPI added: ${String(d.name)}`;
      break;
    case 'kpi:update':
      summary = `KPI edited: ${String(d.name)}`;
      break;
    case 'kpi:retire':
      summary = `KPI retired (its returns are kept): ${String(d.name)}`;
      note = text(d.reason);
      break;
    case 'kpi:delete':
      summary = `KPI removed (it had no returns): ${String(d.name)}`;
      note = text(d.reason);
      break;
    case 'procurement:create':
      summary = `Procurement started: ${String(d.title)}`;
      break;
    case 'procurement:update_stage': {
      const dates = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd']
        .filter((k) => k in d)
        .map((k) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${d[k] === null ? 'cleared' : dateText(d[k])}`);
      summary = `Procurement stage ${stageLabel(d.stage)}: ${dates.join(', ') || 'updated'}`;
      break;
    }
    default:
      summary = `${fact.entity} ${fact.action.replace(/_/g, ' ')}`;
  }
  return { ...base, summary, note, changes };
}
