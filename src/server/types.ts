// Fastify decorations shared by every route.
import type { Actor } from '../domain/core/auth.js';
import type { Database, Db } from '../db/client.js';

export interface SessionInfo {
  token: string;
  csrfToken: string;
  email: string;
  name: string;
  expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. Set from the session cookie before any handler runs. */
    actor: Actor | null;
    session: SessionInfo | null;
  }
}
