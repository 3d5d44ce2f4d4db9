/**
 * Compares two statements (two editions, or an edition and the live draft) section by section: each headline
 * figure before and after, each narrative block's lines added and removed (a line diff by jsdiff), and the
 * opportunities that appeared or went.
 */
import { diffArrays } from 'diff';
import type { Figure, Opportunity, Statement } from './statement.js';

export interface FigureChange {
  key: string;
  label: string;
  unit: Figure['unit'];
  before: number | null;
  after: number | null;
  /** after − before, when both are known. */
  difference: number | null;
}

export interface TextLine {
  change: 'added' | 'removed' | 'same';
  text: string;
}

export interface BlockChange {
  key: string;
  heading: string | null;
  changed: boolean;
  lines: TextLine[];
}

export interface SectionComparison {
  key: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  figures: FigureChange[];
  blocks: BlockChange[];
  opportunitiesAdded: Pick<Opportunity, 'id' | 'title'>[];
  opportunitiesRemoved: Pick<Opportunity, 'id' | 'title'>[];
}

export interface StatementComparison {
  sections: SectionComparison[];
  opportunitiesAdded: Pick<Opportunity, 'id' | 'title'>[];
  opportunitiesRemoved: Pick<Opportunity, 'id' | 'title'>[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');

/** Line-by-line difference of two narrative texts (blank lines ignored). */
export function diffText(before: string, after: string): TextLine[] {
  const out: TextLine[] = [];
  for (const part of diffArrays(lines(before), lines(after))) {
    const change = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value) out.push({ change, text });
  }
  return out;
}

function opportunityChanges(before: Opportunity[], after: Opportunity[]) {
  const was = new Set(before.map((o) => o.id));
  const is = new Set(after.map((o) => o.id));
  return {
    added: after.filter((o) => !was.has(o.id)).map(({ id, title }) => ({ id, title })),
    removed: before.filter((o) => !is.has(o.id)).map(({ id, title }) => ({ id, title })),
  };
}

/**
 * Section-by-section comparison of `before` and `after`, in the order of `after` (sections only in `before` come
 * last). A figure that exists in one statement only has null on the other side.
 */
export function compareStatements(before: Statement, after: Statement): StatementComparison {
  const beforeSections = new Map(before.sections.map((s) => [s.key, s]));
  const afterKeys = new Set(after.sections.map((s) => s.key));
  const ordered = [...after.sections, ...before.sections.filter((s) => !afterKeys.has(s.key))];
  const sections = ordered.map((section): SectionComparison => {
    const b = beforeSections.get(section.key) ?? null;
    const a = afterKeys.has(section.key) ? section : null;
    const figKeys = [...new Set([...(a?.figures ?? []), ...(b?.figures ?? [])].map((f) => f.key))];
    const figures = figKeys.map((key) => {
      const fa = a?.figures.find((f) => f.key === key) ?? null;
      const fb = b?.figures.find((f) => f.key === key) ?? null;
      const before = fb?.value ?? null;
      const after = fa?.value ?? null;
      return {
        key,
        label: (fa ?? fb)!.label,
        unit: (fa ?? fb)!.unit,
        before,
        after,
        difference: before !== null && after !== null ? after - before : null,
      };
    });
    const blockKeys = [...new Set([...(a?.narrative ?? []), ...(b?.narrative ?? [])].map((n) => n.key))];
    const blocks = blockKeys.map((key) => {
      const na = a?.narrative.find((n) => n.key === key);
      const nb = b?.narrative.find((n) => n.key === key);
      const diff = diffText(nb?.text ?? '', na?.text ?? '');
      return { key, heading: (na ?? nb)!.heading, changed: diff.some((l) => l.change !== 'same'), lines: diff };
    });
    const opps = opportunityChanges(
      before.opportunities.filter((o) => o.sectionKeys.includes(section.key)),
      after.opportunities.filter((o) => o.sectionKeys.includes(section.key)),
    );
    const changed =
      figures.some((f) => f.before !== f.after) ||
      blocks.some((x) => x.changed) ||
      opps.added.length > 0 ||
      opps.removed.length > 0;
    return {
      key: section.key,
      title: section.title,
      change: !b ? 'added' : !a ? 'removed' : changed ? 'changed' : 'unchanged',
      figures,
      blocks,
      opportunitiesAdded: opps.added,
      opportunitiesRemoved: opps.removed,
    };
  });
  const all = opportunityChanges(before.opportunities, after.opportunities);
  return { sections, opportunitiesAdded: all.added, opportunitiesRemoved: all.removed };
}
