/**
 * Commissioners' narrative: plain text with a few Markdown conventions (headings `## `, bulleted `- ` and
 * numbered `1. ` lists, `**bold**`, links `[text](https://…)`), parsed by markdown-it with HTML switched off and
 * only those rules enabled. The result is a small tree of plain data that the web app renders element by element,
 * so no text a commissioner writes is ever inserted as HTML.
 */
import MarkdownIt from 'markdown-it';
import type { FieldError } from '../core/errors.js';

/** Inline content: text, bold text or a link whose address has been checked. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

/** Block content. Heading levels are relative to the section: 1 is the highest a block may use. */
export type NarrativeBlock =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: NarrativeBlock[][] };

/** Longest narrative block accepted, in characters. */
export const MAX_NARRATIVE_LENGTH = 20_000;

const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable([
  'heading',
  'list',
  'paragraph',
  'link',
  'emphasis',
  'newline',
  'escape',
  'entity',
]);

/** Addresses a link may have: web pages, email and the site's own pages. Anything else stays plain text. */
export function isSafeHref(href: string): boolean {
  const h = href.trim();
  if (/^https?:\/\/[^\s]+$/i.test(h)) return true;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(h)) return true;
  return /^\/(?!\/)[^\s]*$/.test(h);
}

type Token = ReturnType<typeof md.parse>[number];

function inlines(children: Token[]): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const top = () => stack[stack.length - 1];
  for (const t of children) {
    switch (t.type) {
      case 'text':
        if (t.content) top().push({ type: 'text', text: t.content });
        break;
      case 'softbreak':
        top().push({ type: 'text', text: ' ' });
        break;
      case 'hardbreak':
        top().push({ type: 'break' });
        break;
      case 'strong_open':
      case 'em_open': {
        const node: Inline = { type: 'strong', children: [] };
        top().push(node);
        stack.push(node.children);
        break;
      }
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        if (isSafeHref(href)) {
          const node: Inline = { type: 'link', href: href.trim(), children: [] };
          top().push(node);
          stack.push(node.children);
        } else {
          // An unsafe address: keep the words, drop the link.
          stack.push(top());
        }
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        if (t.content) top().push({ type: 'text', text: t.content });
    }
  }
  return mergeText(root);
}

function mergeText(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of list) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else
      out.push(node.type === 'strong' || node.type === 'link' ? { ...node, children: mergeText(node.children) } : node);
  }
  return out;
}

/**
 * Parses narrative text into blocks. Headings `#`–`###` map to levels 1–3 (deeper ones to 3); raw HTML is kept as
 * literal text; links to anything but http(s), mailto or a site path are dropped, keeping their words.
 */
export function parseNarrative(text: string): NarrativeBlock[] {
  const tokens = md.parse(text, {});
  let i = 0;
  function blocks(until: string | null): NarrativeBlock[] {
    const out: NarrativeBlock[] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (until && t.type === until) {
        i++;
        return out;
      }
      if (t.type === 'heading_open') {
        const level = Math.min(3, Number(t.tag.slice(1))) as 1 | 2 | 3;
        out.push({ type: 'heading', level, children: inlines(tokens[i + 1].children ?? []) });
        i += 3;
      } else if (t.type === 'paragraph_open') {
        out.push({ type: 'paragraph', children: inlines(tokens[i + 1].children ?? []) });
        i += 3;
      } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        i++;
        const items: NarrativeBlock[][] = [];
        while (i < tokens.length && tokens[i].type !== close) {
          if (tokens[i].type === 'list_item_open') {
            i++;
            items.push(blocks('list_item_close'));
          } else i++;
        }
        i++;
        out.push({ type: 'list', ordered, items });
      } else if (t.type === 'inline') {
        // Tight list items carry their text in a hidden paragraph's inline token.
        out.push({ type: 'paragraph', children: inlines(t.children ?? []) });
        i++;
      } else {
        i++;
      }
    }
    return out;
  }
  return blocks(null);
}

/**
 * Problems with narrative text before it is saved, each naming `field` and the line at fault: too long, or a link
 * whose address is not a web page, email address or site path (javascript:, data: and the like are refused).
 */
export function narrativeProblems(text: string, field = 'text'): FieldError[] {
  const problems: FieldError[] = [];
  if (text.length > MAX_NARRATIVE_LENGTH)
    problems.push({
      field,
      message: `Text must be ${MAX_NARRATIVE_LENGTH.toLocaleString('en-GB')} characters or fewer`,
    });
  text.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(/\]\(\s*([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)/g)) {
      if (!isSafeHref(m[1]))
        problems.push({
          field,
          message: `Line ${n + 1}: the link "${m[1]}" is not a web address (https://…), an email (mailto:…) or a page of this site (/…)`,
        });
    }
  });
  return problems;
}

/** The words of a narrative tree, one line per paragraph, heading or list item (for comparing and searching). */
export function narrativeLines(blocks: NarrativeBlock[]): string[] {
  const text = (list: Inline[]): string =>
    list
      .map((n) =>
        n.type === 'text'
          ? n.text
          : n.type === 'break'
            ? ' '
            : n.type === 'link'
              ? `${text(n.children)}`
              : text(n.children),
      )
      .join('');
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'list')
      b.items.forEach((item, k) =>
        lines.push(...narrativeLines(item).map((l, j) => (j === 0 ? `${b.ordered ? `${k + 1}.` : '•'} ${l}` : l))),
      );
    else lines.push(`${b.type === 'heading' ? '#'.repeat(b.level) + ' ' : ''}${text(b.children)}`);
  }
  return lines;
}
