// A delivery plan's history and an assessment's action-plan trail in words: each audit entry about the plan, its
// priorities, commissioning intentions, actions and milestones, or about a quality assessment, described as a
// commissioner reads it ("Priority moved up: Priority 2 – Home first").
import { RAG_LABELS, type Rag } from './deliveryPlan.js';
import { DOMAIN_LABELS } from './assessment.js';
import { longDateText, isIsoDate } from '../core/dates.js';
import type { AuditFact, FieldChangeText, HistoryEntry } from './history.js';

/** Labels of a plan action's fields, for its edits in the plan's history. */
export const PLAN_ACTION_FIELD_LABELS: Record<string, string> = {
  text: 'Action',
  owner: 'Owner',
  yearStatuses: 'Status by plan year',
  responsibleServiceAreas: 'Responsible service areas',
  ragOverride: 'RAG (set by hand)',
  contractIds: 'Contracts delivering it',
  procurementIds: 'Procurements delivering it',
};

const KIND_LABELS: Record<string, string> = {
  plan_priority: 'Priority',
  plan_intention: 'Commissioning intention',
  plan_action: 'Action',
  plan_milestone: 'Milestone',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A stored action field in words: lists joined, ids named from `names`, a RAG by its label; null for none. */
function actionValueText(field: string, value: unknown, names: ReadonlyMap<string, string>): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'string' ? (names.get(v) ?? v) : String(v)));
    return items.length ? items.join(', ') : null;
  }
  if (field === 'ragOverride' && typeof value === 'string') return RAG_LABELS[value as Rag] ?? value;
  return String(value);
}

