// Renders a commissioner's narrative block element by element from the parsed tree (src/domain/mps/narrative.ts):
// no text is ever inserted as HTML, and only checked link addresses become links.
import { Fragment, type ReactNode } from 'react';
import { parseNarrative, type Inline, type NarrativeBlock } from '../../../src/domain/mps/narrative';

function inlines(list: Inline[]): ReactNode {
  return list.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'link': {
        const external = /^https?:/i.test(n.href);
        return (
          <a key={i} className="govuk-link" href={n.href} {...(external ? { rel: 'noreferrer noopener' } : {})}>
            {inlines(n.children)}
          </a>
        );
      }
    }
  });
}

/**
 * Heading levels inside a block start at `baseLevel` (below the block's own heading): the shallowest heading the
 * writer used (`#` or `##`) becomes `baseLevel`, deeper ones the levels below it.
 */
function blocks(list: NarrativeBlock[], baseLevel: number, top: number): ReactNode {
  return list.map((b, i) => {
    if (b.type === 'heading') {
      const level = Math.min(6, baseLevel + b.level - top);
      const Tag = `h${level}` as 'h3';
      return (
        <Tag key={i} className={level <= 3 ? 'govuk-heading-s' : 'govuk-heading-s'}>
          {inlines(b.children)}
        </Tag>
      );
    }
    if (b.type === 'paragraph')
      return (
        <p key={i} className="govuk-body">
          {inlines(b.children)}
        </p>
      );
    const ListTag = b.ordered ? 'ol' : 'ul';
    return (
      <ListTag key={i} className={`govuk-list ${b.ordered ? 'govuk-list--number' : 'govuk-list--bullet'}`}>
        {b.items.map((item, j) => (
          <li key={j}>
            {item.length === 1 && item[0].type === 'paragraph'
              ? inlines(item[0].children)
              : blocks(item, baseLevel, top)}
          </li>
        ))}
      </ListTag>
    );
  });
}

/** A narrative text as GOV.UK paragraphs, lists and headings (headings start at `headingLevel`). */
export function Narrative({ text, headingLevel = 3 }: { text: string; headingLevel?: number }) {
  if (!text.trim()) return null;
  const tree = parseNarrative(text);
  const levels = tree.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
  return <div className="app-mps-narrative">{blocks(tree, headingLevel, levels.length ? Math.min(...levels) : 1)}</div>;
}
