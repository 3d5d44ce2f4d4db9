// Markup checks for the statement's pieces (server-rendered to HTML strings): commissioners' text never becomes
// HTML, only safe links are links, and the figures are formatted in their units.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatDifference, formatPounds, formatStatementFigure } from './format';
import { Narrative } from './Narrative';

describe('Narrative', () => {
  it('renders headings, lists, bold and links as GOV.UK markup', () => {
    const html = renderToStaticMarkup(
      <Narrative
        text={'## Our aims\n\nWe want **good** care.\n\n- one\n- two [site](https://www.gov.uk)\n\n1. first'}
      />,
    );
    expect(html).toContain('<h3 class="govuk-heading-s">Our aims</h3>');
    expect(html).toContain('<p class="govuk-body">We want <strong>good</strong> care.</p>');
    expect(html).toContain(
      '<ul class="govuk-list govuk-list--bullet"><li>one</li><li>two <a class="govuk-link" href="https://www.gov.uk" rel="noreferrer noopener">site</a></li></ul>',
    );
    expect(html).toContain('<ol class="govuk-list govuk-list--number"><li>first</li></ol>');
  });

  it('never lets text become HTML or an unsafe link', () => {
    const html = renderToStaticMarkup(
      <Narrative
        text={
          '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [x](data:text/html,hi)'
        }
      />,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
  });

  it('renders nothing for empty text', () => {
    expect(renderToStaticMarkup(<Narrative text={'  \n'} />)).toBe('');
  });
});

describe('figure formats', () => {
  it('shows pence as pounds, shares as percentages, and changes with a sign', () => {
    expect(formatPounds(161_840_000)).toBe('£1.6 million');
    expect(formatPounds(29_500_000)).toBe('£295,000');
    expect(formatStatementFigure(0.908, 'share')).toBe('90.8%');
    expect(formatStatementFigure(103_338, 'pence_per_week')).toBe('£1,033.38 a week');
    expect(formatStatementFigure(2_123, 'pence_per_hour')).toBe('£21.23 an hour');
    expect(formatStatementFigure(1580, 'count')).toBe('1,580');
    expect(formatDifference(-0.025, 'share')).toBe('−2.5 percentage points');
    expect(formatDifference(12, 'count')).toBe('+12');
    expect(formatDifference(0, 'count')).toBe('No change');
  });
});
