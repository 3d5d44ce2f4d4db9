// Readable axe-core violation reports for the e2e harness (pure, unit-tested).

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Formats axe violations as a readable list (exported for tests). */
export function formatViolations(label: string, violations: AxeViolation[]): string {
  const lines = [
    `${label}: ${violations.length} accessibility ${violations.length === 1 ? 'violation' : 'violations'} (serious or critical under WCAG 2.2 AA, or content outside landmarks)`,
  ];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    at ${n.target.map(String).join(' ')}`);
      if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}