/** The fields an action edit changed (before → after), in the editor's order; unchanged fields left out. */
function actionChanges(detail: Record<string, unknown>, names: ReadonlyMap<string, string>): FieldChangeText[] {
  const before = (detail.before ?? {}) as Record<string, unknown>;
  const after = (detail.after ?? detail) as Record<string, unknown>;
  const hasBefore = detail.before !== undefined;
  return Object.keys(PLAN_ACTION_FIELD_LABELS)
    .filter((f) => f in after)
    .filter((f) => !hasBefore || JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((field) => ({
      field,
      label: PLAN_ACTION_FIELD_LABELS[field],
      before: hasBefore ? actionValueText(field, before[field], names) : null,
      after: actionValueText(field, after[field], names),
    }));
}

/**
 * An audit entry about a delivery plan or one of its entries, described for the plan's history. `names` gives each
 * entry's words by id ("Priority 2 – Home first", an action's text) and the names of contracts and procurements an
 * action links to; an entry no longer named is called by its kind alone.
 */
export function describePlanHistoryEntry(
  fact: AuditFact & { entityId: string | null },
  names: ReadonlyMap<string, string> = new Map(),
): HistoryEntry {
  const d = fact.detail;
  const base = { id: fact.id, at: fact.at, who: fact.who, action: fact.action, entity: fact.entity };
  const kind = KIND_LABELS[fact.entity] ?? 'Entry';
  const named = (fact.entityId && names.get(fact.entityId)) || null;
  const what = named ? `${kind}: ${named}` : kind;
  let summary: string;
  let changes: FieldChangeText[] = [];
  switch (`${fact.entity}:${fact.action}`) {
    case 'delivery_plan:create':
      summary = `Plan started: ${String(d.title)}${Array.isArray(d.years) ? ` (${d.years.join(', ')})` : ''}`;
      break;
    case 'delivery_plan:import':
      summary = `Imported from the workbook ${String(d.fileName)} (${String(d.actions)} ${d.actions === 1 ? 'action' : 'actions'})`;
      break;
    case 'delivery_plan:update':
      if (d.retired === true) summary = 'Plan retired';
      else if (d.retired === false) summary = 'Plan restored';
      else {
        summary = 'Plan details edited';
        const was = (d.before ?? {}) as Record<string, unknown>;
        changes = (['title', 'kind', 'careGroup'] as const)
          .filter((f) => f in d && (!('before' in d) || (was[f] ?? null) !== (d[f] ?? null)))
          .map((f) => ({
            field: f,
            label: { title: 'Title', kind: 'Kind', careGroup: 'Care group' }[f],
            before: text(was[f]),
            after: text(d[f]),
          }));
      }
      break;
    case 'plan_priority:create':
      summary = `Priority added: ${String(d.title)}`;
      break;
    case 'plan_intention:create':
      summary = `Commissioning intention added${named ? `: ${named}` : ''}`;
      break;
    case 'plan_action:create':
      summary = `Action added: ${String(d.text)}`;
      break;
    case 'plan_priority:update':
    case 'plan_intention:update':
      summary = `${kind} reworded`;
      changes = [{ field: 'text', label: kind, before: text(d.before), after: text(d.after) }];
      break;
    case 'plan_action:update':
      changes = actionChanges(d, names);
      summary = named ? `Action saved: ${named}` : 'Action saved';
      break;
    case 'plan_priority:retire':
    case 'plan_intention:retire':
    case 'plan_action:retire':
      summary = `${kind} retired${named ? `: ${named}` : ''}`;
      break;
    case 'plan_priority:restore':
    case 'plan_intention:restore':
    case 'plan_action:restore':
      summary = `${kind} restored${named ? `: ${named}` : ''}`;
      break;
    case 'plan_priority:move_up':
    case 'plan_intention:move_up':
    case 'plan_action:move_up':
      summary = `${kind} moved up${named ? `: ${named}` : ''}`;
      break;
    case 'plan_priority:move_down':
    case 'plan_intention:move_down':
    case 'plan_action:move_down':
      summary = `${kind} moved down${named ? `: ${named}` : ''}`;
      break;
    case 'plan_milestone:complete':
      summary = `Milestone completed on ${typeof d.completedOn === 'string' && isIsoDate(d.completedOn) ? longDateText(d.completedOn) : String(d.completedOn)}${named ? `: ${named}` : ''}`;
      break;
    case 'plan_milestone:reopen':
      summary = `Milestone reopened${named ? `: ${named}` : ''}`;
      break;
    default:
      summary = `${what} ${fact.action.replace(/_/g, ' ')}`;
  }
  return { ...base, summary, note: null, changes };
}

const RATING_FIELD_LABELS: Record<string, string> = {
  involvementInformation: DOMAIN_LABELS.involvement_information,
  personalisedCare: DOMAIN_LABELS.personalised_care,
  safeguardingSafety: DOMAIN_LABELS.safeguarding_safety,
  staffing: DOMAIN_LABELS.staffing,
  management: DOMAIN_LABELS.management,
  overall: 'Overall rating',
  summary: 'Summary',
};

/**
 * An audit entry about a quality assessment, described for its history: recorded, revised, shared, the provider's
 * response, published, and the action plan's trail (submitted with its text, changes asked with what must change,
 * revised with the text before and after, accepted).
 */
export function describeAssessmentHistoryEntry(fact: AuditFact): HistoryEntry {
  const d = fact.detail;
  const base = { id: fact.id, at: fact.at, who: fact.who, action: fact.action, entity: fact.entity };
  let summary: string;
  let note: string | null = null;
  let changes: FieldChangeText[] = [];
  switch (fact.action) {
    case 'create':
      summary = `Assessment recorded as a draft${d.overall ? ` (overall: ${String(d.overall)})` : ''}`;
      break;
    case 'revise': {
      const before = (d.before ?? {}) as Record<string, unknown>;
      const after = (d.after ?? {}) as Record<string, unknown>;
      summary = 'Ratings or summary revised';
      changes = Object.keys(after).map((f) => ({
        field: f,
        label: RATING_FIELD_LABELS[f] ?? f,
        before: text(before[f]),
        after: text(after[f]),
      }));
      break;
    }
    case 'share':
      summary = 'Shared with the provider for challenge';
      break;
    case 'respond':
      summary = d.response === 'challenge' ? 'Provider challenged the assessment' : 'Provider accepted the assessment';
      break;
    case 'publish':
      summary = 'Assessment published';
      break;
    case 'submit_action_plan': {
      const before = text(d.before);
      summary = before ? 'Action plan revised' : 'Action plan submitted';
      if (before) changes = [{ field: 'actionPlan', label: 'Action plan', before, after: text(d.actionPlan) }];
      else note = text(d.actionPlan);
      break;
    }
    case 'request_action_plan_changes':
      summary = 'Changes to the action plan asked for';
      note = text(d.changes);
      break;
    case 'accept_action_plan':
      summary = 'Action plan accepted';
      break;
    default:
      summary = fact.action.replace(/_/g, ' ');
  }
  return { ...base, summary, note, changes };
}
