// Integration-test support for routes: an app on a test database, and clients signed in as a given role.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../domain/core/auth.js';
import type { Database } from '../db/client.js';
import { createSession } from '../db/core/sessions.js';
import { createUser, type UserView } from '../db/core/users.js';
import { buildApp } from './app.js';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/session.js';

/** The full Fastify app on `database`, without logging or the web build, ready for `app.inject` requests. */
export async function createTestApp(database: Database): Promise<FastifyInstance> {
  const app = await buildApp({ database, logger: false, webDist: null });
  await app.ready();
  return app;
}

export interface TestClient {
  user: UserView;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Send raw content (e.g. a CSV upload) with the given content type. */
  send(
    method: 'POST' | 'PUT',
    url: string,
    payload: string | Buffer,
    contentType: string,
  ): Promise<LightMyRequestResponse>;
}

/**
 * A new user with the role (tied to `providerId` for provider users), signed in with a fresh session.
 * The session is created directly (no password hashing round trip) to keep tests fast.
 */
export async function signInAs(
  app: FastifyInstance,
  role: Role,
  opts: { providerId?: string; email?: string } = {},
): Promise<TestClient> {
  const email = opts.email ?? `${role}-${randomBytes(4).toString('hex')}@test.steward.invalid`;
  const user = await createUser(
    app.db,
    {
      email,
      name: `Test ${role}`,
      role,
      password: randomBytes(12).toString('hex'),
      providerId: opts.providerId ?? null,
    },
    { system: 'test' },
  );
  const session = await createSession(app.db, user.id);
  return clientFor(app, user, session.token, session.csrfToken);
}

/** A client with no session at all. */
export function anonymous(app: FastifyInstance) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url }),
    post: (url: string, body?: unknown) => app.inject({ method: 'POST', url, payload: body as never }),
  };
}

function clientFor(app: FastifyInstance, user: UserView, token: string, csrfToken: string): TestClient {
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken };
  const withBody = (method: 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
    app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as never }) });
  return {
    user,
    csrfToken,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, body) => withBody('POST', url, body),
    put: (url, body) => withBody('PUT', url, body),
    patch: (url, body) => withBody('PATCH', url, body),
    delete: (url) => app.inject({ method: 'DELETE', url, headers }),
    send: (method, url, payload, contentType) =>
      app.inject({ method, url, payload, headers: { ...headers, 'content-type': contentType } }),
  };
}
