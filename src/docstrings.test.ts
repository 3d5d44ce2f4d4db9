// Issue 12 item 11: every exported function of src/db, src/server and src/domain carries a docstring (what it
// returns, in which units, what it throws). This reads the sources with the TypeScript parser and lists any without.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Source files (not tests) under one folder of src/. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, 'src', folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => join('src', folder, f));
}

/** Names of the exported functions (declarations and exported const arrow/function expressions) without JSDoc. */
function undocumentedExports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  for (const statement of source.statements) {
    if (!ts.canHaveModifiers(statement)) continue;
    if (!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const names: string[] = [];
    if (ts.isFunctionDeclaration(statement) && statement.body) names.push(statement.name?.text ?? 'default');
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) names.push(d.name.getText(source));
      }
    }
    if (names.length && ts.getJSDocCommentsAndTags(statement).length === 0) missing.push(...names);
  }
  return missing;
}

describe('docstrings', () => {
  it('finds an exported function without one (the check can fail)', () => {
    const text = 'export function bare(a: number) { return a; }\n/** Documented. */\nexport const ok = () => 1;\n';
    expect(undocumentedExports('x.ts', text)).toEqual(['bare']);
  });

  it('are on every exported function of src/db, src/server and src/domain', () => {
    const files = ['db', 'server', 'domain'].flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(300);
    const missing = files.flatMap((f) =>
      undocumentedExports(f, readFileSync(join(ROOT, f), 'utf8')).map((name) => `${f}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
