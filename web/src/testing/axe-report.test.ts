import { describe, expect, it } from 'vitest';
import { formatViolations } from './axe-report';

describe('formatViolations', () => {
  it('lists each violation with impact, rule, help link and the failing elements', () => {
    const text = formatViolations('home page', [
      {
        id: 'color-contrast',
        impact: 'serious',
        help: 'Elements must meet minimum color contrast ratio thresholds',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast',
        nodes: [
          {
            target: ['.app-key-figure__hint'],
            failureSummary: 'Fix any of the following:\n  Element has insufficient color contrast',
          },
        ],
      },
    ]);
    expect(text).toBe(
      [
        'home page: 1 accessibility violation (serious or critical under WCAG 2.2 AA, or content outside landmarks)',
        '- [serious] color-contrast: Elements must meet minimum color contrast ratio thresholds (https://dequeuniversity.com/rules/axe/4.10/color-contrast)',
        '    at .app-key-figure__hint',
        '      Fix any of the following:',
        '        Element has insufficient color contrast',
      ].join('\n'),
    );
  });
});
