// The fetch wrapper against a stubbed fetch (unit test only): CSRF header on writes, problem+json parsing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, apiSend, onUnauthorised, problemToError, setCsrfToken, withQuery } from './api';

interface Call {
  url: string;
  init: RequestInit;
}

function stubFetch(status: number, body: unknown, contentType = 'application/problem+json') {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { 'content-type': contentType } });
  });
  return calls;
}

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('sends the CSRF token on writes only, with same-origin credentials and a JSON body', async () => {
    setCsrfToken('token-123');
    const calls = stubFetch(200, { ok: true }, 'application/json');
    await apiGet('/api/dashboard');
    await apiSend('POST', '/api/admin/users', { name: 'A' });
    await apiSend('DELETE', '/api/x/1');
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[0]['x-csrf-token']).toBeUndefined();
    expect(headers[1]['x-csrf-token']).toBe('token-123');
    expect(headers[1]['content-type']).toBe('application/json');
    expect(calls[1].init.body).toBe('{"name":"A"}');
    expect(calls[1].init.method).toBe('POST');
    expect(headers[2]['x-csrf-token']).toBe('token-123');
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('returns parsed JSON, and undefined for 204', async () => {
    stubFetch(200, { users: [{ id: 'u1' }] }, 'application/json');
    await expect(apiGet('/api/admin/users')).resolves.toEqual({ users: [{ id: 'u1' }] });
    stubFetch(204, '');
    await expect(apiSend('POST', '/api/auth/sign-out')).resolves.toBeUndefined();
  });

  it('throws ApiError with the problem fields and field errors', async () => {
    stubFetch(422, {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'Check the fields',
      errors: [
        { field: 'email', message: 'A user with this email address already exists', in: 'body' },
        { field: 'password', message: 'Password must be at least 10 characters' },
      ],
    });
    const err = await apiSend('POST', '/api/admin/users', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(422);
    expect(e.title).toBe('Invalid input');
    expect(e.detail).toBe('Check the fields');
    expect(e.errors).toEqual([
      { field: 'email', message: 'A user with this email address already exists' },
      { field: 'password', message: 'Password must be at least 10 characters' },
    ]);
    expect(e.fieldMessage('password')).toBe('Password must be at least 10 characters');
  });

  it('tells listeners about a 401 unless asked not to', async () => {
    const heard = vi.fn();
    const off = onUnauthorised(heard);
    stubFetch(401, { title: 'Sign in required', status: 401 });
    await expect(apiGet('/api/dashboard')).rejects.toMatchObject({ status: 401 });
    await expect(apiGet('/api/auth/session', { ignoreUnauthorised: true })).rejects.toMatchObject({ status: 401 });
    expect(heard).toHaveBeenCalledTimes(1);
    off();
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(apiGet('/api/health')).rejects.toMatchObject({ status: 0, title: 'Cannot reach Steward' });
  });
});

describe('problemToError', () => {
  it('falls back to a status title for bodies that are not problems', () => {
    expect(problemToError(502, '<html>Bad gateway</html>')).toMatchObject({
      status: 502,
      title: 'Steward is not responding',
      detail: '<html>Bad gateway</html>',
    });
    expect(problemToError(429, { message: 'Too many attempts: try again in 60 seconds' })).toMatchObject({
      title: 'Too many requests',
      detail: 'Too many attempts: try again in 60 seconds',
    });
    expect(problemToError(418, undefined).title).toBe('Request failed (418)');
  });

  it('reads JSON-pointer style errors as dotted field names', () => {
    const e = problemToError(400, {
      title: 'Bad',
      errors: [{ pointer: '#/address/postcode', detail: 'Enter a postcode' }, 'junk'],
    });
    expect(e.errors).toEqual([{ field: 'address.postcode', message: 'Enter a postcode' }]);
  });
});

describe('withQuery', () => {
  it('adds only defined values', () => {
    expect(withQuery('/api/admin/audit', { limit: 50, before: null, entity: undefined })).toBe(
      '/api/admin/audit?limit=50',
    );
    expect(withQuery('/api/x?a=1', { b: 'two words' })).toBe('/api/x?a=1&b=two+words');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});
