// The register of imports: one row per file imported, written inside the import's transaction.
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { AuditActor } from '../core/audit.js';
import { users } from '../core/schema.js';
import { eq } from 'drizzle-orm';
import { importRuns, type ImportRunRow } from './schema.js';

export interface ImportRunInput {
  kind: string;
  fileName: string;
  bytes?: number;
  rowsRead: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  removed?: number;
  messages: string[];
}

/** Records a successful import (call inside the import's transaction). Returns the run's id. */
export async function recordImportRun(db: Db, actor: AuditActor | null, run: ImportRunInput): Promise<string> {
  let userId: string | null = null;
  let actorLabel = 'system';
  if (actor && 'userId' in actor) {
    userId = actor.userId;
    const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    actorLabel = actor.label ?? u?.email ?? actor.userId;
  } else if (actor && 'system' in actor) actorLabel = `system:${actor.system}`;
  const [row] = await db
    .insert(importRuns)
    .values({
      kind: run.kind,
      fileName: run.fileName,
      bytes: run.bytes ?? null,
      userId,
      actorLabel,
      rowsRead: run.rowsRead,
      created: run.created ?? null,
      updated: run.updated ?? null,
      unchanged: run.unchanged ?? null,
      removed: run.removed ?? null,
      messages: run.messages.slice(0, 50),
    })
    .returning({ id: importRuns.id });
  return row.id;
}

/** The latest import of each kind, newest first. */
export async function latestImports(db: Db): Promise<ImportRunRow[]> {
  return db
    .selectDistinctOn([importRuns.kind])
    .from(importRuns)
    .orderBy(importRuns.kind, desc(importRuns.importedAt))
    .then((rows) => rows.sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime()));
}

/** Every import, newest first (the history under the datasets). */
export async function importHistory(db: Db, limit = 100): Promise<ImportRunRow[]> {
  return db.select().from(importRuns).orderBy(desc(importRuns.importedAt)).limit(limit);
}

/** Number of imports of each kind. */
export async function importCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ kind: importRuns.kind, n: sql<number>`count(*)::int` })
    .from(importRuns)
    .groupBy(importRuns.kind);
  return new Map(rows.map((r) => [r.kind, r.n]));
}
